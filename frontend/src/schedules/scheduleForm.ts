import type { BillingScheduleFrequency, BillingScheduleInput } from '../gql/graphql';

export const FREQUENCY_LABELS: Record<BillingScheduleFrequency, string> = {
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  WEEKLY: 'Weekly',
  MANUAL: 'Manual',
};

/** The weekdays as a weekly schedule stores them: 1 Monday … 7 Sunday. */
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** The latest day a month or quarter may start on, so that every month has it. */
export const MAX_ANCHOR_DAY = 28;

/** 1 → "1st", 22 → "22nd". */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

/** How a schedule runs, in words: "Every month from the 1st", "Every week from Monday". */
export function describeSchedule(s: { frequency: BillingScheduleFrequency; anchorDay: number }): string {
  switch (s.frequency) {
    case 'MONTHLY':
      return `Every month from the ${ordinal(s.anchorDay)}`;
    case 'QUARTERLY':
      return `Every quarter from the ${ordinal(s.anchorDay)} of January, April, July and October`;
    case 'WEEKLY':
      return `Every week from ${WEEKDAYS[s.anchorDay - 1] ?? `weekday ${s.anchorDay}`}`;
    case 'MANUAL':
      return 'Only when a clerk runs it, for the dates given';
  }
}

/** What the schedule form edits: the anchor as typed (day of month) or chosen (weekday). */
export interface ScheduleFormValues {
  name: string;
  frequency: BillingScheduleFrequency;
  /** Monthly and quarterly: the day of the month, as typed. */
  day: string;
  /** Weekly: 1 Monday … 7 Sunday, as a Select value. */
  weekday: string;
}

export const scheduleFormFields = ['name', 'frequency', 'day', 'weekday'] as const;

export const emptySchedule: ScheduleFormValues = { name: '', frequency: 'MONTHLY', day: '1', weekday: '1' };

export function scheduleToFormValues(s: { name: string; frequency: BillingScheduleFrequency; anchorDay: number }): ScheduleFormValues {
  const weekly = s.frequency === 'WEEKLY';
  return { name: s.name, frequency: s.frequency, day: weekly ? '1' : String(s.anchorDay), weekday: weekly ? String(s.anchorDay) : '1' };
}

/** The server's `anchorDay` is the day field, or the weekday on a weekly schedule. */
export function scheduleFieldMap(v: ScheduleFormValues): Record<string, string> {
  return { anchorDay: v.frequency === 'WEEKLY' ? 'weekday' : 'day' };
}

export function validateSchedule(v: ScheduleFormValues): Partial<Record<keyof ScheduleFormValues, string>> {
  const errors: Partial<Record<keyof ScheduleFormValues, string>> = {};
  if (!v.name.trim()) errors.name = 'Enter a name, e.g. Monthly on the 1st';
  else if (v.name.trim().length > 128) errors.name = 'A name is at most 128 characters';
  if (v.frequency === 'MONTHLY' || v.frequency === 'QUARTERLY') {
    const day = v.day.trim();
    if (!/^\d+$/.test(day) || Number(day) < 1 || Number(day) > MAX_ANCHOR_DAY) {
      errors.day = `Periods start on a day from 1 to ${MAX_ANCHOR_DAY}, so that every month has it`;
    }
  }
  return errors;
}

export function toScheduleInput(v: ScheduleFormValues): BillingScheduleInput {
  const anchorDay =
    v.frequency === 'WEEKLY' ? Number(v.weekday) : v.frequency === 'MANUAL' ? undefined : Number(v.day.trim());
  return { name: v.name.trim(), frequency: v.frequency, anchorDay };
}
