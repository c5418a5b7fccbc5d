import { describe, expect, it } from 'vitest';
import type { RateSheetVersionFragment } from '../gql/graphql';
import { defaultSheet, groupRateSheets, groupTitle } from './sheets';

let n = 0;
const sheet = (over: Partial<RateSheetVersionFragment>): RateSheetVersionFragment => ({
  id: `s${++n}`,
  direction: 'OUTBOUND',
  version: 1,
  effectiveFrom: '2026-01-01T00:00:00Z',
  effectiveUntil: null,
  inForce: false,
  rowCount: 1,
  fileName: 'rates.csv',
  units: 'MINOR',
  createdAt: '2026-01-01T00:00:00Z',
  downloadURL: '/x',
  provider: null,
  ...over,
});

describe('groupRateSheets', () => {
  const acme = { id: 'p1', name: 'Acme Telecom' };
  const zed = { id: 'p2', name: 'Zed Networks' };
  const sheets = [
    sheet({ provider: zed, version: 1, inForce: true }),
    sheet({ version: 1 }),
    sheet({ version: 3, inForce: false, effectiveFrom: '2099-01-01T00:00:00Z' }),
    sheet({ version: 2, inForce: true }),
    sheet({ direction: 'INBOUND', version: 1, inForce: true }),
    sheet({ provider: acme, version: 1, inForce: true }),
  ];
  const groups = groupRateSheets(sheets);

  it('puts any-provider sheets first, outbound before inbound, then providers by name', () => {
    expect(groups.map(groupTitle)).toEqual([
      'Any provider · Outbound',
      'Any provider · Inbound',
      'Acme Telecom · Outbound',
      'Zed Networks · Outbound',
    ]);
  });

  it('lists versions newest first and finds the one in force (not a future one)', () => {
    expect(groups[0].versions.map((v) => v.version)).toEqual([3, 2, 1]);
    expect(groups[0].inForce?.version).toBe(2);
    expect(defaultSheet(groups)?.version).toBe(2);
  });

  it('no sheets, no groups', () => {
    expect(groupRateSheets(null)).toEqual([]);
    expect(defaultSheet([])).toBeUndefined();
  });

  it('a group with only a future version opens on it', () => {
    expect(defaultSheet(groupRateSheets([sheet({ version: 1, inForce: false })]))?.version).toBe(1);
  });
});
