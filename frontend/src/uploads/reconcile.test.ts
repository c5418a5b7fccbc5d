import { describe, expect, it } from 'vitest';
import { valueAtStake } from './reconcile';

const total = (v: string) => `£${v}`;

describe('the value at stake of calls without a customer (Issue 10, item 5)', () => {
  it('is the value when the default tariff prices every call', () => {
    expect(valueAtStake({ value: '1.20', calls: 3, unvalued: 0 }, total)).toBe('£1.20');
  });
  it('is unknown, not zero, when the default tariff has no rate for any of them', () => {
    expect(valueAtStake({ value: '0', calls: 4, unvalued: 4 }, total)).toBe('unknown: no rate at the default tariff');
  });
  it('says how many calls it leaves out when it knows the value of some', () => {
    expect(valueAtStake({ value: '0.50', calls: 3, unvalued: 1 }, total)).toBe('£0.50 + 1 call of unknown value');
  });
});
