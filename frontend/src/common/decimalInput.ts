/**
 * Reading the amounts a clerk types. Text stays text: "12.5" is checked and
 * trimmed, never turned into a JS number, so no amount is ever rounded by
 * the browser.
 */

const AMOUNT = /^\d+(?:\.(\d+))?$/;

/** The typed amount without spaces, a currency symbol or thousands commas: " £1,234.50 " → "1234.50". */
export function cleanAmount(text: string): string {
  return text.trim().replace(/^[£$€]/, '').replace(/,/g, '').trim();
}

/**
 * Why a typed amount cannot be a price with at most `places` decimals, in a
 * clerk's words, or null when it can. `what` names it: "The cost price".
 */
export function amountProblem(text: string, places: number, what: string): string | null {
  const t = cleanAmount(text);
  if (t === '') return `${what} is needed; enter 0 if there is none`;
  if (t.startsWith('-')) return `${what} cannot be negative`;
  const m = AMOUNT.exec(t);
  if (!m) return `${what} is a number such as 12.50`;
  if ((m[1]?.length ?? 0) > places) return `${what} has at most ${places} decimal places`;
  return null;
}

/** Why a typed percentage is not a tax rate from 0 to 100, or null when it is. */
export function percentProblem(text: string): string | null {
  const t = text.trim().replace(/%$/, '').trim();
  if (!AMOUNT.exec(t)) return 'Enter the tax rate as a number of percent, e.g. 20 or 17.5';
  const [whole, fraction = ''] = t.split('.');
  if (Number(whole) > 100 || (Number(whole) === 100 && /[1-9]/.test(fraction))) return 'A tax rate is at most 100%';
  return null;
}

/** "20%" → "20". */
export function cleanPercent(text: string): string {
  return text.trim().replace(/%$/, '').trim();
}
