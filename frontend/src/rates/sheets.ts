import { DIRECTION_LABELS } from '../common/labels';
import type { RateSheetDirection, RateSheetVersionFragment } from '../gql/graphql';
import { ANY_PROVIDER } from '../providers/ProviderSelect';

/** The versions of one sheet: one tariff, one provider (or any), one direction. */
export interface SheetGroup {
  key: string;
  provider: { id: string; name: string } | null;
  direction: RateSheetDirection;
  /** Newest version first. */
  versions: RateSheetVersionFragment[];
  /** The version pricing calls that start now, if any. */
  inForce: RateSheetVersionFragment | undefined;
}

/**
 * Groups a tariff's rate sheets by (provider, direction): the "any provider"
 * sheets first (they are the fallback every provider uses), then providers by
 * name; outbound before inbound.
 */
export function groupRateSheets(sheets: readonly RateSheetVersionFragment[] | null | undefined): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const s of sheets ?? []) {
    const key = `${s.provider?.id ?? 'any'}:${s.direction}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, provider: s.provider ?? null, direction: s.direction, versions: [], inForce: undefined };
      groups.set(key, g);
    }
    g.versions.push(s);
  }
  const list = [...groups.values()];
  for (const g of list) {
    g.versions.sort((a, b) => b.version - a.version);
    g.inForce = g.versions.find((v) => v.inForce);
  }
  return list.sort(
    (a, b) =>
      Number(a.provider !== null) - Number(b.provider !== null) ||
      (a.provider?.name ?? '').localeCompare(b.provider?.name ?? '') ||
      Number(a.direction === 'INBOUND') - Number(b.direction === 'INBOUND'),
  );
}

export function groupTitle(g: Pick<SheetGroup, 'provider' | 'direction'>): string {
  return `${g.provider?.name ?? ANY_PROVIDER} · ${DIRECTION_LABELS[g.direction]}`;
}

/** The version shown when the page opens: the first group's version in force, else its newest. */
export function defaultSheet(groups: readonly SheetGroup[]): RateSheetVersionFragment | undefined {
  const g = groups[0];
  return g ? (g.inForce ?? g.versions[0]) : undefined;
}
