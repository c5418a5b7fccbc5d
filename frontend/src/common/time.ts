/**
 * Times are shown, and typed wall-clock times ("2026-06-01", "10:00") read,
 * in a named time zone — the deployment's (the settings query), never the
 * browser's. Peak times are wall-clock time in that zone too, so a quote for
 * "Monday 10:00" means 10:00 there, whatever the clerk's computer thinks.
 */

// Making an Intl.DateTimeFormat is slow and a page formats hundreds of times: keep each one made.
const formats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** Every part of an instant in `zone`, as numbers can be read from. */
function formatter(zone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

/** Minutes the zone is ahead of UTC at the instant `utcMs`. */
export function zoneOffsetMinutes(utcMs: number, zone: string): number {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUTC = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUTC - Math.floor(utcMs / 1000) * 1000) / 60000);
}

export function isValidTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** "YYYY-MM-DD" (a DateInput value). */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** "HH:MM" or "HH:MM:SS" (a TimeInput value). */
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant a wall-clock time names in `zone`, as RFC 3339 UTC, or null if
 * the date or time cannot be read. Like the rating engine: a time in the
 * spring-forward gap moves forward by the gap; an ambiguous autumn time is
 * the first occurrence.
 */
export function wallTimeToISO(day: string, time: string, zone: string): string | null {
  const d = DAY.exec(day);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [y, mo, da, h, mi, s] = [+d[1], +d[2], +d[3], +t[1], +t[2], +(t[3] ?? 0)];
  if (mo < 1 || mo > 12 || da < 1 || da > 31 || h > 23 || mi > 59 || s > 59) return null;
  const wall = Date.UTC(y, mo - 1, da, h, mi, s);
  if (new Date(wall).getUTCDate() !== da) return null; // 31 June and friends
  const day_ = 24 * 3600 * 1000;
  const before = zoneOffsetMinutes(wall - day_, zone);
  const offsets = [...new Set([before, zoneOffsetMinutes(wall, zone), zoneOffsetMinutes(wall + day_, zone)])];
  const valid = offsets
    .map((o) => wall - o * 60000)
    .filter((instant) => wall - zoneOffsetMinutes(instant, zone) * 60000 === instant)
    .sort((a, b) => a - b);
  const instant = valid.length > 0 ? valid[0] : wall - before * 60000;
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

/** Now as the clerk would type it in `zone`: { day: "YYYY-MM-DD", time: "HH:MM" }. */
export function nowInZone(zone: string, now: Date = new Date()): { day: string; time: string } {
  const parts = formatter(zone).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** An instant as a clerk reads it in `zone`: "1 Mar 2026", "1 Mar 2026, 09:30", "1 Mar 2026, 09:30:05 GMT". */
function shownFormat(zone: string, kind: 'date' | 'minutes' | 'seconds', withZone: boolean): Intl.DateTimeFormat {
  return dateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(kind === 'date'
      ? {}
      : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(kind === 'seconds' ? { second: '2-digit' } : {}) }),
    ...(withZone ? { timeZoneName: 'short' } : {}),
  });
}

export interface DateTimeOptions {
  /** Add the seconds: "1 Mar 2026, 09:30:05". */
  seconds?: boolean;
  /** Name the zone ("GMT", "BST", "CEST") where the reader could take it for their own. */
  withZone?: boolean;
}

/** "2026-03-01T09:30:00Z" → "1 Mar 2026, 09:30" in `zone`; "—" for no time. */
export function formatDateTime(time: string | null | undefined, zone: string, opts: DateTimeOptions = {}): string {
  if (!time) return '—';
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return time;
  return shownFormat(zone, opts.seconds ? 'seconds' : 'minutes', !!opts.withZone).format(d);
}

/** "2026-05-31T23:00:00Z" → "1 Jun 2026": the day it is in `zone` at that instant. */
export function formatDate(time: string | null | undefined, zone: string): string {
  if (!time) return '—';
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return time;
  return shownFormat(zone, 'date', false).format(d);
}

/** A calendar day typed by the clerk ("2026-06-01") → its first instant in `zone`, as the API takes it. */
export function dayStart(day: string, zone: string): string | null {
  return wallTimeToISO(day, '00:00', zone);
}

/** "2026-06-30" → "2026-07-01". */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * Typed first and last days (both included) → the instants [from, to) the
 * API filters by: whole days in `zone`. Null for a day not given or not read.
 */
export function dayRange(
  first: string | null | undefined,
  last: string | null | undefined,
  zone: string,
): { from: string | null; to: string | null } {
  return {
    from: first ? dayStart(first, zone) : null,
    to: last && DAY.test(last) ? dayStart(nextDay(last), zone) : null,
  };
}

/** The time zones a clerk may read a time in: the deployment's, UTC, their own, and any extra (a provider's). */
export function timeZoneOptions(deploymentZone: string, extra: readonly (string | null | undefined)[] = []): string[] {
  let browser: string | undefined;
  try {
    browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    browser = undefined;
  }
  const zones = [deploymentZone, 'UTC', browser, ...extra].filter(
    (z): z is string => !!z && isValidTimeZone(z),
  );
  return [...new Set(zones)];
}

/**
 * A calendar day as the API sends it ("2026-06-01": a charge's start, a
 * period's last day) → "1 Jun 2026". A day is no instant: it is shown as
 * written, never moved by a zone.
 */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '—';
  const d = DAY.exec(day);
  if (!d) return day;
  return shownFormat('UTC', 'date', false).format(new Date(Date.UTC(+d[1], +d[2] - 1, +d[3])));
}

/** Days from the calendar day `from` to `to`: "2026-06-01" → "2026-06-30" is 29; null if either is unreadable. */
export function daysBetween(from: string, to: string): number | null {
  const a = DAY.exec(from);
  const b = DAY.exec(to);
  if (!a || !b) return null;
  return Math.round((Date.UTC(+b[1], +b[2] - 1, +b[3]) - Date.UTC(+a[1], +a[2] - 1, +a[3])) / 86400000);
}

/**
 * "From the start": the valid-from of a CLI given no start date, and the
 * effective-from of a rate sheet version that prices every call however old
 * (`customers.Always` in the server, 2000-01-01 UTC). It is shown as what it
 * means, never as a date.
 */
export const ALWAYS = '2000-01-01T00:00:00Z';

/** Whether an instant is "from the start" (ALWAYS, or before it). */
export function isAlways(time: string | null | undefined): boolean {
  if (!time) return false;
  const t = new Date(time).getTime();
  return !Number.isNaN(t) && t <= Date.parse(ALWAYS);
}

/**
 * What a clerk calls the zone, to label times that could be read as their
 * own: "UK time", "Central European Time", "UTC".
 */
export function zoneName(zone: string): string {
  if (zone === 'UTC' || zone === 'Etc/UTC') return 'UTC';
  try {
    const part = dateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'longGeneric' })
      .formatToParts(new Date())
      .find((p) => p.type === 'timeZoneName')?.value;
    if (!part) return zone;
    return part === 'United Kingdom Time' ? 'UK time' : part;
  } catch {
    return zone;
  }
}

/**
 * The first day of the month `back` months before the one it is now in
 * `zone` (0: this month), as the clerk would type it: "2026-06-01".
 */
export function monthStartDay(zone: string, back: number, now: Date = new Date()): string {
  const [y, m] = nowInZone(zone, now).day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 10);
}

/**
 * The days from the instant `first` to `last` in `zone`, as short as reads
 * well: "3 May 2026", "1–3 May 2026", "30 Apr – 3 May 2026",
 * "30 Dec 2025 – 2 Jan 2026".
 */
export function formatDaySpan(first: string, last: string, zone: string): string {
  const a = formatDate(first, zone);
  const b = formatDate(last, zone);
  if (a === b) return a;
  const [ad, am, ay] = a.split(' ');
  const [bd, bm, by] = b.split(' ');
  if (ay !== by) return `${a} – ${b}`;
  if (am !== bm) return `${ad} ${am} – ${b}`;
  return `${ad}–${bd} ${bm} ${by}`;
}
