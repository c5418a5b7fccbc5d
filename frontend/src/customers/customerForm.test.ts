import { describe, expect, it } from 'vitest';
import {
  cliFieldMap,
  cliLines,
  emptyCustomer,
  toCreateClis,
  toCreateCustomerInput,
  toUpdateCustomerInput,
  validateCliLines,
  validateCustomer,
} from './customerForm';

const acme = { ...emptyCustomer, reference: 'ACME01', name: 'Acme Ltd', deliveryEmail: 'accounts@acme.test' };

describe('validateCustomer', () => {
  it('accepts a directly billed customer with an email address', () => {
    expect(validateCustomer(acme)).toEqual({});
  });

  it('needs a reference and a name', () => {
    expect(validateCustomer({ ...acme, reference: ' ', name: '' })).toMatchObject({
      reference: expect.any(String),
      name: expect.any(String),
    });
  });

  it('parent billing needs a parent, and not the customer itself', () => {
    expect(validateCustomer({ ...acme, billingType: 'PARENT' }).parentId).toBeTruthy();
    expect(validateCustomer({ ...acme, billingType: 'PARENT', parentId: 'c1' }, 'c1').parentId).toMatch(/own parent/);
    expect(validateCustomer({ ...acme, billingType: 'PARENT', parentId: 'c2' }, 'c1')).toEqual({});
  });

  it('email delivery needs an address; no delivery does not', () => {
    expect(validateCustomer({ ...acme, deliveryEmail: '' }).deliveryEmail).toBeTruthy();
    expect(validateCustomer({ ...acme, deliveryEmail: 'acme.test' }).deliveryEmail).toMatch(/email address/);
    expect(validateCustomer({ ...acme, invoiceDelivery: 'NONE', deliveryEmail: '' })).toEqual({});
  });
});

describe('toCreateCustomerInput', () => {
  it('drops the parent of a directly billed customer and empty text', () => {
    const input = toCreateCustomerInput({ ...acme, parentId: 'c9', paymentTerms: '  ' });
    expect(input.parentID).toBeUndefined();
    expect(input.paymentTerms).toBeUndefined();
    expect(input.reference).toBe('ACME01');
  });
});

describe('toUpdateCustomerInput', () => {
  it('clears optional fields the clerk emptied, since absent fields are left unchanged', () => {
    const input = toUpdateCustomerInput({ ...acme, invoiceDelivery: 'NONE' });
    expect(input).toMatchObject({
      clearDeliveryEmail: true,
      clearPaymentTerms: true,
      clearPostalAddress: true,
      clearParent: true,
      clearTariff: true,
    });
    expect(input).not.toHaveProperty('deliveryEmail');
  });

  it('sets what is filled in', () => {
    const input = toUpdateCustomerInput({
      ...acme,
      billingType: 'PARENT',
      parentId: 'c2',
      tariffId: 't1',
      paymentTerms: '30 days',
    });
    expect(input).toMatchObject({ parentID: 'c2', tariffID: 't1', paymentTerms: '30 days', deliveryEmail: 'accounts@acme.test' });
    expect(input).not.toHaveProperty('clearParent');
    expect(input).not.toHaveProperty('clearTariff');
  });
});

describe('a new customer’s CLIs', () => {
  it('are typed one a line, blank lines and spaces around them left out', () => {
    expect(cliLines('0113 496 0001\n\n  0113 496 0002* \nTRUNK_7, 07700 900123')).toEqual([
      '0113 496 0001',
      '0113 496 0002*',
      'TRUNK_7',
      '07700 900123',
    ]);
    expect(toCreateClis({ ...acme, clis: '0113 496 0001\n' })).toEqual([{ value: '0113 496 0001' }]);
    expect(toCreateClis(acme)).toEqual([]);
  });

  it('are checked before saving, each fault naming its CLI', () => {
    expect(validateCustomer({ ...acme, clis: '0113 496 0001\n0113 496*' })).toEqual({});
    expect(validateCustomer({ ...acme, clis: '0113 496 0001\nTRUNK*' }).clis).toBe(
      'TRUNK*: Only a number can be a range: digits followed by a single * at the end',
    );
    expect(validateCliLines('0113 496 0001\n0113-496-0001')).toBe('0113-496-0001 is typed twice (lines 1 and 2)');
  });

  it('take the server’s refusal of the Nth CLI on the CLIs field', () => {
    expect(cliFieldMap('0113 496 0001\n\n07700 900123')).toEqual({ 'clis.0.value': 'clis', 'clis.1.value': 'clis' });
  });
});
