import { describe, expect, it } from 'vitest';
import { formatMinor, formatMoney, roundDecimal, type Rounding } from './money';

const pounds = (places: number, rounding: Rounding = 'half-up') => ({ symbol: '£', places, rounding });

describe('formatMoney', () => {
  it.each([
    ['0', 2, '£0.00'],
    ['12.3', 2, '£12.30'],
    ['1234.5', 2, '£1,234.50'],
    ['-0.07', 2, '-£0.07'],
    ['1234567.125', 4, '£1,234,567.1250'],
    ['1.1', 4, '£1.1000'],
    ['0.0153', 4, '£0.0153'],
    // A total at invoice places: 1.3063 is what six calls came to.
    ['1.3063', 2, '£1.31'],
    ['999.995', 2, '£1,000.00'],
    ['12', 0, '£12'],
  ])('%s at %i places → %s', (amount, places, want) => {
    expect(formatMoney(amount, pounds(places))).toBe(want);
  });

  it('shows an amount nobody can know as a dash, never as £0.00', () => {
    for (const unknown of [null, undefined, '', '  ']) {
      expect(formatMoney(unknown, pounds(2))).toBe('—');
    }
  });

  it('shows text that is no amount as it came', () => {
    expect(formatMoney('n/a', pounds(2))).toBe('n/a');
  });

  it('uses the deployment’s symbol', () => {
    expect(formatMoney('5', { symbol: '€', places: 2, rounding: 'half-up' })).toBe('€5.00');
  });

  it('does not leave a minus on an amount that rounds to zero', () => {
    expect(formatMoney('-0.001', pounds(2))).toBe('£0.00');
  });
});

describe('roundDecimal', () => {
  it.each([
    // amount, half-up, half-even, up, down
    ['0.125', '0.13', '0.12', '0.13', '0.12'],
    ['0.135', '0.14', '0.14', '0.14', '0.13'],
    ['0.1251', '0.13', '0.13', '0.13', '0.12'],
    ['0.1249', '0.12', '0.12', '0.13', '0.12'],
    ['0.12', '0.12', '0.12', '0.12', '0.12'],
    ['-0.125', '-0.13', '-0.12', '-0.13', '-0.12'],
  ])('%s to 2 places', (amount, halfUp, halfEven, up, down) => {
    expect(roundDecimal(amount, 2, 'half-up')).toBe(halfUp);
    expect(roundDecimal(amount, 2, 'half-even')).toBe(halfEven);
    expect(roundDecimal(amount, 2, 'up')).toBe(up);
    expect(roundDecimal(amount, 2, 'down')).toBe(down);
  });

  it('keeps digits a float would lose', () => {
    expect(roundDecimal('12345678901234567.891', 2, 'half-up')).toBe('12345678901234567.89');
  });
});

describe('formatMinor', () => {
  it('shows a rate exactly as sent, never through a float, with the minor unit', () => {
    expect(formatMinor('1.5000', 'p')).toBe('1.5000p');
    expect(formatMinor('0.1000000000000000055511', 'p')).toBe('0.1000000000000000055511p');
    expect(formatMinor('2', '¢')).toBe('2¢');
    expect(formatMinor(null, 'p')).toBe('—');
  });
});
