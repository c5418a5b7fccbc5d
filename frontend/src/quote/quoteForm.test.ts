import { describe, expect, it } from 'vitest';
import { formatSeconds, toQuoteInput, validateQuote, type QuoteFormValues } from './quoteForm';

const values = (over: Partial<QuoteFormValues> = {}): QuoteFormValues => ({
  tariffId: 't1',
  providerId: null,
  direction: 'OUTBOUND',
  number: '01134960123',
  chargeCode: '',
  startDay: '2026-06-01',
  startTime: '10:00',
  timeZone: 'Europe/London',
  durationSeconds: 61,
  ...over,
});

describe('validateQuote', () => {
  it('accepts the docs/rating.md example', () => {
    expect(validateQuote(values())).toEqual({});
  });

  it('needs a number, worded for the direction', () => {
    expect(validateQuote(values({ number: '  ' })).number).toMatch(/dialled number/);
    expect(validateQuote(values({ number: '', direction: 'INBOUND' })).number).toMatch(/caller's number/);
  });

  it('needs a readable start', () => {
    expect(validateQuote(values({ startDay: null })).startDay).toBeDefined();
    expect(validateQuote(values({ startTime: '10' })).startTime).toMatch(/HH:MM/);
  });

  it.each([
    ['', /answered seconds/],
    ['abc', /answered seconds/],
    [-1, /0 or more/],
    [1.5, /Whole seconds/],
    [10_000_000, /At most a week/],
  ])('refuses duration %j', (d, msg) => {
    expect(validateQuote(values({ durationSeconds: d })).durationSeconds).toMatch(msg);
  });

  it('zero seconds is a valid question (an unanswered call)', () => {
    expect(validateQuote(values({ durationSeconds: 0 }))).toEqual({});
  });
});

describe('toQuoteInput', () => {
  it('sends the start as the instant it is in the chosen zone', () => {
    expect(toQuoteInput(values())).toEqual({
      tariffID: 't1',
      providerID: undefined,
      direction: 'OUTBOUND',
      number: '01134960123',
      chargeCode: undefined,
      start: '2026-06-01T09:00:00Z',
      durationSeconds: 61,
    });
  });

  it('keeps a charge code, trimmed, and a provider', () => {
    const input = toQuoteInput(values({ chargeCode: ' UKN ', providerId: 'p9', durationSeconds: '30', timeZone: 'UTC' }));
    expect(input.chargeCode).toBe('UKN');
    expect(input.providerID).toBe('p9');
    expect(input.durationSeconds).toBe(30);
    expect(input.start).toBe('2026-06-01T10:00:00Z');
  });
});

describe('formatSeconds', () => {
  it.each([
    [0, '0 s'],
    [59, '59 s'],
    [60, '1 min'],
    [61, '1 min 1 s'],
    [3720, '1 h 2 min'],
  ])('%i → %s', (s, text) => {
    expect(formatSeconds(s)).toBe(text);
  });
});
