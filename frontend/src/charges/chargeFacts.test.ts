import { describe, expect, it } from 'vitest';
import { formatMoney } from '../common/money';
import { chargeFacts, monthOf, type ChargeFactsInput } from './chargeFacts';
import { multiply, proRata } from './decimal';
import { toChargeInput, validateCharge, emptyCharge } from './chargeForm';

const money = (d: string | null | undefined) => formatMoney(d, { symbol: '£', places: 2, rounding: 'half-up' });
const monthlyOn1 = { name: 'Monthly on the 1st', frequency: 'MONTHLY' as const, anchorDay: 1 };
const base: ChargeFactsInput = {
  recurrence: 'MONTHLY',
  quantity: '1',
  unitPrice: '30.00',
  schedule: monthlyOn1,
  places: 2,
  rounding: 'half-up',
  money,
};

describe('exact charge arithmetic', () => {
  it('rounds quantity × unit price only once, from the exact product', () => {
    expect(multiply('3', '1.87', 2, 'half-up')).toBe('5.61');
    expect(multiply('0.5', '0.25', 2, 'half-up')).toBe('0.13');
    expect(multiply('0.5', '0.25', 2, 'half-even')).toBe('0.12');
    expect(multiply('0.5', '0.25', 2, 'down')).toBe('0.12');
  });

  it('works a pro rata price from its exact quotient (BILLING.md examples 2 and 6)', () => {
    expect(proRata('30.00', 21, 30, 2, 'half-up')).toBe('21.00');
    expect(proRata('8.00', 7, 30, 2, 'half-up')).toBe('1.87');
    // 10 × 1/3 = 3.333… never reaches a half, whatever the expansion.
    expect(proRata('10', 1, 3, 2, 'up')).toBe('3.34');
    expect(proRata('10', 1, 3, 2, 'half-up')).toBe('3.33');
  });
});

describe('monthOf', () => {
  it('finds the month holding a day, from the anchor day', () => {
    expect(monthOf('2026-06-10', 1)).toEqual({ start: '2026-06-01', end: '2026-07-01' });
    expect(monthOf('2026-06-10', 15)).toEqual({ start: '2026-05-15', end: '2026-06-15' });
    expect(monthOf('2026-12-20', 15)).toEqual({ start: '2026-12-15', end: '2027-01-15' });
  });
});

describe('chargeFacts', () => {
  it('a monthly charge starting on 10 June is pro rata for 21 of 30 days, then whole months in advance', () => {
    const facts = chargeFacts({ ...base, startDate: '2026-06-10' });
    expect(facts).toContain('It starts part-way through a month: 1 Jun 2026 – 30 Jun 2026 is pro rata, 21 of 30 days at £21.00: 1 × £21.00 = £21.00.');
    expect(facts.some((f) => f.startsWith('Each whole month: 1 × £30.00 = £30.00, billed in advance'))).toBe(true);
  });

  it('rounds the pro rata unit price before multiplying by the quantity (example 6)', () => {
    const facts = chargeFacts({ ...base, quantity: '3', unitPrice: '8.00', startDate: '2026-06-24' });
    expect(facts.join('\n')).toContain('7 of 30 days at £1.87: 3 × £1.87 = £5.61');
    expect(facts.join('\n')).toContain('Each whole month: 3 × £8.00 = £24.00');
  });

  it('a charge starting on the first of a month has no pro rata line', () => {
    expect(chargeFacts({ ...base, startDate: '2026-06-01' }).join('\n')).not.toContain('pro rata');
  });

  it('follows the months of a schedule anchored on the 15th', () => {
    const facts = chargeFacts({ ...base, startDate: '2026-06-15', schedule: { name: 'Mid-month', frequency: 'MONTHLY', anchorDay: 15 } });
    expect(facts[0]).toBe('Its months run from the 15th to the 14th, as Mid-month does.');
    expect(facts.join('\n')).not.toContain('pro rata');
  });

  it('a charge already billed through 20 June bills the rest of June pro rata', () => {
    const facts = chargeFacts({ ...base, startDate: '2026-01-01', billedThrough: '2026-06-20' });
    expect(facts[0]).toContain('Tollgate bills from 21 Jun 2026');
    expect(facts.join('\n')).toContain('10 of 30 days at £10.00');
  });

  it('an end inside a later month makes that month pro rata', () => {
    const facts = chargeFacts({ ...base, startDate: '2026-06-01', endDate: '2026-08-15' });
    expect(facts.join('\n')).toContain('It ends 15 Aug 2026: 1 Aug 2026 – 31 Aug 2026 is pro rata, 15 of 31 days at £14.52: 1 × £14.52 = £14.52.');
  });

  it('a quarterly charge renews whole from its start date', () => {
    const facts = chargeFacts({ ...base, recurrence: 'QUARTERLY', startDate: '2026-06-10' });
    expect(facts).toEqual(['Renews every 3 months from 10 Jun 2026, always charged whole (never pro rata): 1 × £30.00 = £30.00 a quarter, billed in advance.']);
  });

  it('a one-off charge is billed once', () => {
    expect(chargeFacts({ ...base, recurrence: 'ONE_OFF', quantity: '2', date: '2026-06-02' })).toEqual([
      'Billed once, by the first run whose period ends after 2 Jun 2026: 2 × £30.00 = £60.00.',
    ]);
  });
});

describe('the charge form', () => {
  it('refuses dates that cannot be, before the server does', () => {
    const v = { ...emptyCharge('2026-06-10'), productId: 'p1' };
    expect(validateCharge(v, 'MONTHLY', 2)).toEqual({});
    expect(validateCharge({ ...v, endDate: '2026-06-01' }, 'MONTHLY', 2).endDate).toBeTruthy();
    expect(validateCharge({ ...v, billedThrough: '2026-06-01' }, 'MONTHLY', 2).billedThrough).toBeTruthy();
    expect(validateCharge({ ...v, quantity: '0' }, 'MONTHLY', 2).quantity).toBeTruthy();
    expect(validateCharge({ ...v, unitPrice: '1.005' }, 'MONTHLY', 2).unitPrice).toMatch(/2 decimal places/);
    expect(validateCharge({ ...v, productId: null }, undefined, 2).productId).toBeTruthy();
  });

  it('sends a one-off date or a recurring charge’s dates, never both, and leaves an empty price to the product', () => {
    const v = { ...emptyCharge('2026-06-10'), productId: 'p1', endDate: '2026-12-31' };
    expect(toChargeInput(v, 'ONE_OFF')).toEqual({ productID: 'p1', quantity: '1', date: '2026-06-10' });
    expect(toChargeInput({ ...v, unitPrice: '£9.50' }, 'MONTHLY')).toEqual({
      productID: 'p1',
      quantity: '1',
      unitPrice: '9.50',
      startDate: '2026-06-10',
      endDate: '2026-12-31',
    });
  });
});
