import type {
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
  return errors;
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
