import { describe, expect, it } from 'vitest';
import { formatLabel, timeZoneGroups, toCreateProviderInput, validateProvider } from './providerForm';

describe('provider form', () => {
  it('asks for a name, a format and a time zone', () => {
    expect(validateProvider({ name: ' ', cdrFormat: '', timeZone: '' })).toEqual({
      name: 'Give the provider a name, e.g. Gamma',
      cdrFormat: 'Choose the format its CDR files arrive in',
      timeZone: 'Choose the time zone its CDR timestamps are written in',
    });
    expect(validateProvider({ name: 'Gamma', cdrFormat: 'FCS', timeZone: 'Europe/London' })).toEqual({});
  });

  it('sends the name trimmed', () => {
    expect(toCreateProviderInput({ name: '  Gamma ', cdrFormat: 'FCS', timeZone: 'UTC' })).toEqual({
      name: 'Gamma',
      cdrFormat: 'FCS',
      timeZone: 'UTC',
    });
  });

  it('labels a format in the server words, and by its value when the server does not list it', () => {
    const formats = [{ value: 'FCS' as const, label: 'FCS (UK standard)', description: '42 columns' }];
    expect(formatLabel(formats, 'FCS')).toBe('FCS (UK standard)');
    expect(formatLabel(formats, 'CSV')).toBe('CSV');
    expect(formatLabel(undefined, 'ASTERISK')).toBe('ASTERISK');
  });

  it('lists common zones first, then every other zone once, including UTC and the current one', () => {
    const groups = timeZoneGroups('Europe/London', ['Asia/Tokyo', 'Europe/London', 'Europe/Paris'], 'Etc/GMT+1');
    expect(groups[0]).toEqual({ group: 'Common', items: ['Europe/London', 'UTC', 'Europe/Paris'] });
    expect(groups[1].items).toEqual(['Asia/Tokyo', 'Etc/GMT+1']);
    const all = groups.flatMap((g) => g.items);
    expect(new Set(all).size).toBe(all.length);
  });

  it('puts the deployment’s zone first, even one the browser does not list', () => {
    const groups = timeZoneGroups('Asia/Tokyo', ['Europe/London']);
    expect(groups[0].items.slice(0, 3)).toEqual(['Asia/Tokyo', 'UTC', 'Europe/London']);
  });
});
