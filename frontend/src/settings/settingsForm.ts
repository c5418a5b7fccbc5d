import type { UpdateSettingsInput } from '../gql/graphql';

/** What the Settings form edits: the company's stored settings, as the clerk types them. */
export interface SettingsFormValues {
  companyName: string;
  address: string;
  vatNumber: string;
  defaultTaxRate: string;
  paymentTermsDays: number | string;
  emailSenderName: string;
  emailSenderAddress: string;
  invoiceEmailSubject: string;
  invoiceEmailBody: string;
}

/** The form's fields; the server names its problems the same way. */
export const settingsFormFields = [
  'companyName',
  'address',
  'vatNumber',
  'defaultTaxRate',
  'paymentTermsDays',
  'emailSenderName',
  'emailSenderAddress',
  'invoiceEmailSubject',
  'invoiceEmailBody',
] as const;

export interface StoredCompany {
  name: string;
  address: string;
  vatNumber: string;
  defaultTaxRate: string;
  paymentTermsDays: number;
  emailSenderName: string;
  emailSenderAddress: string;
  invoiceEmailSubject: string;
  invoiceEmailBody: string;
}

export function toFormValues(c: StoredCompany): SettingsFormValues {
  return {
    companyName: c.name,
    address: c.address,
    vatNumber: c.vatNumber,
    defaultTaxRate: c.defaultTaxRate,
    paymentTermsDays: c.paymentTermsDays,
    emailSenderName: c.emailSenderName,
    emailSenderAddress: c.emailSenderAddress,
    invoiceEmailSubject: c.invoiceEmailSubject,
    invoiceEmailBody: c.invoiceEmailBody,
  };
}

/**
 * The whole form as one change. The server checks every value (and says
 * which are wrong); the form only makes sure each is sent as its type.
 */
export function toUpdateSettingsInput(v: SettingsFormValues): UpdateSettingsInput {
  return {
    companyName: v.companyName,
    address: v.address,
    vatNumber: v.vatNumber,
    defaultTaxRate: v.defaultTaxRate.trim().replace(/%$/, '').trim(),
    paymentTermsDays: typeof v.paymentTermsDays === 'number' ? v.paymentTermsDays : Number.parseInt(v.paymentTermsDays, 10),
    emailSenderName: v.emailSenderName,
    emailSenderAddress: v.emailSenderAddress,
    invoiceEmailSubject: v.invoiceEmailSubject,
    invoiceEmailBody: v.invoiceEmailBody,
  };
}

/** Checks only what cannot be sent at all: a tax rate or terms that are not numbers. */
export function validateSettings(v: SettingsFormValues): Partial<Record<keyof SettingsFormValues, string>> {
  const errors: Partial<Record<keyof SettingsFormValues, string>> = {};
  if (!/^-?\d+(\.\d+)?$/.test(v.defaultTaxRate.trim().replace(/%$/, '').trim())) {
    errors.defaultTaxRate = 'Enter the tax rate as a number of percent, e.g. 20 or 17.5';
  }
  if (v.paymentTermsDays === '' || !Number.isInteger(Number(v.paymentTermsDays))) {
    errors.paymentTermsDays = 'Enter the payment terms as a whole number of days, e.g. 30';
  }
  return errors;
}
