import { describe, expect, it } from 'vitest';
import { formatMoney } from './format';

describe('formatMoney', () => {
  it.each([
    ['0', '0.00'],
    ['12.3', '12.30'],
    ['1234.5', '1,234.50'],
    ['-0.07', '-0.07'],
    // Exact decimals keep every digit: no float rounding on the way.
    ['1234567.1250', '1,234,567.1250'],
    ['0.1234', '0.1234'],
    ['not a number', 'not a number'],
    ['', '—'],
  ])('%s → %s', (input, want) => {
    expect(formatMoney(input)).toBe(want);
  });
});
