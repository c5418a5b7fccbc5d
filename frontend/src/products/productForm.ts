import { amountProblem, cleanAmount, cleanPercent, percentProblem } from '../common/decimalInput';
import type { ProductFieldsFragment, ProductInput, ProductRecurrence } from '../gql/graphql';

export const RECURRENCE_LABELS: Record<ProductRecurrence, string> = {
  ONE_OFF: 'One-off',
  MONTHLY: 'Monthly',
  QUARTERLY: 'Quarterly',
  YEARLY: 'Yearly',
};

/** What each recurrence means on an invoice, for the form's help text. */
export const RECURRENCE_HELP: Record<ProductRecurrence, string> = {
  ONE_OFF: 'Billed once, on the first run after its date.',
  MONTHLY: 'Billed a month in advance; a first or last month that is only partly used is charged pro rata by days.',
  QUARTERLY: 'Billed three months in advance from its start date, always whole.',
  YEARLY: 'Billed a year in advance from its start date, always whole.',
};

export interface Tariff {
  id: string;
  name: string;
  isDefault: boolean;
}

/** What the product form edits; amounts are text as typed. */
export interface ProductFormValues {
  name: string;
  reference: string;
  category: string;
  accountingCode: string;
  description: string;
  recurrence: ProductRecurrence;
  /** Empty: the company's default rate. */
  taxRate: string;
  costPrice: string;
  /** A price per tariff id; empty: that tariff's customers pay the default tariff's. */
  prices: Record<string, string>;
}

export const emptyProduct: ProductFormValues = {
  name: '',
  reference: '',
  category: '',
  accountingCode: '',
  description: '',
  recurrence: 'MONTHLY',
  taxRate: '',
  costPrice: '0',
  prices: {},
};

export function productToFormValues(p: ProductFieldsFragment): ProductFormValues {
  return {
    name: p.name,
    reference: p.reference,
    category: p.category ?? '',
    accountingCode: p.accountingCode ?? '',
    description: p.description ?? '',
    recurrence: p.recurrence,
    taxRate: p.taxRate ?? '',
    costPrice: p.costPrice,
    prices: Object.fromEntries((p.prices ?? []).map((pp) => [pp.tariff.id, pp.price])),
  };
}

/** The form's field names, a price field per tariff: `prices.<tariff id>`. */
export function productFormFields(tariffs: readonly Tariff[]): string[] {
  return [
    'name',
    'reference',
    'category',
    'accountingCode',
    'description',
    'recurrence',
    'taxRate',
    'costPrice',
    'prices',
    ...tariffs.map((t) => `prices.${t.id}`),
  ];
}

/** The prices sent, in the tariffs' order: only the tariffs given a price. */
function pricedTariffs(v: ProductFormValues, tariffs: readonly Tariff[]): Tariff[] {
  return tariffs.filter((t) => cleanAmount(v.prices[t.id] ?? '') !== '');
}

/**
 * Where the server's "prices.2.price" goes on the form: the third price sent
 * is the third tariff given one.
 */
export function productFieldMap(v: ProductFormValues, tariffs: readonly Tariff[]): Record<string, string> {
  const map: Record<string, string> = {};
  pricedTariffs(v, tariffs).forEach((t, i) => {
    map[`prices.${i}.price`] = `prices.${t.id}`;
    map[`prices.${i}.tariffID`] = `prices.${t.id}`;
  });
  return map;
}

export function toProductInput(v: ProductFormValues, tariffs: readonly Tariff[]): ProductInput {
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    name: v.name.trim(),
    reference: v.reference.trim(),
    category: text(v.category),
    accountingCode: text(v.accountingCode),
    description: text(v.description),
    recurrence: v.recurrence,
    taxRate: v.taxRate.trim() === '' ? undefined : cleanPercent(v.taxRate),
    costPrice: cleanAmount(v.costPrice) || '0',
    prices: pricedTariffs(v, tariffs).map((t) => ({ tariffID: t.id, price: cleanAmount(v.prices[t.id]) })),
  };
}

/** Field errors for the product form (Mantine `validate` shape); `places` is the deployment's invoice places. */
export function validateProduct(v: ProductFormValues, tariffs: readonly Tariff[], places: number): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.name.trim()) errors.name = 'Enter the product’s name, e.g. Line rental';
  if (!v.reference.trim()) errors.reference = 'Enter a reference, e.g. LR1';
  else if (v.reference.trim().length > 64) errors.reference = 'A reference is at most 64 characters';
  if (v.taxRate.trim() !== '') {
    const p = percentProblem(v.taxRate);
    if (p) errors.taxRate = p;
  }
  const cost = amountProblem(v.costPrice, places, 'The cost price');
  if (cost && cleanAmount(v.costPrice) !== '') errors.costPrice = cost;
  for (const t of tariffs) {
    const typed = v.prices[t.id] ?? '';
    if (cleanAmount(typed) === '') {
      if (t.isDefault) errors[`prices.${t.id}`] = `Set the price on ${t.name}: customers on tariffs without a price of their own pay it`;
      continue;
    }
    const p = amountProblem(typed, places, `The price on ${t.name}`);
    if (p) errors[`prices.${t.id}`] = p;
  }
  return errors;
}

export interface TariffPrice {
  tariff: Tariff;
  /** What its customers pay; null when neither it nor the default tariff has a price. */
  price: string | null;
  /** True when the tariff has no price of its own and its customers pay the default tariff's. */
  fromDefault: boolean;
}

/**
 * What a customer on each tariff pays for the product: the tariff's own
 * price, else the default tariff's — the server's rule, shown before saving.
 */
export function pricesByTariff(
  prices: readonly { price: string; tariff: { id: string } }[],
  tariffs: readonly Tariff[],
): TariffPrice[] {
  const own = new Map(prices.map((p) => [p.tariff.id, p.price]));
  const def = tariffs.find((t) => t.isDefault);
  const fallback = def ? (own.get(def.id) ?? null) : null;
  return tariffs.map((t) => {
    const p = own.get(t.id);
    return p !== undefined ? { tariff: t, price: p, fromDefault: false } : { tariff: t, price: fallback, fromDefault: true };
  });
}

/** The form's typed prices as `pricesByTariff` reads them. */
export function typedPrices(v: ProductFormValues): { price: string; tariff: { id: string } }[] {
  return Object.entries(v.prices)
    .filter(([, p]) => cleanAmount(p) !== '')
    .map(([id, p]) => ({ price: cleanAmount(p), tariff: { id } }));
}
