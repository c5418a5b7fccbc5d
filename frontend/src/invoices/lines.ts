/** One printed line of an invoice, as the page groups it. */
export interface GroupableLine {
  position: number;
  heading?: string | null;
  category?: string | null;
}

export interface LineGroup<L> {
  /** The child customer's heading under parent billing; '' for the invoiced customer's own lines. */
  heading: string;
  categories: { category: string; lines: L[] }[];
}

/**
 * Lines grouped as the invoice prints them: the customer's own first, then
 * each child under its heading in the order they appear; within each, by
 * category in order of first appearance, lines in position order.
 */
export function groupLines<L extends GroupableLine>(
  lines: readonly L[],
): LineGroup<L>[] {
  const groups: LineGroup<L>[] = [];
  const sorted = [...lines].sort((a, b) => a.position - b.position);
  for (const l of sorted) {
    const heading = l.heading ?? "";
    let g = groups.find((x) => x.heading === heading);
    if (!g) {
      g = { heading, categories: [] };
      if (heading === "") groups.unshift(g);
      else groups.push(g);
    }
    const category = l.category ?? "";
    let c = g.categories.find((x) => x.category === category);
    if (!c) {
      c = { category, lines: [] };
      g.categories.push(c);
    }
    c.lines.push(l);
  }
  return groups;
}
