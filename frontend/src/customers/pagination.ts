import type { CustomerListQueryVariables, CustomerWhereInput } from '../gql/graphql';

export const PAGE_SIZE = 25;

/** Search text → the API filter: the text in the name or in the reference. */
export function customerSearchFilter(q: string): CustomerWhereInput | undefined {
  const text = q.trim();
  if (!text) return undefined;
  return { or: [{ nameContainsFold: text }, { referenceContainsFold: text }] };
}

/**
 * Relay cursor pagination: going forward asks for the first 25 after the last
 * row seen, going back for the last 25 before the first row seen.
 */
export function customerListVariables(page: {
  q: string;
  after?: string | null;
  before?: string | null;
}): CustomerListQueryVariables {
  const where = customerSearchFilter(page.q);
  const orderBy = { field: 'NAME', direction: 'ASC' } as const;
  if (page.before) return { last: PAGE_SIZE, before: page.before, where, orderBy };
  return { first: PAGE_SIZE, after: page.after ?? undefined, where, orderBy };
}
