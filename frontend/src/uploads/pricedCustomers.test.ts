import { describe, expect, it } from 'vitest';
import { customersPhrase, findPricedCustomers, pricedCallsWhere, type CustomerRef } from './pricedCustomers';

const leeds: CustomerRef = { id: '1', name: 'Leeds Office', reference: 'C1' };
const bradford: CustomerRef = { id: '2', name: 'Bradford Hire', reference: 'C2' };
const york: CustomerRef = { id: '3', name: 'York Print', reference: 'C3' };

/** A fake API over a list of priced calls' customers, pages of `size`. */
function pages(calls: CustomerRef[], size: number) {
  const asked: string[][] = [];
  const fetchPage = async (seen: string[]) => {
    asked.push(seen);
    const left = calls.filter((c) => !seen.includes(c.id));
    return { totalCount: left.length, customers: left.slice(0, size) };
  };
  return { fetchPage, asked };
}

describe('the customers an upload will charge', () => {
  it('is found in one page when the page holds every call', async () => {
    const { fetchPage, asked } = pages([leeds, leeds, bradford], 100);
    expect(await findPricedCustomers(fetchPage)).toEqual({ customers: [bradford, leeds], complete: true });
    expect(asked).toEqual([[]]);
  });

  it('pages past the customers already found', async () => {
    const { fetchPage, asked } = pages([leeds, leeds, leeds, bradford, york, york], 2);
    expect(await findPricedCustomers(fetchPage)).toEqual({ customers: [bradford, leeds, york], complete: true });
    expect(asked).toEqual([[], ['1'], ['1', '2', '3']]);
  });

  it('says the list is incomplete rather than guess', async () => {
    const { fetchPage } = pages([leeds, leeds, bradford, bradford, york], 1);
    const r = await findPricedCustomers(fetchPage, 2);
    expect(r.complete).toBe(false);
    expect(customersPhrase(r.customers, r.complete)).toBe('at least 2 customers');
  });

  it('filters priced calls of the upload, leaving out customers seen', () => {
    expect(pricedCallsWhere('21474836481', [])).toEqual({ uploadID: '21474836481', status: 'PRICED' });
    expect(pricedCallsWhere('21474836481', ['34359738369'])).toEqual({
      uploadID: '21474836481',
      status: 'PRICED',
      customerIDNotIn: ['34359738369'],
    });
  });

  it('names a few customers in a sentence', () => {
    expect(customersPhrase([leeds], true)).toBe('1 customer (Leeds Office)');
    expect(customersPhrase([bradford, leeds, york], true)).toBe('3 customers (Bradford Hire, Leeds Office and York Print)');
    expect(customersPhrase([bradford, leeds, york, { id: '4', name: 'Z', reference: 'Z' }], true)).toBe('4 customers');
    expect(customersPhrase([], true)).toBe('0 customers');
  });
});
