import { formatCount } from '../common/numbers';
/**
 * The analysis of an upload accounts for every line read exactly once
 * (docs/analysis.md, "Every line counted once"):
 * lines read = priced + without customer + without rate + zero duration + duplicates + unreadable.
 */

export type CountKey = 'priced' | 'withoutCustomer' | 'withoutRate' | 'zeroDuration' | 'duplicates' | 'unreadable';

const ROWS: { key: CountKey; label: string; help: string; color: string }[] = [
  { key: 'priced', label: 'Priced', help: 'matched to a customer and a rate: these are charged', color: 'teal' },
  { key: 'withoutCustomer', label: 'Without customer', help: 'no CLI matched: not charged', color: 'orange' },
  { key: 'withoutRate', label: 'Without rate', help: 'no rate for the destination: not charged', color: 'yellow' },
  { key: 'zeroDuration', label: 'Zero duration', help: 'unanswered or 0 seconds: never charged', color: 'gray' },
  { key: 'duplicates', label: 'Duplicates', help: 'already in this or an earlier upload: never charged twice', color: 'grape' },
  { key: 'unreadable', label: 'Unreadable', help: 'lines that could not be read as a call', color: 'red' },
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
  /** "3 + 7 + 0 + 1 + 0 + 1 = 12" */
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
