import { dayRange } from '../common/time';

/** The audit log's filters as the address keeps them (?who=&action=&outcome=&from=&to=). */
export interface AuditFilterValues {
  who: string;
  action: string;
  outcome: string;
  /** First and last day shown, both included, "YYYY-MM-DD" in the deployment's zone. */
  from: string;
  to: string;
}

export const OUTCOMES = [
  { value: '', label: 'Any outcome' },
  { value: 'OK', label: 'Succeeded' },
  { value: 'ERROR', label: 'Failed or refused' },
  { value: 'FORBIDDEN', label: 'Forbidden' },
  { value: 'UNAUTHENTICATED', label: 'Not signed in / bad token' },
  { value: 'RATE_LIMITED', label: 'Rate limited' },
  { value: 'INVALID', label: 'Invalid' },
];

const KEYS = ['who', 'action', 'outcome', 'from', 'to'] as const;

export function filterFromParams(p: URLSearchParams): AuditFilterValues {
  return { who: p.get('who') ?? '', action: p.get('action') ?? '', outcome: p.get('outcome') ?? '', from: p.get('from') ?? '', to: p.get('to') ?? '' };
}

/** The params with the filters replaced; empty ones are left out, and the page goes back to the first. */
export function withFilter(p: URLSearchParams, f: AuditFilterValues): URLSearchParams {
  const next = new URLSearchParams(p);
  next.delete('after');
  next.delete('before');
  for (const k of KEYS) {
    const v = f[k].trim();
    if (v) next.set(k, v);
    else next.delete(k);
  }
  return next;
}

/** The API's AuditFilter: whole days in `zone`, empty fields left out. */
export function toAuditFilter(f: AuditFilterValues, zone: string) {
  const { from, to } = dayRange(f.from || null, f.to || null, zone);
  return {
    who: f.who.trim() || null,
    action: f.action.trim() || null,
    outcome: f.outcome || null,
    from,
    to,
  };
}
