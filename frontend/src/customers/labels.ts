import type {
  CustomerBillingType,
  CustomerCallStatementFormat,
  CustomerInvoiceDelivery,
  CustomerStatus,
} from '../gql/graphql';

// Words a billing clerk uses for the API's enum values.

export const billingTypeLabels: Record<CustomerBillingType, string> = {
  DIRECT: 'Billed directly',
  PARENT: 'Parent billing',
};

export const statusLabels: Record<CustomerStatus, string> = {
  ACTIVE: 'Active',
  SUSPENDED: 'Suspended',
  CANCELLED: 'Cancelled',
};

export const statusColors: Record<CustomerStatus, string> = {
  ACTIVE: 'teal',
  SUSPENDED: 'orange',
  CANCELLED: 'gray',
};

export const invoiceDeliveryLabels: Record<CustomerInvoiceDelivery, string> = {
  EMAIL: 'Email',
  NONE: 'None',
};

export const callStatementFormatLabels: Record<CustomerCallStatementFormat, string> = {
  CSV: 'CSV',
  PDF: 'PDF (itemised)',
  NONE: 'None',
};

/** Options for a Mantine Select or SegmentedControl from a label map. */
export function options<T extends string>(labels: Record<T, string>): { value: T; label: string }[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}
