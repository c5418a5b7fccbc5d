import { amountProblem, cleanAmount } from '../common/decimalInput';
import { countOf } from '../common/numbers';
import { formatDay, wallTimeToISO } from '../common/time';
import type { BillingRunInput, BillingRunStatus } from '../gql/graphql';
import { formatEta } from '../uploads/progress';

// The billing-run wizard's choices, what they ask of the API, and what a
// run's progress says: pure, so each rule is tested on its own.

/** What the wizard edits, as typed and chosen. */
export interface WizardValues {
  /** Bill a schedule's customers, or chosen customers. */
  target: 'schedule' | 'customers';
  scheduleID: string | null;
  customerIDs: string[];
  /** A period of the schedule by its name ("2026-06"); empty for the days below. */
  period: string | null;
  /** First and last day billed (both included) of a manual schedule or chosen customers. */
  firstDay: string | null;
  lastDay: string | null;
  /** Everything due by the period's end, or the calls started before a chosen instant. */
  calls: 'due' | 'upTo';
  upToDay: string | null;
  /** "HH:MM" in the deployment's zone. */
  upToTime: string;
  /** The invoices' date; empty is the day after the period. */
  issueDate: string | null;
  numbering: 'next' | 'custom';
  startNumber: string;
  minimumAmount: string;
  sendEmails: boolean;
}

export const emptyWizard: WizardValues = {
  target: 'schedule',
  scheduleID: null,
  customerIDs: [],
  period: null,
  firstDay: null,
  lastDay: null,
  calls: 'due',
  upToDay: null,
  upToTime: '00:00',
  issueDate: null,
  numbering: 'next',
  startNumber: '',
  minimumAmount: '0.00',
  sendEmails: true,
};

/** The form fields the server's refusals can land on (its input names, except the days of a manual period). */
export const wizardFields = [
  'scheduleID',
  'customerIDs',
  'period',
  'lastDay',
  'upToDay',
  'issueDate',
  'startNumber',
  'minimumAmount',
] as const;

/** The step each field is asked on: a refusal takes the clerk back to it. */
export const stepOfField: Record<(typeof wizardFields)[number], number> = {
  scheduleID: 0,
  customerIDs: 0,
  period: 0,
  lastDay: 0,
  upToDay: 0,
  issueDate: 1,
  startNumber: 1,
  minimumAmount: 1,
};

export interface PeriodLike {
  name: string;
  start: string;
  last: string;
}

export interface ScheduleLike {
  id: string;
  frequency: string;
  currentPeriod?: PeriodLike | null;
  endedPeriods: readonly PeriodLike[];
}

/** A period as the picker shows it: "2026-06 · 1 Jun 2026 – 30 Jun 2026". */
export function periodLabel(p: PeriodLike): string {
  return `${p.name} · ${formatDay(p.start)} – ${formatDay(p.last)}`;
}

export interface PeriodOption {
  value: string;
  label: string;
  /** The period still runs: only its calls up to a chosen time can be billed now. */
  current?: boolean;
  /** A run has billed it (or is billing it). */
  billed?: boolean;
}

/**
 * The periods a schedule's run may bill, newest first: the ended ones
 * (the latest is the one due), then the current one, which can be billed
 * only up to a chosen instant. Periods already billed say so.
 */
export function periodOptions(s: ScheduleLike, billed: ReadonlySet<string>): PeriodOption[] {
  const out: PeriodOption[] = [];
  if (s.currentPeriod) {
    out.push({ value: s.currentPeriod.name, label: `${periodLabel(s.currentPeriod)} (still running)`, current: true });
  }
  for (const p of s.endedPeriods) {
    const done = billed.has(p.name);
    out.push({ value: p.name, label: done ? `${periodLabel(p)} (already billed)` : periodLabel(p), billed: done });
  }
  return out;
}

/** The period to offer first: the newest ended period not yet billed. */
export function defaultPeriod(s: ScheduleLike, billed: ReadonlySet<string>): string | null {
  return s.endedPeriods.find((p) => !billed.has(p.name))?.name ?? s.endedPeriods[0]?.name ?? null;
}

/** The calendar month before the one holding `today` ("2026-07-14" → 1 Jun – 30 Jun 2026), for chosen customers. */
export function previousMonth(today: string): { firstDay: string; lastDay: string } {
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { firstDay: first.toISOString().slice(0, 10), lastDay: last.toISOString().slice(0, 10) };
}

/** Whether the run bills days the clerk gives rather than a schedule's named period. */
export function billsDays(v: Pick<WizardValues, 'target'>, schedule: Pick<ScheduleLike, 'frequency'> | undefined): boolean {
  return v.target === 'customers' || schedule?.frequency === 'MANUAL';
}

/** Why a step cannot go on yet, field by field; empty when it can. */
export function stepProblems(
  step: number,
  v: WizardValues,
  schedule: Pick<ScheduleLike, 'frequency'> | undefined,
  invoiceDecimals: number,
): Record<string, string> {
  const p: Record<string, string> = {};
  if (step === 0) {
    if (v.target === 'schedule' && !v.scheduleID) p.scheduleID = 'Choose the schedule whose customers to bill';
    if (v.target === 'customers' && v.customerIDs.length === 0) p.customerIDs = 'Choose at least one customer to bill';
    if (billsDays(v, schedule)) {
      if (!v.firstDay || !v.lastDay) p.lastDay = 'Give the first and the last day to bill';
      else if (v.lastDay < v.firstDay) p.lastDay = 'The last day is before the first';
    } else if (v.target === 'schedule' && v.scheduleID && !v.period) {
      p.period = 'Choose the period to bill';
    }
    if (v.calls === 'upTo' && (!v.upToDay || !/^\d{2}:\d{2}$/.test(v.upToTime))) {
      p.upToDay = 'Give the day and time to bill calls up to';
    }
  }
  if (step === 1) {
    if (v.numbering === 'custom') {
      const n = v.startNumber.trim();
      if (!/^\d+$/.test(n) || Number(n) < 1) p.startNumber = 'Give the first invoice number, a whole number from 1';
    }
    const m = amountProblem(v.minimumAmount, invoiceDecimals, 'The minimum invoice amount');
    if (m) p.minimumAmount = m;
  }
  return p;
}

/** The run the API is asked to preview and start, or null while the choices are incomplete. */
export function toRunInput(
  v: WizardValues,
  schedule: Pick<ScheduleLike, 'frequency'> | undefined,
  zone: string,
): BillingRunInput | null {
  const days = billsDays(v, schedule);
  const period = days ? (v.firstDay && v.lastDay ? `${v.firstDay}..${v.lastDay}` : null) : v.period;
  if (!period) return null;
  const input: BillingRunInput = { period, sendEmails: v.sendEmails };
  if (v.target === 'schedule') {
    if (!v.scheduleID) return null;
    input.scheduleID = v.scheduleID;
  } else {
    if (v.customerIDs.length === 0) return null;
    input.customerIDs = v.customerIDs;
  }
  if (v.calls === 'upTo') {
    const at = v.upToDay ? wallTimeToISO(v.upToDay, v.upToTime, zone) : null;
    if (!at) return null;
    input.callsUpTo = at;
  }
  if (v.issueDate) input.issueDate = v.issueDate;
  if (v.numbering === 'custom' && /^\d+$/.test(v.startNumber.trim())) input.startNumber = Number(v.startNumber.trim());
  const min = cleanAmount(v.minimumAmount);
  if (min !== '') input.minimumAmount = min;
  return input;
}

export interface LineLike {
  kind: string;
  description: string;
  amount: string;
  calls: number;
}

/**
 * The lines of a previewed invoice in one line: "Call Charges (3 calls), Line rental, Set-up fee";
 * past `max` lines, "and 4 more".
 */
export function linesSummary(sections: readonly { lines: readonly LineLike[] }[], max = 3): string {
  const lines = sections.flatMap((s) => s.lines);
  const named = lines.map((l) => (l.kind === 'CALLS' ? `${l.description} (${countOf(l.calls, 'call')})` : l.description));
  if (named.length <= max) return named.join(', ');
  return `${named.slice(0, max).join(', ')} and ${named.length - max} more`;
}

export interface RunLike {
  status: BillingRunStatus;
  customersTotal: number;
  customersDone: number;
  invoiceCount: number;
  timeLeftSeconds?: number | null;
  failureReason?: string | null;
}

/** Whether the worker is still on the run: its progress keeps coming. */
export function isUnderWay(status: BillingRunStatus): boolean {
  return status === 'DRAFT' || status === 'RUNNING';
}

/** How far the run is, 0–100; 100 only once it has completed. */
export function runPercent(run: RunLike): number {
  if (run.status === 'COMPLETED') return 100;
  if (run.customersTotal <= 0) return 0;
  return Math.min(99, Math.floor((run.customersDone / run.customersTotal) * 100));
}

/** The line under the progress bar: "Billing · 12 of 40 customers · 11 invoices · about 5 s left". */
export function runSummary(run: RunLike): string {
  switch (run.status) {
    case 'DRAFT':
      return 'Waiting for the worker to start the run';
    case 'COMPLETED':
      return `Done · ${countOf(run.customersTotal, 'customer')} · ${countOf(run.invoiceCount, 'invoice')} issued`;
    case 'FAILED':
      return `Failed: ${run.failureReason || 'the run stopped'} · nothing was issued`;
  }
  const parts = [
    'Billing',
    `${run.customersDone} of ${countOf(run.customersTotal, 'customer')}`,
    countOf(run.invoiceCount, 'invoice'),
  ];
  const eta = formatEta(run.timeLeftSeconds);
  if (eta) parts.push(eta);
  return parts.join(' · ');
}

export const RUN_STATUS_LABELS: Record<BillingRunStatus, string> = {
  DRAFT: 'Queued',
  RUNNING: 'Running',
  COMPLETED: 'Completed',
  FAILED: 'Failed',
};

export const RUN_STATUS_COLORS: Record<BillingRunStatus, string> = {
  DRAFT: 'gray',
  RUNNING: 'violet',
  COMPLETED: 'green',
  FAILED: 'red',
};

/** Of two snapshots of a run (the mutation's answer and a progress event), the further along. */
export function furtherRun<T extends RunLike>(a: T, b: T | null | undefined): T {
  if (!b) return a;
  const rank = (r: RunLike) => (isUnderWay(r.status) ? (r.status === 'DRAFT' ? 0 : 1) : 2);
  if (rank(b) !== rank(a)) return rank(b) > rank(a) ? b : a;
  return b.customersDone >= a.customersDone ? b : a;
}

/** "2026-07-01" → "2026-06-30": a run stores the day after its period. */
export function previousDay(day: string): string {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}

/** The days a line pays for: "1 Jul 2026 – 31 Jul 2026", one day once, nothing without them. */
export function servicePeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (!from) return '';
  if (!to || to === from) return formatDay(from);
  return `${formatDay(from)} – ${formatDay(to)}`;
}

/** The invoice numbers a run takes: "1001–1040", "1001" alone, "—" before it has any. */
export function numberRange(first: number | null | undefined, last: number | null | undefined): string {
  if (first == null) return '—';
  return last == null || last === first ? String(first) : `${first}–${last}`;
}
