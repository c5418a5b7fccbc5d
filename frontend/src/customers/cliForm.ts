import { dayStart } from '../common/time';
import type { CreateCliInput } from '../gql/graphql';

/** The "add a CLI" form. Dates are calendar days, "YYYY-MM-DD", as DateInput gives them. */
export interface CliFormValues {
  value: string;
  validFrom: string | null;
  validTo: string | null;
  siteId: string | null;
  description: string;
}

export const cliFormFields: readonly (keyof CliFormValues)[] = ['value', 'validFrom', 'validTo', 'siteId', 'description'];

export const cliFieldMap: Record<string, keyof CliFormValues> = {
  siteID: 'siteId',
  site: 'siteId',
};

// An empty valid from means "since always", so calls already uploaded match too.
export const emptyCli: CliFormValues = { value: '', validFrom: null, validTo: null, siteId: null, description: '' };

// A number as people type it: +44 113 496 0000, (0113) 496-0000, 01134960000,
// optionally ending in * for a number range (DDI block): 44113496*.
const PHONE_NUMBER = /^\+?[\d\s().-]+\*?$/;
// A provider's account or SIP-trunk code: letters and digits with a few separators.
const ACCOUNT_CODE = /^[A-Za-z0-9][A-Za-z0-9_.:@/-]*$/;

/**
 * Catches what the clerk can fix before asking the server. The server
 * normalises numbers (01134960000 → 441134960000) and refuses a number that
 * another customer holds over overlapping dates, which only it can know.
 */
export function validateCli(v: CliFormValues): Partial<Record<keyof CliFormValues, string>> {
  const errors: Partial<Record<keyof CliFormValues, string>> = {};
  const value = v.value.trim();
  if (!value) {
    errors.value = 'Enter a phone number, a range such as 44113496*, or an account code';
  } else if (/^[+\d(]/.test(value) && PHONE_NUMBER.test(value)) {
    const digits = value.replace(/\D/g, '');
    if (digits.length < 3) errors.value = 'A number needs at least 3 digits';
    else if (digits.length > 20) errors.value = 'A number has at most 20 digits';
  } else if (value.includes('*')) {
    errors.value = 'Only a number can be a range: digits followed by a single * at the end';
  } else if (!ACCOUNT_CODE.test(value)) {
    errors.value = 'Use digits for a number (optionally starting with +), or letters and digits for an account code';
  }
  // Valid to is exclusive: the first day the CLI no longer belongs to the customer.
  if (v.validFrom && v.validTo && v.validTo <= v.validFrom) {
    errors.validTo = 'Valid to must be after valid from';
  }
  return errors;
}

/** Days are whole days in `zone`, the deployment's: a CLI valid from 1 June is its customer's from midnight there. */
export function toCreateCliInput(customerID: string, v: CliFormValues, zone: string): CreateCliInput {
  const description = v.description.trim();
  return {
    customerID,
    value: v.value.trim(),
    validFrom: v.validFrom ? (dayStart(v.validFrom, zone) ?? undefined) : undefined,
    validTo: v.validTo ? (dayStart(v.validTo, zone) ?? undefined) : undefined,
    siteID: v.siteId ?? undefined,
    description: description || undefined,
  };
}
