import { describe, expect, it } from 'vitest';
import type { CdrUploadStatus } from '../gql/graphql';
import { formatEta, formatRate, isMeasured, newerUpload, percent, phaseLabel, progressSummary, shownUpload } from './progress';

describe('upload progress', () => {
  it.each([
    [null, null],
    [undefined, null],
    [-1, null],
    [0, 'almost done'],
    [0.4, 'almost done'],
    [5, 'about 5 s left'],
    [59, 'about 59 s left'],
    [60, '1 min 00 s left'],
    [125, '2 min 05 s left'],
    [3600, '1 h 00 min left'],
    [3725, '1 h 02 min left'],
  ])('ETA of %s seconds reads %s', (seconds, text) => {
    expect(formatEta(seconds)).toBe(text);
  });

  it('shows the pace only once it is known', () => {
    expect(formatRate(0)).toBeNull();
    expect(formatRate(123456)).toBe('123,456 calls/s');
  });

  it('never shows 100% before the work is done', () => {
    expect(percent(0)).toBe(0);
    expect(percent(0.456)).toBe(45);
    expect(percent(0.999)).toBe(99);
    expect(percent(1)).toBe(99);
    expect(percent(1, true)).toBe(100);
    expect(percent(Number.NaN)).toBe(0);
  });

  it('names phases in billing words', () => {
    expect(phaseLabel('READING')).toBe('Reading and pricing calls');
    expect(phaseLabel('DUPLICATES')).toBe('Looking for duplicate calls');
    expect(phaseLabel(null)).toBe('Waiting to start');
    expect(phaseLabel('WAITING_FOR_QUEUE')).toContain('starts by itself once the queue is back');
  });

  it('summarises a running analysis in one line', () => {
    expect(
      progressSummary({ phase: 'READING', fraction: 0.4567, linesDone: 120000, linesPerSecond: 60000, etaSeconds: 2 }),
    ).toBe('Reading and pricing calls · 45% · 120,000 lines · 60,000 calls/s · about 2 s left');
    expect(progressSummary({ phase: 'QUEUED', fraction: 0, linesDone: 0, linesPerSecond: 0, etaSeconds: null })).toBe(
      'Waiting to start',
    );
    // After reading, the per cent and pace of the reading say nothing about what is left.
    expect(
      progressSummary({ phase: 'DUPLICATES', fraction: 1, linesDone: 600000, linesPerSecond: 51847, etaSeconds: null }),
    ).toBe('Looking for duplicate calls · 600,000 lines');
  });

  it('measures the bar only while reading', () => {
    expect(isMeasured({ phase: 'READING', fraction: 0.3 })).toBe(true);
    expect(isMeasured({ phase: 'READING', fraction: 0 })).toBe(false);
    expect(isMeasured({ phase: 'DUPLICATES', fraction: 1 })).toBe(false);
  });

  it('keeps the snapshot the server wrote last, the query on a tie', () => {
    const query = { updatedAt: '2026-06-01T10:00:00.100Z', from: 'query' };
    const older = { updatedAt: '2026-06-01T10:00:00.050Z', from: 'event' };
    const newer = { updatedAt: '2026-06-01T10:00:01Z', from: 'event' };
    expect(newerUpload(query, null).from).toBe('query');
    expect(newerUpload(query, older).from).toBe('query');
    expect(newerUpload(query, newer).from).toBe('event');
    expect(newerUpload(query, { ...query, from: 'event' }).from).toBe('query');
  });
});

describe('the figures the upload page shows (Issue 10, item 1)', () => {
  type Row = { id: string; status: CdrUploadStatus; updatedAt: string; totalCost?: string };
  const queried: Row = { id: '1', status: 'ANALYSING', updatedAt: '2026-06-01T10:00:00Z', totalCost: '0' };
  it('are not final when the event saying Ready is newer than the query', () => {
    const shown = shownUpload<Row, Row>(queried, { id: '1', status: 'READY', updatedAt: '2026-06-01T10:00:08Z' });
    expect(shown.upload.status).toBe('READY');
    expect(shown.final).toBe(false);
  });
  it('are not final after a re-analysis ends, until the page asks again', () => {
    const ready: Row = { ...queried, status: 'READY' };
    expect(shownUpload<Row, Row>(ready, { id: '1', status: 'READY', updatedAt: '2026-06-01T10:05:00Z' }).final).toBe(false);
  });
  it('are final once the query is answered after the last event', () => {
    const ready: Row = { ...queried, status: 'READY', updatedAt: '2026-06-01T10:00:09Z' };
    expect(shownUpload<Row, Row>(ready, { id: '1', status: 'READY', updatedAt: '2026-06-01T10:00:08Z' }).final).toBe(true);
    expect(shownUpload(ready, null).final).toBe(true);
  });
  it('are never final while the work runs', () => {
    expect(shownUpload(queried, null).final).toBe(false);
  });
});
