import { describe, expect, it } from 'vitest';
import { dayName, dueIn, monthName, share, sumDecimals, todayIn } from './cards';

describe('dashboard cards', () => {
  it('names months and days from their text, whatever the browser zone', () => {
    expect(monthName('2026-06')).toBe('Jun 2026');
    expect(monthName('2026-12', true)).toBe('Dec');
    expect(dayName('2026-06-03')).toBe('3 Jun');
    expect(dayName('2026-06-03T00:00:00Z', true)).toBe('3 Jun 2026');
  });

  it('adds amounts of different places exactly', () => {
    expect(sumDecimals(['0.15', '0.123456', '1.0007'])).toBe('1.274156');
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3'); // 0.30000000000000004 in floats
    expect(sumDecimals(['-0.05', '0.02'])).toBe('-0.03');
    expect(sumDecimals([])).toBe('0');
  });

  it('sizes a bar against the largest on integers', () => {
    expect(share('50', '100.00')).toBe(50);
    expect(share('100.1', '100.1')).toBe(100);
    expect(share('0.0001', '100')).toBe(0.1); // tiny, but visible
    expect(share('0', '100')).toBe(0);
    expect(share('12.3456', '100.1')).toBe(12.3);
  });

  it('says how far off a due date is, in calendar days', () => {
    expect(dueIn('2026-06-10T00:00:00Z', '2026-06-15')).toEqual({ text: 'Overdue by 5 days', overdue: true });
    expect(dueIn('2026-06-14T00:00:00Z', '2026-06-15')).toEqual({ text: 'Overdue by 1 day', overdue: true });
    expect(dueIn('2026-06-15T00:00:00Z', '2026-06-15').text).toBe('Due today');
    expect(dueIn('2026-06-16T00:00:00Z', '2026-06-15').text).toBe('Due tomorrow');
    expect(dueIn('2026-07-01T00:00:00Z', '2026-06-15').text).toBe('Due in 16 days');
  });

  it("takes today in the deployment's zone", () => {
    // 23:30 UTC on 14 June is already 15 June in London (BST) and still 14 June in New York.
    const late = new Date('2026-06-14T23:30:00Z');
    expect(todayIn('Europe/London', late)).toBe('2026-06-15');
    expect(todayIn('America/New_York', late)).toBe('2026-06-14');
  });
});
