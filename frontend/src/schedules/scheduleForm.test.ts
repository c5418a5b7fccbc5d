import { describe, expect, it } from 'vitest';
import { formatDay } from '../common/time';
import { describeSchedule, emptySchedule, ordinal, scheduleFieldMap, toScheduleInput, validateSchedule } from './scheduleForm';

describe('schedules in words', () => {
  it('names the anchor a clerk chose', () => {
    expect(describeSchedule({ frequency: 'MONTHLY', anchorDay: 1 })).toBe('Every month from the 1st');
    expect(describeSchedule({ frequency: 'QUARTERLY', anchorDay: 22 })).toContain('22nd of January, April, July and October');
    expect(describeSchedule({ frequency: 'WEEKLY', anchorDay: 7 })).toBe('Every week from Sunday');
    expect([11, 12, 13, 23].map(ordinal)).toEqual(['11th', '12th', '13th', '23rd']);
  });

  it('shows a calendar day as written, whatever the zone', () => {
    expect(formatDay('2026-06-01')).toBe('1 Jun 2026');
    expect(formatDay(null)).toBe('—');
  });
});

describe('the schedule form', () => {
  it('keeps the anchor day from 1 to 28 and sends the weekday of a weekly schedule', () => {
    const v = { ...emptySchedule, name: 'Monthly' };
    expect(validateSchedule(v)).toEqual({});
    expect(validateSchedule({ ...v, day: '29' }).day).toMatch(/1 to 28/);
    expect(validateSchedule({ ...v, frequency: 'WEEKLY', day: '29' })).toEqual({});
    expect(toScheduleInput({ ...v, frequency: 'WEEKLY', weekday: '5' })).toEqual({ name: 'Monthly', frequency: 'WEEKLY', anchorDay: 5 });
    expect(toScheduleInput({ ...v, frequency: 'MANUAL' }).anchorDay).toBeUndefined();
    expect(scheduleFieldMap({ ...v, frequency: 'WEEKLY' }).anchorDay).toBe('weekday');
  });
});
