import { describe, expect, it } from 'vitest';
import {
  callFilterToWhere,
  callsCsvURL,
  emptyCallFilter,
  filterFromParams,
  filterToParams,
  normaliseNumberSearch,
} from './callFilter';

// A deployment in the UK; the browser running the tests is in New York.
const london = { zone: 'Europe/London', countryCode: '44' };

describe('searching calls', () => {
  it.each([
    ['01134960001', '441134960001'],
    ['0113 496-0001', '441134960001'],
    ['+44 (113) 496 0001', '441134960001'],
    ['0044113496', '44113496'],
    ['4960001', '4960001'],
    ['  ', ''],
    ['TRUNK-7', 'TRUNK7'],
  ])('normalises %s as calls store numbers: %s', (typed, stored) => {
    expect(normaliseNumberSearch(typed, '44')).toBe(stored);
  });

  it('reads a national number with the deployment’s country code', () => {
    expect(normaliseNumberSearch('0612345678', '33')).toBe('33612345678');
  });

  it('maps nothing to no filter (the API refuses an empty one)', () => {
    expect(callFilterToWhere(emptyCallFilter, london)).toBeUndefined();
    expect(callFilterToWhere({ ...emptyCallFilter, cli: ' ' }, london)).toBeUndefined();
  });

  it('reads days as whole days in London, last day included', () => {
    // June is British Summer Time: midnight in London is 23:00 UTC the day before.
    expect(callFilterToWhere({ ...emptyCallFilter, from: '2026-06-01', to: '2026-06-30' }, london)).toEqual({
      startGTE: '2026-05-31T23:00:00Z',
      startLT: '2026-06-30T23:00:00Z',
    });
    expect(callFilterToWhere({ ...emptyCallFilter, from: '2026-01-01' }, london)).toEqual({ startGTE: '2026-01-01T00:00:00Z' });
    expect(callFilterToWhere({ ...emptyCallFilter, from: '2026-06-01' }, { ...london, zone: 'Asia/Tokyo' })).toEqual({
      startGTE: '2026-05-31T15:00:00Z',
    });
  });

  it('searches the CLI anywhere, the destination from its start when typed as a number', () => {
    expect(callFilterToWhere({ ...emptyCallFilter, cli: '0113 4960002', destination: '07700' }, london)).toEqual({
      sourceContains: '441134960002',
      destinationHasPrefix: '447700',
    });
    expect(callFilterToWhere({ ...emptyCallFilter, destination: '900123' }, london)).toEqual({ destinationContains: '900123' });
  });

  it('scopes to a customer, an upload, and leaves out uploads not processed', () => {
    expect(
      callFilterToWhere(
        { ...emptyCallFilter, uploadId: '21474836481', status: 'NO_RATE' },
        { ...london, customerId: '34359738369', excludeUploadIds: ['21474836482'] },
      ),
    ).toEqual({
      customerID: '34359738369',
      uploadIDNotIn: ['21474836482'],
      uploadID: '21474836481',
      status: 'NO_RATE',
    });
  });

  it('unbilled means priced and on no charge yet, whatever status was picked', () => {
    expect(callFilterToWhere({ ...emptyCallFilter, unbilled: true, status: 'DUPLICATE' }, london)).toEqual({
      status: 'PRICED',
      chargeIDIsNil: true,
    });
  });

  it('round-trips through the URL, starting again from the first page', () => {
    const f = { ...emptyCallFilter, from: '2026-06-01', cli: '0113', status: 'PRICED' as const, unbilled: true };
    const params = filterToParams(f, new URLSearchParams('after=abc&tab=x'));
    expect(params.get('after')).toBeNull();
    expect(params.get('tab')).toBe('x');
    expect(filterFromParams(params)).toEqual(f);
    expect(filterFromParams(new URLSearchParams('status=BOGUS&from=yesterday'))).toEqual(emptyCallFilter);
  });

  it('exports what the list shows: every filter, not only an upload', () => {
    expect(callsCsvURL(emptyCallFilter, london)).toBe('/download/calls.csv');
    const f = { ...emptyCallFilter, from: '2026-06-01', to: '2026-06-30', cli: '0113 496', destination: '07700', status: 'PRICED' as const };
    expect(callsCsvURL(f, london)).toBe(
      '/download/calls.csv?from=2026-05-31T23%3A00%3A00Z&to=2026-06-30T23%3A00%3A00Z&source=44113496&destPrefix=447700&status=PRICED',
    );
    expect(callsCsvURL({ ...emptyCallFilter, destination: '555', uploadId: '21474836482' }, london)).toBe(
      '/download/calls.csv?upload=21474836482&dest=555',
    );
  });

  it('exports a customer’s calls of processed uploads, with the page’s filters', () => {
    const scope = { ...london, customerId: '34359738369', excludeUploadIds: ['21474836482'] };
    expect(callsCsvURL({ ...emptyCallFilter, unbilled: true, cli: '+44 113 496 0001' }, scope)).toBe(
      '/download/calls.csv?customer=34359738369&processed=1&source=441134960001&status=PRICED&unbilled=1',
    );
  });

  it('finds a number typed as it is shown, range star included', () => {
    expect(normaliseNumberSearch('0113 496 0002*', '44')).toBe('441134960002');
    expect(normaliseNumberSearch('+1 212-555-0100', '44')).toBe('12125550100');
  });
});
