/**
 * What the dashboard's cards compute from the `dashboard` query. Amounts stay
 * Decimal strings: they are added as integers of their smallest unit, and a
 * chart's bar height is the only place one becomes a JS number.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-06" → "Jun 2026"; `short` gives "Jun". */
export function monthName(month: string, short = false): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[Number(m[2]) - 1] ?? m[2];
  return short ? name : `${name} ${m[1]}`;
}

/** A calendar day, "2026-06-13" or a midnight "2026-06-13T00:00:00Z" → "13 Jun"; `withYear` adds " 2026". */
export function dayName(day: string, withYear = false): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!m) return day;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]}${withYear ? ` ${m[1]}` : ''}`;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d*))?$/;

function parse(decimal: string): { units: bigint; places: number } | null {
  const m = DECIMAL.exec(decimal.trim());
  if (!m) return null;
  const fraction = m[3] ?? '';
  const units = BigInt(m[2] + fraction);
  return { units: m[1] ? -units : units, places: fraction.length };
}

function scaled(units: bigint, from: number, to: number): bigint {
  return units * 10n ** BigInt(to - from);
}

/** The exact sum of Decimal strings: ["0.15", "0.123456"] → "0.273456". Text that is not a decimal counts as 0. */
export function sumDecimals(values: string[]): string {
  const parsed = values.map(parse).filter((p) => p !== null);
  const places = Math.max(0, ...parsed.map((p) => p.places));
  const total = parsed.reduce((sum, p) => sum + scaled(p.units, p.places, places), 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${int}${places > 0 ? `.${frac}` : ''}`;
}

/**
 * How long `amount` is against `largest`, in percent (0-100), for a bar.
 * Worked out on integers of the finer scale, so 0.0001 against 100 is not 0.
 */
export function share(amount: string, largest: string): number {
  const a = parse(amount);
  const b = parse(largest);
  if (!a || !b || b.units <= 0n || a.units <= 0n) return 0;
  const places = Math.max(a.places, b.places);
  const num = scaled(a.units, a.places, places);
  const den = scaled(b.units, b.places, places);
  if (num >= den) return 100;
  // Tenths of a percent, and never less than one so a small amount still shows.
  return Math.max(1, Number((num * 1000n) / den)) / 10;
}

/** A bar's height: a Decimal string as a number. Only charts draw with it; every amount shown as text is the string. */
export function plotted(decimal: string): number {
  const n = Number(decimal);
  return Number.isFinite(n) ? n : 0;
}

/** Today's calendar day in `zone`, "2026-06-15". */
export function todayIn(zone: string, now: Date = new Date()): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

function dayNumber(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 : NaN;
}

/** When an invoice is due, against today: "Overdue by 5 days", "Due today", "Due tomorrow", "Due in 3 days". */
export function dueIn(dueDate: string, today: string): { text: string; overdue: boolean } {
  const days = dayNumber(dueDate) - dayNumber(today);
  if (Number.isNaN(days)) return { text: '', overdue: false };
  if (days < 0) return { text: `Overdue by ${-days} day${days === -1 ? '' : 's'}`, overdue: true };
  if (days === 0) return { text: 'Due today', overdue: false };
  if (days === 1) return { text: 'Due tomorrow', overdue: false };
  return { text: `Due in ${days} days`, overdue: false };
}
