import { amountProblem, cleanAmount } from '../common/decimalInput';
import { daysBetween } from '../common/time';
import type { ChargeFieldsFragment, ChargeInput, ChargeRecurrence } from '../gql/graphql';

/** What the charge form edits; days are "YYYY-MM-DD" or null, amounts text as typed. */
export interface ChargeFormValues {
  productId: string | null;
  quantity: string;
  /** Empty: the product's price on the customer's tariff (else the default tariff's). */
  unitPrice: string;
  date: string | null;
  startDate: string | null;
  endDate: string | null;
  billedThrough: string | null;
}

export const chargeFormFields = ['productId', 'quantity', 'unitPrice', 'date', 'startDate', 'endDate', 'billedThrough'] as const;

export const chargeFieldMap: Record<string, string> = { productID: 'productId', recurrence: 'productId', description: 'productId' };

export function emptyCharge(today: string): ChargeFormValues {
  return { productId: null, quantity: '1', unitPrice: '', date: today, startDate: today, endDate: null, billedThrough: null };
}

export function chargeToFormValues(c: ChargeFieldsFragment): ChargeFormValues {
  return {
    productId: c.product?.id ?? null,
    quantity: c.quantity,
    unitPrice: c.unitPrice,
    date: c.date ?? null,
    startDate: c.startDate ?? null,
    endDate: c.endDate ?? null,
    billedThrough: c.billedThrough ?? null,
  };
}

/** Field errors (Mantine `validate` shape); `recurrence` is the chosen product's. */
export function validateCharge(
  v: ChargeFormValues,
  recurrence: ChargeRecurrence | undefined,
  places: number,
): Partial<Record<keyof ChargeFormValues, string>> {
  const errors: Partial<Record<keyof ChargeFormValues, string>> = {};
  if (!v.productId) errors.productId = 'Choose the product to charge';
  const q = cleanAmount(v.quantity);
  if (!/^\d+(\.\d{1,4})?$/.test(q) || /^0+(\.0*)?$/.test(q)) errors.quantity = 'The quantity is a number above 0, e.g. 1 or 3';
  if (cleanAmount(v.unitPrice) !== '') {
    const p = amountProblem(v.unitPrice, places, 'The unit price');
    if (p) errors.unitPrice = p;
  }
  if (recurrence === 'ONE_OFF') {
    if (!v.date) errors.date = 'Give the day of the charge';
  } else if (recurrence) {
    if (!v.startDate) errors.startDate = 'Give the first day of service';
    if (v.startDate && v.endDate && daysBetween(v.startDate, v.endDate)! < 0) errors.endDate = 'The last day of service is on or after the first';
    if (v.startDate && v.billedThrough && daysBetween(v.startDate, v.billedThrough)! < 0) {
      errors.billedThrough = 'Billed through a day before it starts? Leave it empty if nothing is billed yet';
    }
    if (v.endDate && v.billedThrough && daysBetween(v.billedThrough, v.endDate)! < 0) {
      errors.billedThrough = 'It cannot be billed through a day after it ends';
    }
  }
  return errors;
}

export function toChargeInput(v: ChargeFormValues, recurrence: ChargeRecurrence): ChargeInput {
  const price = cleanAmount(v.unitPrice);
  const recurring = recurrence !== 'ONE_OFF';
  return {
    productID: v.productId,
    quantity: cleanAmount(v.quantity),
    unitPrice: price === '' ? undefined : price,
    date: recurring ? undefined : v.date,
    startDate: recurring ? v.startDate : undefined,
    endDate: recurring ? (v.endDate ?? undefined) : undefined,
    billedThrough: recurring ? (v.billedThrough ?? undefined) : undefined,
  };
}
