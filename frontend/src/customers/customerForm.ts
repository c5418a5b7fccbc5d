import { emptyCli, validateCli } from './cliForm';
import type {
  CreateCliWithCustomerInput,
  CreateCustomerInput,
  CustomerBillingType,
  CustomerCallStatementFormat,
  CustomerDetailsFragment,
  CustomerInvoiceDelivery,
  CustomerStatus,
  UpdateCustomerInput,
} from '../gql/graphql';

/** What the customer form edits; pickers hold IDs, text inputs hold strings. */
export interface CustomerFormValues {
  reference: string;
  name: string;
  billingType: CustomerBillingType;
  parentId: string | null;
  taxExempt: boolean;
  status: CustomerStatus;
  invoiceDelivery: CustomerInvoiceDelivery;
  deliveryEmail: string;
  callStatementFormat: CustomerCallStatementFormat;
  paymentTerms: string;
  postalAddress: string;
  tariffId: string | null;
  /** The billing schedule; empty: on none, billed only by a run that names it. */
  scheduleId: string | null;
  /** A new customer's CLIs, one a line; created with it, in the same change. */
  clis: string;
}

export const customerFormFields: readonly (keyof CustomerFormValues)[] = [
  'reference',
  'name',
  'billingType',
  'parentId',
  'taxExempt',
  'status',
  'invoiceDelivery',
  'deliveryEmail',
  'callStatementFormat',
  'paymentTerms',
  'postalAddress',
  'tariffId',
  'scheduleId',
  'clis',
];

/** Server input names (`extensions.field`) that the form calls differently. */
export const customerFieldMap: Record<string, keyof CustomerFormValues> = {
  parentID: 'parentId',
  parent: 'parentId',
  tariffID: 'tariffId',
  tariff: 'tariffId',
  scheduleID: 'scheduleId',
  schedule: 'scheduleId',
};

export const emptyCustomer: CustomerFormValues = {
  reference: '',
  name: '',
  billingType: 'DIRECT',
  parentId: null,
  taxExempt: false,
  status: 'ACTIVE',
  invoiceDelivery: 'EMAIL',
  deliveryEmail: '',
  callStatementFormat: 'CSV',
  paymentTerms: '',
  postalAddress: '',
  tariffId: null,
  scheduleId: null,
  clis: '',
};

export function customerToFormValues(c: CustomerDetailsFragment): CustomerFormValues {
  return {
    reference: c.reference,
    name: c.name,
    billingType: c.billingType,
    parentId: c.parent?.id ?? null,
    taxExempt: c.taxExempt,
    status: c.status,
    invoiceDelivery: c.invoiceDelivery,
    deliveryEmail: c.deliveryEmail ?? '',
    callStatementFormat: c.callStatementFormat,
    paymentTerms: c.paymentTerms ?? '',
    postalAddress: c.postalAddress ?? '',
    tariffId: c.tariff?.id ?? null,
    scheduleId: c.schedule?.id ?? null,
    clis: '',
  };
}

// Deliberately loose: the server has the final word, this only catches typos.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field errors for the customer form (Mantine `validate` shape). */
export function validateCustomer(
  values: CustomerFormValues,
  selfId?: string,
): Partial<Record<keyof CustomerFormValues, string>> {
  const errors: Partial<Record<keyof CustomerFormValues, string>> = {};
  const reference = values.reference.trim();
  if (!reference) errors.reference = 'Enter a reference, e.g. ACME01';
  else if (reference.length > 64) errors.reference = 'A reference is at most 64 characters';
  if (!values.name.trim()) errors.name = 'Enter the customer’s name';
  if (values.billingType === 'PARENT') {
    if (!values.parentId) errors.parentId = 'Choose the customer whose invoice these charges go on';
    else if (selfId && values.parentId === selfId) errors.parentId = 'A customer cannot be its own parent';
  }
  if (values.invoiceDelivery === 'EMAIL') {
    const email = values.deliveryEmail.trim();
    if (!email) errors.deliveryEmail = 'Enter the address invoices are emailed to';
    else if (!EMAIL.test(email)) errors.deliveryEmail = 'This does not look like an email address';
  }
  const clis = validateCliLines(values.clis);
  if (clis) errors.clis = clis;
  return errors;
}

/** The CLIs typed one a line (commas also separate them), blank lines left out. */
export function cliLines(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

/** What is wrong with the typed CLIs, naming each one at fault, or undefined. */
export function validateCliLines(text: string): string | undefined {
  const lines = cliLines(text);
  const problems: string[] = [];
  const seen = new Map<string, number>();
  lines.forEach((value, i) => {
    const e = validateCli({ ...emptyCli, value }).value;
    if (e) problems.push(`${value}: ${e}`);
    const key = value.replace(/[\s().-]/g, '').toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) problems.push(`${value} is typed twice (lines ${first + 1} and ${i + 1})`);
    else seen.set(key, i);
  });
  return problems.length > 0 ? problems.join('; ') : undefined;
}

/**
 * Server fields of a new customer's refused CLIs (clis.N.value, N counting
 * the typed CLIs) → the form's CLIs field.
 */
export function cliFieldMap(text: string): Record<string, 'clis'> {
  return Object.fromEntries(cliLines(text).map((_, i) => [`clis.${i}.value`, 'clis' as const]));
}

const text = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

export function toCreateCustomerInput(v: CustomerFormValues): CreateCustomerInput {
  return {
    reference: v.reference.trim(),
    name: v.name.trim(),
    billingType: v.billingType,
    parentID: v.billingType === 'PARENT' ? v.parentId : undefined,
    taxExempt: v.taxExempt,
    status: v.status,
    invoiceDelivery: v.invoiceDelivery,
    deliveryEmail: v.invoiceDelivery === 'EMAIL' ? text(v.deliveryEmail) : undefined,
    callStatementFormat: v.callStatementFormat,
    paymentTerms: text(v.paymentTerms),
    postalAddress: text(v.postalAddress),
    tariffID: v.tariffId ?? undefined,
    scheduleID: v.scheduleId ?? undefined,
  };
}

/**
 * An update sends every field; optional fields the clerk emptied are sent as
 * `clearX: true` because entgql update inputs ignore absent fields.
 */
export function toUpdateCustomerInput(v: CustomerFormValues): UpdateCustomerInput {
  const deliveryEmail = v.invoiceDelivery === 'EMAIL' ? text(v.deliveryEmail) : undefined;
  const paymentTerms = text(v.paymentTerms);
  const postalAddress = text(v.postalAddress);
  const parentID = v.billingType === 'PARENT' ? (v.parentId ?? undefined) : undefined;
  return {
    reference: v.reference.trim(),
    name: v.name.trim(),
    billingType: v.billingType,
    taxExempt: v.taxExempt,
    status: v.status,
    invoiceDelivery: v.invoiceDelivery,
    callStatementFormat: v.callStatementFormat,
    ...(deliveryEmail ? { deliveryEmail } : { clearDeliveryEmail: true }),
    ...(paymentTerms ? { paymentTerms } : { clearPaymentTerms: true }),
    ...(postalAddress ? { postalAddress } : { clearPostalAddress: true }),
    ...(parentID ? { parentID } : { clearParent: true }),
    ...(v.tariffId ? { tariffID: v.tariffId } : { clearTariff: true }),
    ...(v.scheduleId ? { scheduleID: v.scheduleId } : { clearSchedule: true }),
  };
}

/** The new customer's CLIs for createCustomer: since always, as the CLI tab's default. */
export function toCreateClis(v: CustomerFormValues): CreateCliWithCustomerInput[] {
  return cliLines(v.clis).map((value) => ({ value }));
}
