import { describe, expect, it } from 'vitest';
import { toFormValues, toUpdateSettingsInput, validateSettings } from './settingsForm';

const stored = {
  name: 'Northern Voice Ltd',
  address: '1 Park Row\nLeeds',
  vatNumber: 'GB123456789',
  defaultTaxRate: '20',
  paymentTermsDays: 30,
  emailSenderName: '',
  emailSenderAddress: 'billing@northernvoice.example',
  invoiceEmailSubject: 'Invoice {{invoice_number}}',
  invoiceEmailBody: 'Dear {{recipient}}',
};

describe('settings form', () => {
  it('sends what was loaded back unchanged', () => {
    const { name, ...rest } = stored;
    expect(toUpdateSettingsInput(toFormValues(stored))).toEqual({ companyName: name, ...rest });
  });

  it('reads "17.5 %" as the percentage and a typed number of days as a number', () => {
    const input = toUpdateSettingsInput({ ...toFormValues(stored), defaultTaxRate: ' 17.5 % ', paymentTermsDays: '14' });
    expect(input.defaultTaxRate).toBe('17.5');
    expect(input.paymentTermsDays).toBe(14);
  });

  it('leaves ranges to the server but refuses what is not a number', () => {
    expect(validateSettings({ ...toFormValues(stored), defaultTaxRate: '-5', paymentTermsDays: 400 })).toEqual({});
    expect(Object.keys(validateSettings({ ...toFormValues(stored), defaultTaxRate: 'twenty', paymentTermsDays: '' }))).toEqual([
      'defaultTaxRate',
      'paymentTermsDays',
    ]);
  });
});
