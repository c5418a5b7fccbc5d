import { describe, expect, it } from 'vitest';
import {
  dayRange,
  formatDate,
  formatDateTime,
  nowInZone,
  timeZoneOptions,
  wallTimeToISO,
  zoneOffsetMinutes,
} from './time';

describe('wallTimeToISO', () => {
  it('reads summer time in London as BST (UTC+1)', () => {
    expect(wallTimeToISO('2026-06-01', '10:00', 'Europe/London')).toBe('2026-06-01T09:00:00Z');
  });

  it('reads winter time in London as GMT', () => {
    expect(wallTimeToISO('2026-01-05', '08:00', 'Europe/London')).toBe('2026-01-05T08:00:00Z');
  });

  it('UTC is itself, seconds included', () => {
    expect(wallTimeToISO('2026-06-01', '07:30:15', 'UTC')).toBe('2026-06-01T07:30:15Z');
  });

  it('a time in the spring-forward gap moves forward by the gap (01:30 → 02:30 BST)', () => {
    expect(wallTimeToISO('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00Z');
  });

  it('an ambiguous autumn time is the first occurrence (still BST)', () => {
    expect(wallTimeToISO('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00Z');
  });

  it('works east of UTC too', () => {
    expect(wallTimeToISO('2026-06-01', '00:30', 'Europe/Paris')).toBe('2026-05-31T22:30:00Z');
  });

  it.each([
    ['', '10:00'],
    ['2026-06-01', ''],
    ['2026-02-30', '10:00'],
    ['2026-13-01', '10:00'],
    ['2026-06-01', '24:00'],
    ['01/06/2026', '10:00'],
  ])('cannot read %j %j', (day, time) => {
    expect(wallTimeToISO(day, time, 'Europe/London')).toBeNull();
  });
});

describe('zones', () => {
  it('knows the London offset in summer and winter', () => {
    expect(zoneOffsetMinutes(Date.UTC(2026, 5, 1, 12), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2026, 0, 1, 12), 'Europe/London')).toBe(0);
  });

  it('nowInZone gives what a clerk in that zone would type', () => {
    expect(nowInZone('Europe/London', new Date('2026-06-01T09:05:00Z'))).toEqual({ day: '2026-06-01', time: '10:05' });
  });

  it('offers the deployment’s zone first, drops invalid zones and repeats', () => {
    const zones = timeZoneOptions('Europe/Paris', ['Europe/London', 'Not/AZone', 'America/New_York', 'Europe/Paris']);
    expect(zones[0]).toBe('Europe/Paris');
    expect(zones).toContain('Europe/London');
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect(zones).not.toContain('Not/AZone');
    expect(new Set(zones).size).toBe(zones.length);
  });
});

// The tests run with the browser in New York (vite.config.ts sets TZ) while
// the deployment is in London: every time must come out in London time.
describe('times shown in the deployment’s zone, not the browser’s', () => {
  it('runs in a browser zone other than the deployment’s', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York');
  });

  it('shows a summer instant in British Summer Time', () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST), 19:30 on 31 May in New York.
    expect(formatDateTime('2026-05-31T23:30:00Z', 'Europe/London')).toBe('1 Jun 2026, 00:30');
    expect(formatDateTime('2026-05-31T23:30:00Z', 'Europe/London', { withZone: true })).toBe('1 Jun 2026, 00:30 BST');
    expect(formatDateTime('2026-05-31T23:30:05Z', 'Europe/London', { seconds: true })).toBe('1 Jun 2026, 00:30:05');
    expect(formatDate('2026-05-31T23:30:00Z', 'Europe/London')).toBe('1 Jun 2026');
  });

  it('shows a winter instant in GMT', () => {
    expect(formatDateTime('2026-01-05T08:00:00Z', 'Europe/London', { withZone: true })).toBe('5 Jan 2026, 08:00 GMT');
  });

  it('shows another deployment’s zone just as well', () => {
    expect(formatDateTime('2026-05-31T23:30:00Z', 'Asia/Tokyo')).toBe('1 Jun 2026, 08:30');
  });

  it('shows no time as a dash and bad text as it came', () => {
    expect(formatDateTime(null, 'Europe/London')).toBe('—');
    expect(formatDate('', 'Europe/London')).toBe('—');
    expect(formatDateTime('soon', 'Europe/London')).toBe('soon');
  });

  it('reads typed days as whole days in the deployment’s zone, the last day included', () => {
    expect(dayRange('2026-06-01', '2026-06-30', 'Europe/London')).toEqual({
      from: '2026-05-31T23:00:00Z',
      to: '2026-06-30T23:00:00Z',
    });
    expect(dayRange('2026-12-31', null, 'Europe/London')).toEqual({ from: '2026-12-31T00:00:00Z', to: null });
    expect(dayRange(null, '2026-12-31', 'UTC')).toEqual({ from: null, to: '2027-01-01T00:00:00Z' });
  });
});
