import { describe, expect, it } from 'vitest';
import { emptyCustomer, toCreateCustomerInput, toUpdateCustomerInput, validateCustomer } from './customerForm';

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
