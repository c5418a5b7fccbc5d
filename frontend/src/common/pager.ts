/**
 * Relay cursor paging, as every list of the API does it: forward is the
 * first N after the last row seen, back is the last N before the first row
 * seen. Lists whose page belongs in the address keep the cursor in the URL
 * (?after= / ?before=), so a reload or a shared link shows the same page.
 */

/** Where a page starts: after one cursor, before another, or neither (the first page). */
export interface Cursor {
  after?: string | null;
  before?: string | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor?: string | null;
  endCursor?: string | null;
}

export type PageVariables = { first: number; after?: string } | { last: number; before: string };

export function pageVariables(size: number, cursor: Cursor): PageVariables {
  if (cursor.before) return { last: size, before: cursor.before };
  return { first: size, after: cursor.after ?? undefined };
}

/** The cursor a page button goes to. */
export function nextCursor(info: PageInfo): Cursor {
  return { after: info.endCursor ?? undefined };
}

export function previousCursor(info: PageInfo): Cursor {
  return { before: info.startCursor ?? undefined };
}

export function cursorFromParams(p: URLSearchParams): Cursor {
  return { after: p.get('after'), before: p.get('before') };
}

/** The params with the cursor replaced; an empty cursor goes back to the first page. */
export function withCursor(p: URLSearchParams, cursor: Cursor): URLSearchParams {
  const next = new URLSearchParams(p);
  next.delete('after');
  next.delete('before');
  if (cursor.before) next.set('before', cursor.before);
  else if (cursor.after) next.set('after', cursor.after);
  return next;
}
