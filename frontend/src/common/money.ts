/**
 * Money arrives as a Decimal string ("1234.5", "-0.07", "0.0153") and is
 * never turned into a JS number: digits are rounded and grouped as text.
 */

/** How an amount is rounded to its places: the deployment's TOLLGATE_ROUNDING. */
export type Rounding = 'half-up' | 'half-even' | 'up' | 'down';

export interface MoneyFormat {
  /** Put before the amount: "£", "€", "$". */
  symbol: string;
  /** Fixed decimal places: call prices have the deployment's call price places, totals its invoice places. */
  places: number;
  rounding: Rounding;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

/** Unknown text reads as half-up, the default, rather than failing a whole page. */
export function toRounding(s: string): Rounding {
  return s === 'half-even' || s === 'up' || s === 'down' ? s : 'half-up';
}

/**
 * The decimal rounded to `places` by `rounding`, as text: "1.3063" → "1.31".
 * Up and down are away from and towards zero, as the rating engine rounds
 * (its amounts are never negative). Null when the text is not a decimal.
 */
export function roundDecimal(decimal: string, places: number, rounding: Rounding): string | null {
  const m = DECIMAL.exec(decimal.trim());
  if (!m) return null;
  const [, sign, whole, fraction = ''] = m;
  const kept = fraction.slice(0, places).padEnd(places, '0');
  const dropped = fraction.slice(places);
  let digits = BigInt(whole + kept);
  if (/[1-9]/.test(dropped)) {
    const half = dropped[0] >= '5';
    const exactlyHalf = half && dropped[0] === '5' && !/[1-9]/.test(dropped.slice(1));
    const odd = digits % 2n === 1n;
    const away =
      rounding === 'up' ||
      (rounding === 'half-up' && half) ||
      (rounding === 'half-even' && half && (!exactlyHalf || odd));
    if (away) digits += 1n;
  }
  const text = digits.toString().padStart(places + 1, '0');
  const int = text.slice(0, text.length - places);
  const frac = text.slice(text.length - places);
  const negative = sign === '-' && digits !== 0n;
  return `${negative ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/**
 * "1234.5" → "£1,234.50"; "-0.07" → "-£0.07". Null, undefined or empty is
 * an amount nobody can know yet and reads "—", never a made-up £0.00.
 */
export function formatMoney(decimal: string | null | undefined, f: MoneyFormat): string {
  if (decimal == null || decimal.trim() === '') return '—';
  const rounded = roundDecimal(decimal, f.places, f.rounding);
  if (rounded === null) return decimal;
  const negative = rounded.startsWith('-');
  const [int, frac] = (negative ? rounded.slice(1) : rounded).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${f.symbol}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/**
 * "1.5000" → "1.5000p": rate sheet money is in the minor unit, shown exactly
 * as the server sends it, every digit kept, with the unit's symbol after it.
 */
export function formatMinor(decimal: string | null | undefined, minorSymbol: string): string {
  if (decimal == null || decimal.trim() === '') return '—';
  return `${decimal}${minorSymbol}`;
}
