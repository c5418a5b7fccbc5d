import { describe, expect, it } from 'vitest';
import { emptyTariff, toCreateTariffInput, toUpdateTariffInput, validateTariff } from './tariffForm';

describe('tariff form', () => {
  it('needs a name', () => {
    expect(validateTariff({ ...emptyTariff, name: '  ' }).name).toMatch(/name/);
    expect(validateTariff({ ...emptyTariff, name: 'Standard' })).toEqual({});
  });

  it('creates without an empty description', () => {
    expect(toCreateTariffInput({ name: ' Standard ', isDefault: true, bandMode: 'SPLIT', description: ' ' })).toEqual({
      name: 'Standard',
      isDefault: true,
      bandMode: 'SPLIT',
      description: undefined,
    });
  });

  it('an emptied description is cleared on update', () => {
    expect(toUpdateTariffInput({ ...emptyTariff, name: 'A' })).toEqual({
      name: 'A',
      isDefault: false,
      bandMode: 'START',
      clearDescription: true,
    });
    expect(toUpdateTariffInput({ ...emptyTariff, name: 'A', description: 'Resellers' }).description).toBe('Resellers');
  });
});
