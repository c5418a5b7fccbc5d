import type { PeakTimeBlockBand, PeakTimeBlockInput, Weekday } from '../gql/graphql';

export type Band = PeakTimeBlockBand;

/** Monday first, as the week grid and the CSV (Mon..Sun) run. */
export const DAYS: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];
export const DAY_LABELS: Record<Weekday, string> = {
  MON: 'Mon',
  TUE: 'Tue',
  WED: 'Wed',
  THU: 'Thu',
  FRI: 'Fri',
  SAT: 'Sat',
  SUN: 'Sun',
};

export const BANDS: readonly Band[] = ['PEAK', 'OFFPEAK', 'WEEKEND'];
export const BAND_LABELS: Record<Band, string> = { PEAK: 'Peak', OFFPEAK: 'Off-peak', WEEKEND: 'Weekend' };
/** Mantine colours of the bands, used by the grid, its legend and the badges. */
export const BAND_COLORS: Record<Band, string> = { PEAK: 'red', OFFPEAK: 'blue', WEEKEND: 'teal' };

/** One block as the editor holds it: times are what the clerk typed, "HH:MM". */
export interface BlockDraft {
  /** Stable React key; not sent to the server. */
  key: string;
  band: Band;
  days: Weekday[];
  start: string;
  end: string;
}

export type BlockErrors = Partial<Record<'band' | 'days' | 'start' | 'end', string>>;

let keySeq = 0;
export function newKey(): string {
  keySeq += 1;
  return `b${keySeq}`;
}

const HHMM = /^(\d{1,2}):(\d{2})$/;

/** "08:30" → 510 minutes after midnight; "24:00" → 1440; anything else → null. */
export function parseHHMM(text: string): number | null {
  const m = HHMM.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return null;
  if (h === 24 && min === 0) return 1440;
  if (h > 23) return null;
  return h * 60 + min;
}

/** 510 → "08:30", 1440 → "24:00". */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** What the clerk can fix in one block on its own: days chosen, times readable, start before end. */
export function validateBlock(b: BlockDraft): BlockErrors {
  const errors: BlockErrors = {};
  if (b.days.length === 0) errors.days = 'Tick at least one day';
  const start = parseHHMM(b.start);
  const end = parseHHMM(b.end);
  if (start === null) errors.start = b.start.trim() === '24:00' ? 'A block cannot start at 24:00' : 'Use HH:MM, e.g. 08:00';
  else if (start === 1440) errors.start = 'A block cannot start at 24:00';
  if (end === null) errors.end = 'Use HH:MM, e.g. 18:00 (24:00 is the end of the day)';
  else if (end === 0) errors.end = 'Use 24:00 for the end of the day';
  if (!errors.start && !errors.end && start !== null && end !== null && end <= start) {
    errors.end = 'The end must be after the start (a block cannot run past midnight; add a second block)';
  }
  return errors;
}

export interface Overlap {
  /** Indexes of the two blocks, first < second. */
  a: number;
  b: number;
  day: Weekday;
  start: number;
  end: number;
}

/** Every pair of valid blocks sharing a day and some minutes (start inclusive, end exclusive). */
export function findOverlaps(blocks: readonly BlockDraft[]): Overlap[] {
  const spans = blocks.map((b) => {
    if (Object.keys(validateBlock(b)).length > 0) return null;
    return { start: parseHHMM(b.start)!, end: parseHHMM(b.end)!, days: new Set(b.days) };
  });
  const overlaps: Overlap[] = [];
  for (let a = 0; a < spans.length; a++) {
    for (let b = a + 1; b < spans.length; b++) {
      const x = spans[a];
      const y = spans[b];
      if (!x || !y) continue;
      const start = Math.max(x.start, y.start);
      const end = Math.min(x.end, y.end);
      if (start >= end) continue;
      for (const day of DAYS) {
        if (x.days.has(day) && y.days.has(day)) overlaps.push({ a, b, day, start, end });
      }
    }
  }
  return overlaps;
}

/** Errors per block index: its own field errors, plus "overlaps block N" on the start of both. */
export function validateBlocks(blocks: readonly BlockDraft[]): Map<number, BlockErrors & { overlap?: string }> {
  const result = new Map<number, BlockErrors & { overlap?: string }>();
  blocks.forEach((b, i) => {
    const e = validateBlock(b);
    if (Object.keys(e).length > 0) result.set(i, e);
  });
  // One message per pair of blocks, naming the days they share.
  const pairs = new Map<string, Overlap[]>();
  for (const o of findOverlaps(blocks)) {
    const k = `${o.a}:${o.b}`;
    pairs.set(k, [...(pairs.get(k) ?? []), o]);
  }
  for (const list of pairs.values()) {
    const { a, b, start, end } = list[0];
    const days = formatDays(list.map((o) => o.day));
    const span = `${formatMinutes(start)}–${formatMinutes(end)}`;
    for (const [self, other] of [
      [a, b],
      [b, a],
    ]) {
      const e = result.get(self) ?? {};
      const msg = `Overlaps block ${other + 1} on ${days} ${span}`;
      e.overlap = e.overlap ? `${e.overlap}; ${msg}` : msg;
      result.set(self, e);
    }
  }
  return result;
}

/**
 * The band in force at the start of each hour, Monday first: 7 rows of 24,
 * as the server's `weekGrid`. Time no block covers is peak.
 */
export function weekGridFromBlocks(blocks: readonly BlockDraft[]): Band[][] {
  const grid: Band[][] = DAYS.map(() => Array.from({ length: 24 }, () => 'PEAK' as Band));
  for (const b of blocks) {
    if (Object.keys(validateBlock(b)).length > 0) continue;
    const start = parseHHMM(b.start)!;
    const end = parseHHMM(b.end)!;
    for (const day of b.days) {
      const row = grid[DAYS.indexOf(day)];
      for (let h = 0; h < 24; h++) {
        const minute = h * 60;
        if (minute >= start && minute < end) row[h] = b.band;
      }
    }
  }
  return grid;
}

/** Days in week order, without repeats. */
export function sortDays(days: readonly Weekday[]): Weekday[] {
  return DAYS.filter((d) => days.includes(d));
}

/** "Mon–Fri", "Sat, Sun", "Mon, Wed–Fri": runs of three or more days become ranges. */
export function formatDays(days: readonly Weekday[]): string {
  const idx = sortDays(days).map((d) => DAYS.indexOf(d));
  const parts: string[] = [];
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    const from = DAY_LABELS[DAYS[idx[i]]];
    const to = DAY_LABELS[DAYS[idx[j]]];
    if (j - i >= 2) parts.push(`${from}–${to}`);
    else for (let k = i; k <= j; k++) parts.push(DAY_LABELS[DAYS[idx[k]]]);
    i = j + 1;
  }
  return parts.join(', ');
}

/** "8:00" → "08:00": what the server and the CSV write. */
function normaliseTime(t: string): string {
  const m = parseHHMM(t);
  return m === null ? t.trim() : formatMinutes(m);
}

export function toBlockInputs(blocks: readonly BlockDraft[]): PeakTimeBlockInput[] {
  return blocks.map((b) => ({ band: b.band, days: sortDays(b.days), start: normaliseTime(b.start), end: normaliseTime(b.end) }));
}

export function fromServerBlocks(
  blocks: readonly { band: Band; days: readonly Weekday[]; start: string; end: string }[] | null | undefined,
): BlockDraft[] {
  const list = (blocks ?? []).map((b) => ({ key: newKey(), band: b.band, days: sortDays(b.days), start: b.start, end: b.end }));
  // Week order: first day, then start time, reads like the CSV.
  return list.sort(
    (x, y) =>
      DAYS.indexOf(x.days[0] ?? 'SUN') - DAYS.indexOf(y.days[0] ?? 'SUN') ||
      (parseHHMM(x.start) ?? 0) - (parseHHMM(y.start) ?? 0),
  );
}

/** The schedule docs/rating.md uses as its example: the usual UK split. */
export function standardUkSchedule(): BlockDraft[] {
  const weekdays: Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI'];
  return [
    { key: newKey(), band: 'PEAK', days: weekdays, start: '08:00', end: '18:00' },
    { key: newKey(), band: 'OFFPEAK', days: weekdays, start: '18:00', end: '24:00' },
    { key: newKey(), band: 'OFFPEAK', days: weekdays, start: '00:00', end: '08:00' },
    { key: newKey(), band: 'WEEKEND', days: ['SAT', 'SUN'], start: '00:00', end: '24:00' },
  ];
}

/** Compares what would be saved, ignoring keys and day order. */
export function sameSchedule(a: readonly BlockDraft[], b: readonly BlockDraft[]): boolean {
  const key = (list: readonly BlockDraft[]) =>
    toBlockInputs(list)
      .map((x) => `${x.band}|${x.days.join(',')}|${x.start}|${x.end}`)
      .sort()
      .join('\n');
  return key(a) === key(b);
}
