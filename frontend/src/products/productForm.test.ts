import { describe, expect, it } from 'vitest';
import { emptyProduct, pricesByTariff, productFieldMap, toProductInput, validateProduct } from './productForm';

const tariffs = [
  { id: 't1', name: 'Business', isDefault: false },
  { id: 't2', name: 'Standard', isDefault: true },
  { id: 't3', name: 'Wholesale', isDefault: false },
];

describe('pricesByTariff', () => {
  it('a tariff without a price of its own pays the default tariff’s', () => {
    expect(pricesByTariff([{ price: '12.50', tariff: { id: 't2' } }, { price: '9.99', tariff: { id: 't1' } }], tariffs)).toEqual([
      { tariff: tariffs[0], price: '9.99', fromDefault: false },
      { tariff: tariffs[1], price: '12.50', fromDefault: false },
      { tariff: tariffs[2], price: '12.50', fromDefault: true },
    ]);
  });

  it('with no default price there is nothing to fall back to', () => {
    expect(pricesByTariff([], tariffs)[0]).toEqual({ tariff: tariffs[0], price: null, fromDefault: true });
  });
});

describe('the product form', () => {
  const rental = { ...emptyProduct, name: 'Line rental', reference: 'LR1', prices: { t2: '12.50', t1: ' ', t3: '£9.99' } };

  it('needs the default tariff’s price and checks every amount', () => {
    expect(validateProduct(rental, tariffs, 2)).toEqual({});
    expect(validateProduct({ ...rental, prices: { t1: '5' } }, tariffs, 2)['prices.t2']).toMatch(/Standard/);
    expect(validateProduct({ ...rental, prices: { t2: '-1' } }, tariffs, 2)['prices.t2']).toMatch(/negative/);
    expect(validateProduct({ ...rental, costPrice: '1.234' }, tariffs, 2).costPrice).toMatch(/2 decimal places/);
    expect(validateProduct({ ...rental, taxRate: '120' }, tariffs, 2).taxRate).toMatch(/100/);
    expect(validateProduct({ ...rental, taxRate: '' }, tariffs, 2).taxRate).toBeUndefined();
  });

  it('sends only the tariffs given a price, and maps the server’s price errors back onto them', () => {
    const input = toProductInput({ ...rental, taxRate: '5%' }, tariffs);
    expect(input.prices).toEqual([
      { tariffID: 't2', price: '12.50' },
      { tariffID: 't3', price: '9.99' },
    ]);
    expect(input.taxRate).toBe('5');
    expect(toProductInput(rental, tariffs).taxRate).toBeUndefined();
    expect(productFieldMap(rental, tariffs)['prices.1.price']).toBe('prices.t3');
  });
});
