import { describe, expect, it } from 'vitest';
import { formatDescriptions, timeZoneGroups, toCreateProviderInput, validateProvider } from './providerForm';

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

  it('describes formats in the server words, with a fallback for one it does not list', () => {
    const d = formatDescriptions([{ name: 'asterisk', description: 'Master.csv' }]);
    expect(d.ASTERISK).toBe('Master.csv');
    expect(d.CSV).toMatch(/column mapping/);
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
