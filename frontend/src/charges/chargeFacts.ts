import type { Rounding } from '../common/money';
import { daysBetween, formatDay } from '../common/time';
import type { BillingScheduleFrequency, ChargeRecurrence } from '../gql/graphql';
import { ordinal } from '../schedules/scheduleForm';
import { multiply, proRata } from './decimal';

/**
 * What a charge will cost and when, in a clerk's words, following the
 * billing rules (docs/billing.md): monthly charges follow the months of the
 * customer's schedule and are pro rata by days in a month they start, end
 * or were billed through part-way; quarterly and yearly ones renew whole
 * from their start; everything recurring is billed in advance.
 */

/** "2026-06-30" + 1 → "2026-07-01". */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

function ymd(y: number, m: number, d: number): string {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.toISOString().slice(0, 10);
}

/** The month holding `day` when months start on day `anchor` (1–28): [start, end). */
export function monthOf(day: string, anchor: number): { start: string; end: string } {
  const [y, m, d] = day.split('-').map(Number);
  const start = d >= anchor ? ymd(y, m, anchor) : ymd(y, m - 1, anchor);
  const [sy, sm] = start.split('-').map(Number);
  return { start, end: ymd(sy, sm + 1, anchor) };
}

/** The day a monthly charge's months start on: the schedule's anchor on a monthly or quarterly schedule, else the 1st. */
export function monthAnchor(schedule: { frequency: BillingScheduleFrequency; anchorDay: number } | null | undefined): number {
  return schedule && (schedule.frequency === 'MONTHLY' || schedule.frequency === 'QUARTERLY') ? schedule.anchorDay : 1;
}

export interface ChargeFactsInput {
  recurrence: ChargeRecurrence;
  quantity: string;
  unitPrice: string;
  /** Calendar days, "2026-06-10"; empty when not given. */
  date?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  billedThrough?: string | null;
  schedule?: { name?: string; frequency: BillingScheduleFrequency; anchorDay: number } | null;
  places: number;
  rounding: Rounding;
  money: (decimal: string | null | undefined) => string;
}

const EVERY: Record<Exclude<ChargeRecurrence, 'ONE_OFF' | 'MONTHLY'>, { months: number; word: string }> = {
  QUARTERLY: { months: 3, word: 'quarter' },
  YEARLY: { months: 12, word: 'year' },
};

export function chargeFacts(c: ChargeFactsInput): string[] {
  const line = (unit: string | null) => {
    const amount = unit === null ? null : multiply(c.quantity, unit, c.places, c.rounding);
    return `${c.quantity} × ${c.money(unit)} = ${c.money(amount)}`;
  };
  if (c.recurrence === 'ONE_OFF') {
    if (!c.date) return [];
    return [`Billed once, by the first run whose period ends after ${formatDay(c.date)}: ${line(c.unitPrice)}.`];
  }
  if (!c.startDate) return [];
  const facts: string[] = [];
  const firstDay = c.billedThrough ? addDays(c.billedThrough, 1) : c.startDate;
  if (c.billedThrough) {
    facts.push(`Already billed through ${formatDay(c.billedThrough)} (e.g. by your previous system): Tollgate bills from ${formatDay(firstDay)}.`);
  }
  if (c.endDate && daysBetween(firstDay, c.endDate)! < 0) {
    facts.push('Nothing is left to bill: it ends before the first day not yet billed.');
    return facts;
  }
  if (c.recurrence !== 'MONTHLY') {
    const { months, word } = EVERY[c.recurrence];
    facts.push(
      `Renews every ${months} months from ${formatDay(c.startDate)}, always charged whole (never pro rata): ${line(c.unitPrice)} a ${word}, billed in advance.`,
    );
    if (c.endDate) facts.push(`Ends ${formatDay(c.endDate)}: no period starting after it is billed, and a period already billed is not credited.`);
    return facts;
  }

  const anchor = monthAnchor(c.schedule);
  facts.push(
    anchor === 1
      ? 'Its months are calendar months, 1st to last day.'
      : `Its months run from the ${ordinal(anchor)} to the ${ordinal(anchor - 1)}, as ${c.schedule?.name ?? 'the customer’s schedule'} does.`,
  );
  const first = monthOf(firstDay, anchor);
  const lastServed = (m: { start: string; end: string }) =>
    c.endDate && daysBetween(c.endDate, addDays(m.end, -1))! > 0 ? c.endDate : addDays(m.end, -1);
  const partMonth = (m: { start: string; end: string }, from: string, why: string) => {
    const days = daysBetween(m.start, m.end)!;
    const used = daysBetween(from, lastServed(m))! + 1;
    if (used === days) return;
    const unit = proRata(c.unitPrice, used, days, c.places, c.rounding);
    facts.push(`${why}: ${formatDay(m.start)} – ${formatDay(addDays(m.end, -1))} is pro rata, ${used} of ${days} days at ${c.money(unit)}: ${line(unit)}.`);
  };
  partMonth(first, firstDay, firstDay === c.startDate ? 'It starts part-way through a month' : 'The rest of the month already billed in part');
  facts.push(`Each whole month: ${line(c.unitPrice)}, billed in advance — the run at the end of one month bills the next.`);
  if (c.endDate) {
    const last = monthOf(c.endDate, anchor);
    if (last.start !== first.start) partMonth(last, last.start, `It ends ${formatDay(c.endDate)}`);
    else facts.push(`Ends ${formatDay(c.endDate)}.`);
    facts.push('A month already billed in advance is not credited when a charge ends inside it.');
  }
  return facts;
}
