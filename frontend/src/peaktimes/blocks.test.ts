import { describe, expect, it } from 'vitest';
import {
  findOverlaps,
  formatDays,
  parseHHMM,
  sameSchedule,
  standardUkSchedule,
  toBlockInputs,
  validateBlock,
  validateBlocks,
  weekGridFromBlocks,
  type BlockDraft,
} from './blocks';

const block = (over: Partial<BlockDraft> = {}): BlockDraft => ({
  key: 'k',
  band: 'PEAK',
  days: ['MON'],
  start: '08:00',
  end: '18:00',
  ...over,
});

describe('parseHHMM', () => {
  it.each([
    ['00:00', 0],
    ['08:30', 510],
    ['8:30', 510],
    ['23:59', 1439],
    ['24:00', 1440],
    [' 18:00 ', 1080],
  ])('%s is %i minutes', (text, minutes) => {
    expect(parseHHMM(text)).toBe(minutes);
  });

  it.each(['', '8', '0800', '24:01', '25:00', '12:60', '12:5', 'noon', '-1:00'])('%j is not a time', (text) => {
    expect(parseHHMM(text)).toBeNull();
  });
});

describe('validateBlock', () => {
  it('accepts a whole day ending at 24:00', () => {
    expect(validateBlock(block({ start: '00:00', end: '24:00' }))).toEqual({});
  });

  it('needs a day', () => {
    expect(validateBlock(block({ days: [] })).days).toMatch(/at least one day/);
  });

  it('explains a time it cannot read', () => {
    expect(validateBlock(block({ start: '8am' })).start).toMatch(/HH:MM/);
    expect(validateBlock(block({ end: '25:00' })).end).toMatch(/HH:MM/);
  });

  it('refuses a block that starts at 24:00 or ends at 00:00', () => {
    expect(validateBlock(block({ start: '24:00', end: '24:00' })).start).toMatch(/cannot start at 24:00/);
    expect(validateBlock(block({ start: '18:00', end: '00:00' })).end).toMatch(/24:00/);
  });

  it('refuses an end not after the start, pointing to a second block for overnight', () => {
    expect(validateBlock(block({ start: '18:00', end: '08:00' })).end).toMatch(/after the start.*second block/);
    expect(validateBlock(block({ start: '08:00', end: '08:00' })).end).toMatch(/after the start/);
  });
});

describe('overlaps', () => {
  it('the standard UK schedule has none', () => {
    expect(findOverlaps(standardUkSchedule())).toEqual([]);
  });

  it('touching blocks do not overlap (end is exclusive)', () => {
    expect(findOverlaps([block({ end: '18:00' }), block({ start: '18:00', end: '24:00' })])).toEqual([]);
  });

  it('blocks on different days do not overlap', () => {
    expect(findOverlaps([block({ days: ['MON'] }), block({ days: ['TUE'] })])).toEqual([]);
  });

  it('lists each shared day with the shared time and names both blocks', () => {
    const blocks = [
      block({ days: ['MON', 'TUE', 'WED'], start: '08:00', end: '18:00' }),
      block({ band: 'OFFPEAK', days: ['TUE', 'WED', 'SAT'], start: '17:00', end: '24:00' }),
    ];
    expect(findOverlaps(blocks)).toEqual([
      { a: 0, b: 1, day: 'TUE', start: 1020, end: 1080 },
      { a: 0, b: 1, day: 'WED', start: 1020, end: 1080 },
    ]);
    const errors = validateBlocks(blocks);
    expect(errors.get(0)?.overlap).toBe('Overlaps block 2 on Tue, Wed 17:00–18:00');
    expect(errors.get(1)?.overlap).toBe('Overlaps block 1 on Tue, Wed 17:00–18:00');
  });

  it('an invalid block is reported for its fields, not as an overlap', () => {
    const errors = validateBlocks([block(), block({ start: 'x' })]);
    expect(errors.get(0)).toBeUndefined();
    expect(errors.get(1)?.start).toBeDefined();
    expect(errors.get(1)?.overlap).toBeUndefined();
  });
});

describe('weekGridFromBlocks', () => {
  it('no blocks: the whole week is peak', () => {
    const grid = weekGridFromBlocks([]);
    expect(grid).toHaveLength(7);
    expect(grid.every((row) => row.length === 24 && row.every((b) => b === 'PEAK'))).toBe(true);
  });

  it('colours the standard UK schedule by the band at the start of each hour', () => {
    const grid = weekGridFromBlocks(standardUkSchedule());
    const monday = grid[0];
    expect(monday.slice(0, 8).every((b) => b === 'OFFPEAK')).toBe(true);
    expect(monday.slice(8, 18).every((b) => b === 'PEAK')).toBe(true);
    expect(monday.slice(18).every((b) => b === 'OFFPEAK')).toBe(true);
    expect(grid[5].every((b) => b === 'WEEKEND')).toBe(true);
    expect(grid[6].every((b) => b === 'WEEKEND')).toBe(true);
  });

  it('a block starting mid-hour shows from the next hour; uncovered time stays peak', () => {
    const grid = weekGridFromBlocks([block({ band: 'OFFPEAK', days: ['WED'], start: '18:30', end: '20:00' })]);
    expect(grid[2][18]).toBe('PEAK');
    expect(grid[2][19]).toBe('OFFPEAK');
    expect(grid[2][20]).toBe('PEAK');
    expect(grid[1][19]).toBe('PEAK');
  });

  it('ignores blocks it cannot read yet', () => {
    expect(weekGridFromBlocks([block({ band: 'WEEKEND', start: 'xx' })])[0][10]).toBe('PEAK');
  });
});

describe('formatDays', () => {
  it.each([
    [['MON', 'TUE', 'WED', 'THU', 'FRI'], 'Mon–Fri'],
    [['SUN', 'SAT'], 'Sat, Sun'],
    [['MON', 'WED', 'THU', 'FRI'], 'Mon, Wed–Fri'],
    [['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'], 'Mon–Sun'],
  ] as const)('%j → %s', (days, text) => {
    expect(formatDays(days)).toBe(text);
  });
});

describe('toBlockInputs', () => {
  it('sends days in week order and times as HH:MM', () => {
    expect(toBlockInputs([block({ days: ['FRI', 'MON'], start: '8:00', end: '24:00' })])).toEqual([
      { band: 'PEAK', days: ['MON', 'FRI'], start: '08:00', end: '24:00' },
    ]);
  });

  it('sameSchedule ignores keys, block order and day order', () => {
    const a = standardUkSchedule();
    const b = [...standardUkSchedule()].reverse().map((x) => ({ ...x, days: [...x.days].reverse() }));
    expect(sameSchedule(a, b)).toBe(true);
    expect(sameSchedule(a, b.slice(1))).toBe(false);
  });
});
