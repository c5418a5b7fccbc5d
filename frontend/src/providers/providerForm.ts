import type { CreateProviderInput, ProviderCdrFormat, ProviderFieldsFragment, UpdateProviderInput } from '../gql/graphql';

export interface ProviderFormValues {
  name: string;
  cdrFormat: ProviderCdrFormat | '';
  timeZone: string;
}

export const providerFormFields: readonly (keyof ProviderFormValues)[] = ['name', 'cdrFormat', 'timeZone'];

/** A new provider's timestamps are in the deployment's zone until the clerk says otherwise. */
export function emptyProvider(deploymentZone: string): ProviderFormValues {
  return { name: '', cdrFormat: '', timeZone: deploymentZone };
}

/** A CDR format as the server declares it (`cdrFormats`). */
export interface CdrFormatInfo {
  value: ProviderCdrFormat;
  label: string;
  description: string;
}

/** The format's label in the server's list, else its value (a format the list does not have yet). */
export function formatLabel(formats: readonly CdrFormatInfo[] | null | undefined, value: ProviderCdrFormat): string {
  return formats?.find((f) => f.value === value)?.label ?? value;
}

/**
 * Time zones to choose from: the deployment's first, then the ones common
 * for a European reseller. The browser knows every IANA zone; "UTC" is
 * added because some browsers list only geographic zones.
 */
export function timeZoneGroups(
  deploymentZone: string,
  all: readonly string[] = supportedTimeZones(),
  current?: string,
): { group: string; items: string[] }[] {
  const common = [deploymentZone, 'UTC', 'Europe/London', 'Europe/Dublin', 'Europe/Paris', 'Europe/Berlin', 'America/New_York'];
  const known = new Set([...all, 'UTC', deploymentZone]);
  if (current) known.add(current);
  const first = [...new Set(common)].filter((z) => known.has(z));
  const rest = [...known].filter((z) => !first.includes(z)).sort();
  return [
    { group: 'Common', items: first },
    { group: 'All time zones', items: rest },
  ];
}

function supportedTimeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

export function providerToFormValues(p: ProviderFieldsFragment): ProviderFormValues {
  return { name: p.name, cdrFormat: p.cdrFormat, timeZone: p.timeZone };
}

export function validateProvider(v: ProviderFormValues): Partial<Record<keyof ProviderFormValues, string>> {
  const errors: Partial<Record<keyof ProviderFormValues, string>> = {};
  const name = v.name.trim();
  if (!name) errors.name = 'Give the provider a name, e.g. Gamma';
  else if (name.length > 100) errors.name = 'At most 100 characters';
  if (!v.cdrFormat) errors.cdrFormat = 'Choose the format its CDR files arrive in';
  if (!v.timeZone) errors.timeZone = 'Choose the time zone its CDR timestamps are written in';
  return errors;
}

export function toCreateProviderInput(v: ProviderFormValues): CreateProviderInput {
  return { name: v.name.trim(), cdrFormat: v.cdrFormat as ProviderCdrFormat, timeZone: v.timeZone };
}

export function toUpdateProviderInput(v: ProviderFormValues): UpdateProviderInput {
  return { name: v.name.trim(), cdrFormat: v.cdrFormat as ProviderCdrFormat, timeZone: v.timeZone };
}
