import type { Rounding } from '../common/money';

/**
 * Exact decimal arithmetic on the strings the API sends, with BigInt: a
 * clerk sees the amount and pro rata price the billing run will charge,
 * never a float's approximation of it.
 */

const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/** "12.50" → { digits: 1250n, scale: 2 }; null for anything that is not a non-negative decimal. */
function parse(s: string): { digits: bigint; scale: number } | null {
  const m = DECIMAL.exec(s.trim());
  if (!m) return null;
  const fraction = m[2] ?? '';
  return { digits: BigInt(m[1] + fraction), scale: fraction.length };
}

/** numerator / denominator rounded to `places`, as text. */
function divide(numerator: bigint, denominator: bigint, places: number, rounding: Rounding): string {
  const n = numerator * 10n ** BigInt(places);
  let q = n / denominator;
  const r = n % denominator;
  if (r !== 0n) {
    const twice = 2n * r;
    const away =
      rounding === 'up' ||
      (rounding === 'half-up' && twice >= denominator) ||
      (rounding === 'half-even' && (twice > denominator || (twice === denominator && q % 2n === 1n)));
    if (away) q += 1n;
  }
  const text = q.toString().padStart(places + 1, '0');
  return places > 0 ? `${text.slice(0, -places)}.${text.slice(-places)}` : text;
}

/** round(a × b, places): a line's amount, quantity × unit price. Null when either is not a decimal. */
export function multiply(a: string, b: string, places: number, rounding: Rounding): string | null {
  const x = parse(a);
  const y = parse(b);
  if (!x || !y) return null;
  return divide(x.digits * y.digits, 10n ** BigInt(x.scale + y.scale), places, rounding);
}

/** round(price × used / days, places): a pro rata unit price. */
export function proRata(price: string, used: number, days: number, places: number, rounding: Rounding): string | null {
  const p = parse(price);
  if (!p || days <= 0) return null;
  return divide(p.digits * BigInt(used), BigInt(days) * 10n ** BigInt(p.scale), places, rounding);
}
