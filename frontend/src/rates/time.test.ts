import { describe, expect, it } from 'vitest';
import { formatInZone, nowInZone, timeZoneOptions, wallTimeToISO, zoneOffsetMinutes } from './time';

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

  it('formats an instant in a zone', () => {
    expect(formatInZone('2026-06-01T09:00:00Z', 'Europe/London')).toBe('1 Jun 2026, 10:00');
  });

  it('offers London first, drops invalid zones and repeats', () => {
    const zones = timeZoneOptions(['Europe/London', 'Not/AZone', 'America/New_York']);
    expect(zones[0]).toBe('Europe/London');
    expect(zones).toContain('UTC');
    expect(zones).toContain('America/New_York');
    expect(zones).not.toContain('Not/AZone');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
