import { pageVariables, type Cursor } from '../common/pager';
import type { Sort } from '../common/sort';
import type { CustomerListQueryVariables, CustomerOrderField, CustomerWhereInput } from '../gql/graphql';

export const PAGE_SIZE = 25;

/** Search text → the API filter: the text in the name or in the reference. */
export function customerSearchFilter(q: string): CustomerWhereInput | undefined {
  const text = q.trim();
  if (!text) return undefined;
  return { or: [{ nameContainsFold: text }, { referenceContainsFold: text }] };
}

/** The orders the customer list offers, and its default: by name. */
export const CUSTOMER_SORT_FIELDS: readonly CustomerOrderField[] = ['REFERENCE', 'NAME', 'STATUS', 'UNBILLED_TOTAL'];
export const CUSTOMERS_BY_NAME: Sort<CustomerOrderField> = { field: 'NAME', direction: 'ASC' };

/** A page of customers in the chosen order (by name unless told), matching the search text. */
export function customerListVariables(
  page: { q: string; sort?: Sort<CustomerOrderField> } & Cursor,
): CustomerListQueryVariables {
  return {
    ...pageVariables(PAGE_SIZE, page),
    where: customerSearchFilter(page.q),
    orderBy: page.sort ?? CUSTOMERS_BY_NAME,
  };
}
