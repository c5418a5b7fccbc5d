import { describe, expect, it } from 'vitest';
import { emptyCli, toCreateCliInput, validateCli, type CliFormValues } from './cliForm';

const cli = (v: Partial<CliFormValues>): CliFormValues => ({ ...emptyCli, ...v });

describe('validateCli', () => {
  it.each([
    ['a national number', '01134960000'],
    ['an international number', '+441134960001'],
    ['a number typed with spaces and brackets', '+44 (0)113 496-0000'],
    ['a number range', '44113496*'],
    ['an account code', 'SIPTRUNK-0042'],
  ])('accepts %s', (_, value) => {
    expect(validateCli(cli({ value }))).toEqual({});
  });

  it.each([
    ['an empty value', '   ', /Enter a phone number/],
    ['too few digits', '12', /at least 3 digits/],
    ['too many digits', '+4411349600001234567890', /at most 20 digits/],
    ['a star inside an account code', 'ACME*', /Only a number can be a range/],
    ['spaces inside an account code', 'ACME 01', /account code/],
  ])('refuses %s', (_, value, message) => {
    expect(validateCli(cli({ value })).value).toMatch(message);
  });

  it('valid from may be empty: the CLI then matches calls since always', () => {
    expect(validateCli(cli({ value: '01134960000', validFrom: null, validTo: '2026-02-01' }))).toEqual({});
  });

  it('valid to is exclusive, so it must come after valid from', () => {
    const sameDay = cli({ value: '01134960000', validFrom: '2026-02-01', validTo: '2026-02-01' });
    expect(validateCli(sameDay).validTo).toBe('Valid to must be after valid from');
    const later = cli({ value: '01134960000', validFrom: '2026-02-01', validTo: '2026-02-02' });
    expect(validateCli(later)).toEqual({});
  });
});

describe('toCreateCliInput', () => {
  it('leaves empty optional fields out', () => {
    expect(toCreateCliInput('c1', cli({ value: ' 01134960000 ' }), 'Europe/London')).toEqual({
      customerID: 'c1',
      value: '01134960000',
      validFrom: undefined,
      validTo: undefined,
      siteID: undefined,
      description: undefined,
    });
  });

  it('passes site, end day and description through; days start at midnight in the deployment’s zone', () => {
    const input = toCreateCliInput(
      'c1',
      cli({ value: '44113496*', validFrom: '2026-02-01', validTo: '2026-06-01', siteId: 's1', description: ' Leeds ' }),
      'Europe/London',
    );
    expect(input).toMatchObject({
      validFrom: '2026-02-01T00:00:00Z',
      // 1 June is in British Summer Time: its midnight is 23:00 UTC the day before.
      validTo: '2026-05-31T23:00:00Z',
      siteID: 's1',
      description: 'Leeds',
    });
  });
});
