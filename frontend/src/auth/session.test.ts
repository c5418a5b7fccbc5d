import { describe, expect, it } from 'vitest';
import { safeNext, signInPath } from './session';

describe('sign-in redirects', () => {
  it('remembers the page that was asked for', () => {
    expect(signInPath({ pathname: '/invoices/42', search: '?tab=pdf' })).toBe('/sign-in?next=%2Finvoices%2F42%3Ftab%3Dpdf');
    expect(signInPath({ pathname: '/', search: '' })).toBe('/sign-in');
  });

  it('goes back only to a page of this site', () => {
    expect(safeNext('/calls?from=2026-06-01')).toBe('/calls?from=2026-06-01');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/\\evil.example')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
