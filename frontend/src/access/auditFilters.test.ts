import { describe, expect, it } from 'vitest';
import { filterFromParams, toAuditFilter, withFilter } from './auditFilters';

describe('audit log filters', () => {
  it('turns days in the deployment zone into the instants the API filters by', () => {
    const f = toAuditFilter({ who: ' ann ', action: '', outcome: 'ERROR', from: '2026-06-01', to: '2026-06-30' }, 'Europe/London');
    expect(f).toEqual({ who: 'ann', action: null, outcome: 'ERROR', from: '2026-05-31T23:00:00Z', to: '2026-06-30T23:00:00Z' });
  });

  it('keeps filters in the address and goes back to the first page when they change', () => {
    const p = new URLSearchParams('after=abc&who=old');
    const next = withFilter(p, { who: '', action: 'createCustomer', outcome: '', from: '', to: '' });
    expect(next.toString()).toBe('action=createCustomer');
    expect(filterFromParams(next)).toEqual({ who: '', action: 'createCustomer', outcome: '', from: '', to: '' });
  });
});
