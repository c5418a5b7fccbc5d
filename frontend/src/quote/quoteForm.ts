import type { QuoteCallInput, RateSheetDirection } from '../gql/graphql';
import { wallTimeToISO } from '../common/time';

/** The "Quote a call" form. Start is a wall-clock time read in `timeZone`. */
export interface QuoteFormValues {
  tariffId: string | null;
  providerId: string | null;
  direction: RateSheetDirection;
  number: string;
  chargeCode: string;
  startDay: string | null;
  startTime: string;
  timeZone: string;
  durationSeconds: number | string;
}

export type QuoteFormErrors = Partial<Record<keyof QuoteFormValues, string>>;

/** A day's worth of seconds is far beyond any real call; it catches a typo in minutes vs seconds too late to matter. */
export const MAX_DURATION_SECONDS = 7 * 24 * 3600;

export function validateQuote(v: QuoteFormValues): QuoteFormErrors {
  const errors: QuoteFormErrors = {};
  const number = v.number.trim();
  if (!number) {
    errors.number =
      v.direction === 'INBOUND' ? "Enter the caller's number, e.g. 07700900123" : 'Enter the dialled number, e.g. 01134960123';
  } else if (number.length > 64) {
    errors.number = 'That is too long for a number or account code';
  }
  if (v.chargeCode.trim().length > 64) errors.chargeCode = 'A charge code has at most 64 characters';
  if (!v.startDay) errors.startDay = 'Pick the day the call started';
  if (!/^\d{2}:\d{2}(:\d{2})?$/.test(v.startTime)) errors.startTime = 'Enter the time as HH:MM';
  if (!errors.startDay && !errors.startTime && wallTimeToISO(v.startDay!, v.startTime, v.timeZone) === null) {
    errors.startDay = 'This is not a date and time Tollgate can read';
  }
  const d = v.durationSeconds;
  const n = typeof d === 'number' ? d : d.trim() === '' ? NaN : Number(d);
  if (!Number.isFinite(n)) errors.durationSeconds = 'Enter the answered seconds (0 for an unanswered call)';
  else if (!Number.isInteger(n) || n < 0) errors.durationSeconds = 'Whole seconds, 0 or more';
  else if (n > MAX_DURATION_SECONDS) errors.durationSeconds = 'At most a week (604800 seconds)';
  return errors;
}

export function toQuoteInput(v: QuoteFormValues): QuoteCallInput {
  const chargeCode = v.chargeCode.trim();
  return {
    tariffID: v.tariffId ?? undefined,
    providerID: v.providerId ?? undefined,
    direction: v.direction,
    number: v.number.trim(),
    chargeCode: chargeCode || undefined,
    start: wallTimeToISO(v.startDay ?? '', v.startTime, v.timeZone) ?? undefined,
    durationSeconds: Number(v.durationSeconds),
  };
}

/** "61 s" / "1 min 1 s" / "1 h 2 min" for the billable time next to the seconds. */
export function formatSeconds(total: number): string {
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : '', s ? `${s} s` : ''].filter(Boolean).join(' ');
}
