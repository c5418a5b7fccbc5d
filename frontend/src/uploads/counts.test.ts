import { describe, expect, it } from 'vitest';
import { countsBreakdown } from './counts';

describe('the counts breakdown', () => {
  it('adds every line read up exactly once (the asterisk sample)', () => {
    const b = countsBreakdown({
      linesRead: 12,
      priced: 3,
      withoutCustomer: 7,
      withoutRate: 0,
      zeroDuration: 1,
      duplicates: 0,
      unreadable: 1,
    });
    expect(b.addsUp).toBe(true);
    expect(b.sum).toBe(12);
    expect(b.equation).toBe('1 + 0 + 1 + 7 + 0 + 3 = 12');
    // Issue 10, item 4: listed in the order of the rule, each line in the first that applies (docs/analysis.md).
    expect(b.rows.map((r) => r.label)).toEqual([
      'Unreadable',
      'Duplicates',
      'Zero duration',
      'Without customer',
      'Without rate',
      'Priced',
    ]);
    expect(b.rows[5].share).toBe(25);
  });

  it('says so when the counts do not add up', () => {
    const b = countsBreakdown({
      linesRead: 10,
      priced: 3,
      withoutCustomer: 3,
      withoutRate: 0,
      zeroDuration: 0,
      duplicates: 0,
      unreadable: 0,
    });
    expect(b.addsUp).toBe(false);
    expect(b.sum).toBe(6);
  });

  it('groups thousands and copes with an empty file', () => {
    const b = countsBreakdown({
      linesRead: 1000000,
      priced: 999000,
      withoutCustomer: 1000,
      withoutRate: 0,
      zeroDuration: 0,
      duplicates: 0,
      unreadable: 0,
    });
    expect(b.equation).toBe('0 + 0 + 0 + 1,000 + 0 + 999,000 = 1,000,000');
    const empty = countsBreakdown({
      linesRead: 0,
      priced: 0,
      withoutCustomer: 0,
      withoutRate: 0,
      zeroDuration: 0,
      duplicates: 0,
      unreadable: 0,
    });
    expect(empty.addsUp).toBe(true);
    expect(empty.rows.every((r) => r.share === 0)).toBe(true);
  });
});
