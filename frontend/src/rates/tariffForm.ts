import type { CreateTariffInput, TariffBandMode, TariffFieldsFragment, UpdateTariffInput } from '../gql/graphql';

export interface TariffFormValues {
  name: string;
  isDefault: boolean;
  bandMode: TariffBandMode;
  description: string;
}

export const tariffFormFields: readonly (keyof TariffFormValues)[] = ['name', 'isDefault', 'bandMode', 'description'];

export const emptyTariff: TariffFormValues = { name: '', isDefault: false, bandMode: 'START', description: '' };

export const BAND_MODE_LABELS: Record<TariffBandMode, string> = {
  START: 'Band at the start',
  SPLIT: 'Split across bands',
};

/** One line each, in billing words: what the clerk's choice does to a price. */
export const BAND_MODE_HELP: Record<TariffBandMode, string> = {
  START: 'The whole call is priced at the band in force when it starts (a call starting 17:59 is all peak).',
  SPLIT: 'Each second is priced at the band in force at that moment (a call over 18:00 is part peak, part off-peak).',
};

export function tariffToFormValues(t: TariffFieldsFragment): TariffFormValues {
  return { name: t.name, isDefault: t.isDefault, bandMode: t.bandMode, description: t.description ?? '' };
}

export function validateTariff(v: TariffFormValues): Partial<Record<keyof TariffFormValues, string>> {
  const errors: Partial<Record<keyof TariffFormValues, string>> = {};
  const name = v.name.trim();
  if (!name) errors.name = 'Give the tariff a name, e.g. Standard 2026';
  else if (name.length > 100) errors.name = 'At most 100 characters';
  if (v.description.length > 1000) errors.description = 'At most 1000 characters';
  return errors;
}

export function toCreateTariffInput(v: TariffFormValues): CreateTariffInput {
  const description = v.description.trim();
  return { name: v.name.trim(), isDefault: v.isDefault, bandMode: v.bandMode, description: description || undefined };
}

export function toUpdateTariffInput(v: TariffFormValues): UpdateTariffInput {
  const description = v.description.trim();
  return {
    name: v.name.trim(),
    isDefault: v.isDefault,
    bandMode: v.bandMode,
    ...(description ? { description } : { clearDescription: true }),
  };
}
