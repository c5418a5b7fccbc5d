/**
 * What a group of calls without a customer is worth at the default tariff,
 * in words (Issue 10, item 5): calls the default tariff has no rate for
 * have no known value, which is not the same as being worth nothing.
 */
export function valueAtStake(g: { value: string; calls: number; unvalued: number }, total: (v: string) => string): string {
  if (g.unvalued <= 0) return total(g.value);
  if (g.unvalued >= g.calls) return 'unknown: no rate at the default tariff';
  return `${total(g.value)} + ${g.unvalued} ${g.unvalued === 1 ? 'call' : 'calls'} of unknown value`;
}
