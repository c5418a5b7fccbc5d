import { pageVariables, type Cursor } from '../common/pager';
import type { ProductListQueryVariables, ProductOrder } from '../gql/graphql';

export const PRODUCT_PAGE_SIZE = 25;

export type ProductSort = 'name' | 'reference' | 'newest';

export const PRODUCT_SORTS: { value: ProductSort; label: string }[] = [
  { value: 'name', label: 'By name' },
  { value: 'reference', label: 'By reference' },
  { value: 'newest', label: 'Newest first' },
];

const ORDERS: Record<ProductSort, ProductOrder> = {
  name: { field: 'NAME', direction: 'ASC' },
  reference: { field: 'REFERENCE', direction: 'ASC' },
  newest: { field: 'CREATED_AT', direction: 'DESC' },
};

/** The sort named in the URL; anything else sorts by name. */
export function toProductSort(s: string | null): ProductSort {
  return s === 'reference' || s === 'newest' ? s : 'name';
}

/** A page of products in the chosen order, matching the search text in name, reference or category. */
export function productListVariables(page: { q: string; sort: ProductSort } & Cursor): ProductListQueryVariables {
  const text = page.q.trim();
  return {
    ...pageVariables(PRODUCT_PAGE_SIZE, page),
    where: text
      ? { or: [{ nameContainsFold: text }, { referenceContainsFold: text }, { categoryContainsFold: text }] }
      : undefined,
    orderBy: ORDERS[page.sort],
  };
}
