import type { CallStatus, CallWhereInput } from '../gql/graphql';
import { withCursor } from '../common/pager';
import { dayRange } from '../common/time';

/** What the clerk filters calls by; lives in the page's URL so a search can be shared and survives a reload. */
export interface CallFilter {
  /** First day, "YYYY-MM-DD", inclusive. */
  from: string | null;
  /** Last day, "YYYY-MM-DD", inclusive. */
  to: string | null;
  /** Part of the calling number (CLI). */
  cli: string;
  /** The dialled number, or its start. */
  destination: string;
  status: CallStatus | null;
  /** Only the calls of one upload (its ID). */
  uploadId: string | null;
  /** Only priced calls of processed uploads not yet on a charge. */
  unbilled: boolean;
}

export const emptyCallFilter: CallFilter = {
  from: null,
  to: null,
  cli: '',
  destination: '',
  status: null,
  uploadId: null,
  unbilled: false,
};

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  PRICED: 'Priced',
  NO_CUSTOMER: 'Without customer',
  NO_RATE: 'Without rate',
  ZERO_DURATION: 'Zero duration',
  DUPLICATE: 'Duplicate',
};

export const CALL_STATUS_COLORS: Record<CallStatus, string> = {
  PRICED: 'teal',
  NO_CUSTOMER: 'orange',
  NO_RATE: 'yellow',
  ZERO_DURATION: 'gray',
  DUPLICATE: 'grape',
};

/**
 * Calls store numbers normalised (docs/rating.md, Numbers): digits with the
 * country code. Typed search text is normalised the same way, so "0113 496",
 * "+44113496" and "0044113496" all find 44113496…, with the deployment's
 * country code; a number copied as shown ("0113 496 0002*") finds it too. Text with letters (an account code) stays as typed.
 */
export function normaliseNumberSearch(text: string, countryCode: string): string {
  // A range is shown with its "*" (0113 496*): searching for it finds the numbers it starts.
  const s = text.trim().replace(/[\s\-.()]/g, '').replace(/\*$/, '');
  if (!s) return '';
  if (/^\+\d/.test(s)) return s.slice(1);
  if (/^00\d/.test(s)) return s.slice(2);
  if (/^0\d/.test(s)) return countryCode + s.slice(1);
  return s;
}

export interface CallScope {
  /** A customer's calls only. */
  customerId?: string;
  /** Uploads whose calls are left out (not processed yet, so not a customer's calls). */
  excludeUploadIds?: readonly string[];
  /** The zone the days are read in: the deployment's. */
  zone: string;
  /** The deployment's country code, for numbers typed nationally. */
  countryCode: string;
}

/**
 * The filter as the API's CallWhereInput, or undefined for no filter at all
 * (the API refuses an empty one). Days are whole days in the deployment's time zone.
 */
export function callFilterToWhere(f: CallFilter, scope: CallScope): CallWhereInput | undefined {
  const where: CallWhereInput = {};
  if (scope.customerId) where.customerID = scope.customerId;
  if (scope.excludeUploadIds && scope.excludeUploadIds.length > 0) {
    where.uploadIDNotIn = [...scope.excludeUploadIds];
  }
  if (f.uploadId) where.uploadID = f.uploadId;
  const { from, to } = dayRange(f.from, f.to, scope.zone);
  if (from) where.startGTE = from;
  if (to) where.startLT = to;
  const cli = normaliseNumberSearch(f.cli, scope.countryCode);
  if (cli) where.sourceContains = cli;
  const dest = normaliseNumberSearch(f.destination, scope.countryCode);
  if (dest) {
    // "0113…" or "+44113…" is the start of a number; a bare fragment may be anywhere in it.
    if (/^[+0]/.test(f.destination.trim())) where.destinationHasPrefix = dest;
    else where.destinationContains = dest;
  }
  if (f.unbilled) {
    where.status = 'PRICED';
    where.chargeIDIsNil = true;
  } else if (f.status) {
    where.status = f.status;
  }
  return Object.keys(where).length > 0 ? where : undefined;
}

const STATUSES = Object.keys(CALL_STATUS_LABELS) as CallStatus[];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function filterFromParams(p: URLSearchParams): CallFilter {
  const status = p.get('status');
  const from = p.get('from');
  const to = p.get('to');
  return {
    from: from && DAY.test(from) ? from : null,
    to: to && DAY.test(to) ? to : null,
    cli: p.get('cli') ?? '',
    destination: p.get('dest') ?? '',
    status: status && (STATUSES as string[]).includes(status) ? (status as CallStatus) : null,
    uploadId: p.get('upload') || null,
    unbilled: p.get('unbilled') === '1',
  };
}

/** Writes the filter into search params, starting again from the first page. */
export function filterToParams(f: CallFilter, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  const set = (key: string, value: string | null | undefined) => {
    if (value) next.set(key, value);
    else next.delete(key);
  };
  set('from', f.from);
  set('to', f.to);
  set('cli', f.cli.trim());
  set('dest', f.destination.trim());
  set('status', f.status);
  set('upload', f.uploadId);
  set('unbilled', f.unbilled ? '1' : null);
  return withCursor(next, {});
}

/**
 * The streamed CSV of the calls the filter selects: the same selection as
 * the list (it is built from the list's where-filter), of a customer's
 * processed uploads when the scope is a customer.
 */
export function callsCsvURL(f: CallFilter, scope: CallScope): string {
  const where = callFilterToWhere(f, { ...scope, excludeUploadIds: undefined }) ?? {};
  const q = new URLSearchParams();
  const set = (key: string, value: string | number | null | undefined) => {
    if (value) q.set(key, String(value));
  };
  if (scope.customerId) {
    set('customer', scope.customerId);
    // The customer's calls are those of processed uploads (the list leaves the others out by id).
    set('processed', '1');
  }
  set('upload', where.uploadID);
  set('from', where.startGTE);
  set('to', where.startLT);
  set('source', where.sourceContains);
  set('destPrefix', where.destinationHasPrefix);
  set('dest', where.destinationContains);
  set('status', where.status);
  if (f.unbilled) set('unbilled', '1');
  const qs = q.toString();
  return `/download/calls.csv${qs ? `?${qs}` : ''}`;
}
