import type { CallWhereInput } from '../gql/graphql';

export interface CustomerRef {
  id: string;
  name: string;
  reference: string;
}

/** One page of priced calls: how many calls the filter matched and the customers of those returned. */
export interface PricedPage {
  totalCount: number;
  customers: readonly (CustomerRef | null | undefined)[];
}

/** The filter of an upload's priced calls whose customer has not been seen yet. */
export function pricedCallsWhere(uploadId: string, seen: readonly string[]): CallWhereInput {
  const where: CallWhereInput = { uploadID: uploadId, status: 'PRICED' };
  // An empty NOT IN is left out rather than sent.
  if (seen.length > 0) where.customerIDNotIn = [...seen];
  return where;
}

/**
 * The customers processing will charge. The API has no "customers of an
 * upload", so this pages through the priced calls, each time leaving out the
 * customers already found: every round finds at least one new customer, and
 * it ends when a page holds every call left. After `maxRounds` it stops and
 * says the list is incomplete rather than guess.
 */
export async function findPricedCustomers(
  fetchPage: (seen: string[]) => Promise<PricedPage>,
  maxRounds = 10,
): Promise<{ customers: CustomerRef[]; complete: boolean }> {
  const found = new Map<string, CustomerRef>();
  for (let round = 0; round < maxRounds; round++) {
    const page = await fetchPage([...found.keys()]);
    for (const c of page.customers) if (c) found.set(c.id, c);
    if (page.totalCount <= page.customers.length) {
      return { customers: sortByName([...found.values()]), complete: true };
    }
  }
  return { customers: sortByName([...found.values()]), complete: false };
}

function sortByName(list: CustomerRef[]): CustomerRef[] {
  return list.sort((a, b) => a.name.localeCompare(b.name));
}

/** "1 customer (Leeds Office)", "3 customers (A, B and C)", "at least 12 customers". */
export function customersPhrase(customers: readonly CustomerRef[], complete: boolean, named = 3): string {
  const n = customers.length;
  if (!complete) return `at least ${n} customers`;
  const noun = n === 1 ? '1 customer' : `${n} customers`;
  if (n === 0 || n > named) return noun;
  const names = customers.map((c) => c.name);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${noun} (${list})`;
}
