/**
 * Money arrives as a Decimal string ("1234.5", "-0.07") and is never turned
 * into a JS number: this only groups the whole part and pads the fraction to
 * two places for display ("1,234.50").
 */
export function formatMoney(decimal: string | null | undefined): string {
  if (decimal == null || decimal === '') return '—';
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!m) return decimal;
  const [, sign, whole, fraction = ''] = m;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = fraction.length >= 2 ? fraction : fraction.padEnd(2, '0');
  return `${sign}${grouped}.${frac}`;
}

/** "2026-03-01T00:00:00Z" → "1 Mar 2026" (the date part, as the server stored it). */
export function formatDate(time: string | null | undefined): string {
  if (!time) return '—';
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return time;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** "2026-03-01T09:30:00Z" → "1 Mar 2026, 09:30" in the browser's time zone. */
export function formatDateTime(time: string | null | undefined): string {
  if (!time) return '—';
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return time;
  return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
