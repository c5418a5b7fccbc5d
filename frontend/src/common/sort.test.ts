import { describe, expect, it } from 'vitest';
import { nextSort, sortFromParams, sortToParams, type Sort } from './sort';

type F = 'NAME' | 'REFERENCE' | 'UNBILLED_TOTAL';
const FIELDS: readonly F[] = ['NAME', 'REFERENCE', 'UNBILLED_TOTAL'];
const BY_NAME: Sort<F> = { field: 'NAME', direction: 'ASC' };

describe('sort in the URL', () => {
  it('reads a field and its direction, and falls back on anything else', () => {
    expect(sortFromParams(new URLSearchParams('sort=REFERENCE'), FIELDS, BY_NAME)).toEqual({ field: 'REFERENCE', direction: 'ASC' });
    expect(sortFromParams(new URLSearchParams('sort=-UNBILLED_TOTAL'), FIELDS, BY_NAME)).toEqual({
      field: 'UNBILLED_TOTAL',
      direction: 'DESC',
    });
    expect(sortFromParams(new URLSearchParams('sort=-DROP'), FIELDS, BY_NAME)).toBe(BY_NAME);
    expect(sortFromParams(new URLSearchParams(''), FIELDS, BY_NAME)).toBe(BY_NAME);
  });

  it('writes the order back on the first page, and leaves the default order out', () => {
    const p = new URLSearchParams('q=acme&after=abc&sort=NAME');
    const next = sortToParams(p, { field: 'UNBILLED_TOTAL', direction: 'DESC' }, BY_NAME);
    expect(next.get('sort')).toBe('-UNBILLED_TOTAL');
    expect(next.get('after')).toBeNull();
    expect(next.get('q')).toBe('acme');
    expect(sortToParams(next, BY_NAME, BY_NAME).has('sort')).toBe(false);
  });

  it('turns the same column round and starts another in its own direction', () => {
    expect(nextSort(BY_NAME, 'NAME', 'ASC')).toEqual({ field: 'NAME', direction: 'DESC' });
    expect(nextSort({ field: 'NAME', direction: 'DESC' }, 'NAME', 'ASC')).toEqual(BY_NAME);
    expect(nextSort(BY_NAME, 'UNBILLED_TOTAL', 'DESC')).toEqual({ field: 'UNBILLED_TOTAL', direction: 'DESC' });
  });
});
