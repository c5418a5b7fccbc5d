import { formatCount } from '../common/numbers';
/**
 * The analysis of an upload accounts for every line read exactly once
 * (docs/analysis.md, "Every line counted once"):
 * lines read = priced + without customer + without rate + zero duration + duplicates + unreadable.
 */

export type CountKey = 'priced' | 'withoutCustomer' | 'withoutRate' | 'zeroDuration' | 'duplicates' | 'unreadable';

/**
 * The counters in the order of the rule: each line counts in the first that
 * applies (docs/analysis.md): a zero-second call from a number no customer
 * owns is zero duration, a repeated one a duplicate.
 */
const ROWS: { key: CountKey; label: string; help: string; color: string }[] = [
  { key: 'unreadable', label: 'Unreadable', help: 'lines that could not be read as a call', color: 'red' },
  { key: 'duplicates', label: 'Duplicates', help: 'already in this or an earlier upload: never charged twice', color: 'grape' },
  { key: 'zeroDuration', label: 'Zero duration', help: 'unanswered or 0 seconds: never charged', color: 'gray' },
  { key: 'withoutCustomer', label: 'Without customer', help: 'no CLI matched: not charged', color: 'orange' },
  { key: 'withoutRate', label: 'Without rate', help: 'a customer, but no rate for the destination: not charged', color: 'yellow' },
  { key: 'priced', label: 'Priced', help: 'a customer and a rate: these are charged', color: 'teal' },
];

export type UploadCounts = Record<CountKey, number> & { linesRead: number };

export interface CountRow {
  key: CountKey;
  label: string;
  help: string;
  color: string;
  count: number;
  /** Share of the lines read, 0 to 100, for a bar. */
  share: number;
}

export interface Breakdown {
  rows: CountRow[];
  /** The sum of the rows, computed here, not taken from the server. */
  sum: number;
  linesRead: number;
  addsUp: boolean;
  /** "1 + 0 + 1 + 7 + 0 + 3 = 12", in the order of the rule */
  equation: string;
}

export function countsBreakdown(u: UploadCounts): Breakdown {
  const sum = ROWS.reduce((n, r) => n + u[r.key], 0);
  const total = Math.max(sum, u.linesRead);
  const rows = ROWS.map((r) => ({ ...r, count: u[r.key], share: total > 0 ? (u[r.key] / total) * 100 : 0 }));
  return {
    rows,
    sum,
    linesRead: u.linesRead,
    addsUp: sum === u.linesRead,
    equation: `${rows.map((r) => formatCount(r.count)).join(' + ')} = ${formatCount(sum)}`,
  };
}
