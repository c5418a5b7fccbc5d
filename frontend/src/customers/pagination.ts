import { pageVariables, type Cursor } from '../common/pager';
import type { CustomerListQueryVariables, CustomerWhereInput } from '../gql/graphql';

export const PAGE_SIZE = 25;

/** Search text → the API filter: the text in the name or in the reference. */
export function customerSearchFilter(q: string): CustomerWhereInput | undefined {
  const text = q.trim();
  if (!text) return undefined;
  return { or: [{ nameContainsFold: text }, { referenceContainsFold: text }] };
}

/** A page of customers by name, matching the search text. */
export function customerListVariables(page: { q: string } & Cursor): CustomerListQueryVariables {
  return {
    ...pageVariables(PAGE_SIZE, page),
    where: customerSearchFilter(page.q),
    orderBy: { field: 'NAME', direction: 'ASC' },
  };
}
