import { formatCount } from '../common/numbers';
import type { CdrUploadDirection, CdrUploadStatus, UploadPhase } from '../gql/graphql';

// How far an upload's analysis or processing is, in a clerk's words. The
// figures are counts and rates, not money, so plain numbers are fine here.

export const STATUS_LABELS: Record<CdrUploadStatus, string> = {
  UPLOADED: 'Queued',
  ANALYSING: 'Analysing',
  READY: 'Ready',
  PROCESSING: 'Processing',
  PROCESSED: 'Processed',
  FAILED: 'Failed',
};

export const STATUS_COLORS: Record<CdrUploadStatus, string> = {
  UPLOADED: 'gray',
  ANALYSING: 'blue',
  READY: 'teal',
  PROCESSING: 'violet',
  PROCESSED: 'green',
  FAILED: 'red',
};

export const DIRECTION_HELP: Record<CdrUploadDirection, string> = {
  OUTBOUND: 'Calls your customers made: matched by the calling number (CLI).',
  INBOUND: 'Calls to numbers your customers own (toll-free): matched by the number dialled.',
};

/** The API's phases (UploadProgress.phase) as a clerk reads them. */
const PHASE_LABELS: Record<UploadPhase, string> = {
  QUEUED: 'Waiting to start',
  WAITING_FOR_QUEUE: 'Stored; the work queue is not answering, so it starts by itself once the queue is back',
  PREPARING: 'Preparing',
  READING: 'Reading and pricing calls',
  DUPLICATES: 'Looking for duplicate calls',
  TOTALS: 'Adding up',
  READY: 'Ready',
  PROCESSING: 'Processing',
  PROCESSED: 'Processed',
  FAILED: 'Failed',
};

export function phaseLabel(phase: UploadPhase | null | undefined): string {
  if (!phase) return 'Waiting to start';
  return PHASE_LABELS[phase];
}

/** Whether the server is still working on the upload (progress events keep coming). */
export function isRunning(status: CdrUploadStatus): boolean {
  return status === 'UPLOADED' || status === 'ANALYSING' || status === 'PROCESSING';
}

/** 0.4567 → 45: whole per cent, never 100 before the work is done. */
export function percent(fraction: number, done = false): number {
  if (done) return 100;
  if (!Number.isFinite(fraction) || fraction <= 0) return 0;
  return Math.min(99, Math.floor(fraction * 100));
}

/** Lines a second → "12,345 calls/s"; nothing to say before the pace is known. */
export function formatRate(linesPerSecond: number): string | null {
  if (!linesPerSecond || linesPerSecond <= 0) return null;
  return `${formatCount(linesPerSecond)} calls/s`;
}

/** Seconds left → "about 5 s left", "2 min 05 s left", "1 h 02 min left"; null while unknown. */
export function formatEta(seconds: number | null | undefined): string | null {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return null;
  const s = Math.round(seconds);
  if (s < 1) return 'almost done';
  if (s < 60) return `about ${s} s left`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s left`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min left`;
}

export interface ProgressLike {
  phase: UploadPhase;
  fraction: number;
  linesDone: number;
  linesPerSecond: number;
  etaSeconds?: number | null;
}

/**
 * The line under a progress bar: "Reading and pricing calls · 45% · 120,000 lines · 60,000 calls/s · about 2 s left".
 * Per cent, pace and time left are measured while reading the file; the
 * phases after it (duplicates, totals) say only what they are doing.
 */
export function progressSummary(p: ProgressLike): string {
  const parts = [phaseLabel(p.phase)];
  const reading = p.phase === 'READING';
  if (reading) parts.push(`${percent(p.fraction)}%`);
  if (p.linesDone > 0) parts.push(`${formatCount(p.linesDone)} ${p.linesDone === 1 ? 'line' : 'lines'}`);
  if (reading) {
    const rate = formatRate(p.linesPerSecond);
    if (rate) parts.push(rate);
    const eta = formatEta(p.etaSeconds);
    if (eta) parts.push(eta);
  }
  return parts.join(' · ');
}

/** Whether the bar can show how far the work is, or only that it is under way. */
export function isMeasured(p: Pick<ProgressLike, 'phase' | 'fraction'>): boolean {
  return p.phase === 'READING' && p.fraction > 0;
}

/**
 * Of two snapshots of the same upload (a query result and a progress event),
 * the one the server wrote last; a tie goes to the first (the query, which
 * carries more).
 */
export function newerUpload<T extends { updatedAt: string }>(a: T, b: T | null | undefined): T {
  if (!b) return a;
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  if (Number.isNaN(tb)) return a;
  if (Number.isNaN(ta)) return b;
  return tb > ta ? b : a;
}

/** What the upload page shows: the row as it stands, and whether its figures are final. */
export interface ShownUpload<T> {
  upload: T;
  /**
   * The analysis figures (counts, money, the reconciliation lists) on the page
   * are the finished ones: they come from a query answered after the last
   * change the server announced. A progress event that says the work ended
   * carries no totals or lists, so until the page has asked again the figures
   * it holds are an earlier run's (or none): they are not shown, and the
   * upload cannot be processed on them.
   */
  final: boolean;
}

/**
 * Folds the latest progress event over the queried upload (Issue 10, item 1:
 * Ready must mean every figure on the page is final).
 */
export function shownUpload<Q extends Row, Row extends { updatedAt: string; status: CdrUploadStatus }>(
  queried: Q,
  live: Row | null | undefined,
): ShownUpload<Q> {
  if (!live || Date.parse(live.updatedAt) <= Date.parse(queried.updatedAt)) {
    return { upload: queried, final: !isRunning(queried.status) };
  }
  return { upload: { ...queried, ...live }, final: false };
}
