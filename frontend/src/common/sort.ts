import { withCursor } from './pager';

/**
 * Server-side ordering of a paged list, kept in the page's URL as
 * ?sort=NAME (ascending) or ?sort=-NAME (descending) so a reload or a
 * shared link shows the same order. The fields are the API's *OrderField
 * values; a cursor belongs to one order, so changing it starts again from
 * the first page.
 */
export type SortDirection = 'ASC' | 'DESC';

export interface Sort<F extends string> {
  field: F;
  direction: SortDirection;
}

/** The order named in the URL when it is one of fields, else fallback. */
export function sortFromParams<F extends string>(p: URLSearchParams, fields: readonly F[], fallback: Sort<F>): Sort<F> {
  const raw = p.get('sort') ?? '';
  const desc = raw.startsWith('-');
  const field = (desc ? raw.slice(1) : raw) as F;
  if (!fields.includes(field)) return fallback;
  return { field, direction: desc ? 'DESC' : 'ASC' };
}

/** The URL for order s, back on the first page; the fallback order leaves no sort parameter. */
export function sortToParams<F extends string>(p: URLSearchParams, s: Sort<F>, fallback: Sort<F>): URLSearchParams {
  const next = withCursor(p, {});
  if (s.field === fallback.field && s.direction === fallback.direction) next.delete('sort');
  else next.set('sort', `${s.direction === 'DESC' ? '-' : ''}${s.field}`);
  return next;
}

/**
 * The order after a click on a column's header: the same column turns
 * round; another starts in its natural direction (firstDirection: names
 * A→Z, dates and money largest first).
 */
export function nextSort<F extends string>(current: Sort<F>, field: F, firstDirection: SortDirection): Sort<F> {
  if (current.field === field) return { field, direction: current.direction === 'ASC' ? 'DESC' : 'ASC' };
  return { field, direction: firstDirection };
}
