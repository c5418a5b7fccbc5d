import { describe, expect, it } from 'vitest';
import { customerListVariables, PAGE_SIZE } from './pagination';

describe('customerListVariables', () => {
  it('the first page asks for the first 25 by name', () => {
    expect(customerListVariables({ q: '' })).toEqual({
      first: PAGE_SIZE,
      after: undefined,
      where: undefined,
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
  });

  it('next page goes forward from the last cursor seen', () => {
    expect(customerListVariables({ q: '', after: 'c25' })).toMatchObject({ first: 25, after: 'c25' });
  });

  it('previous page goes back from the first cursor seen', () => {
    const v = customerListVariables({ q: '', before: 'c26' });
    expect(v).toMatchObject({ last: 25, before: 'c26' });
    expect(v).not.toHaveProperty('first');
  });

  it('search text matches the name or the reference', () => {
    expect(customerListVariables({ q: '  acme ' }).where).toEqual({
      or: [{ nameContainsFold: 'acme' }, { referenceContainsFold: 'acme' }],
    });
  });
});
