import type { ReactNode } from 'react';
import { SettingsContext, type Settings } from '../common/settings';

/** A UK deployment, as components under test see it (the tests' browser is in New York). */
export const londonSettings: Settings = {
  currency: 'GBP',
  currencySymbol: '£',
  minorUnitSymbol: 'p',
  minorUnitName: 'pence',
  majorUnitName: 'pounds',
  timeZone: 'Europe/London',
  countryCode: '44',
  callPriceDecimals: 4,
  invoiceDecimals: 2,
  rounding: 'half-up',
};

export function WithSettings({ settings = londonSettings, children }: { settings?: Settings; children: ReactNode }) {
  return <SettingsContext value={settings}>{children}</SettingsContext>;
}
