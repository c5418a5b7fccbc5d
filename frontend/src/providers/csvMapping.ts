import type { CsvMappingFieldsFragment, CsvMappingInput } from '../gql/graphql';

/**
 * The column mapping of a csv-format provider (docs/cdr-formats.md, "csv"), as a
 * form: every column is a header name or a 1-based position, typed as text;
 * empty means "not in the file".
 */
export interface CsvMappingFormValues {
  delimiter: string;
  header: boolean;
  source: string;
  destination: string;
  account: string;
  chargeCode: string;
  /** One column with date and time, or separate date and time columns. */
  startIn: 'one' | 'two';
  start: string;
  date: string;
  time: string;
  answer: string;
  duration: string;
  durationUnit: string;
  uniqueId: string;
  providerPrice: string;
  negativePrices: boolean;
  layouts: string[];
  /** Empty: the provider's time zone. */
  timeZone: string;
}

export const csvMappingFields: readonly (keyof CsvMappingFormValues)[] = [
  'delimiter',
  'header',
  'source',
  'destination',
  'account',
  'chargeCode',
  'start',
  'date',
  'time',
  'answer',
  'duration',
  'durationUnit',
  'uniqueId',
  'providerPrice',
  'negativePrices',
  'layouts',
  'timeZone',
];

export const emptyCsvMapping: CsvMappingFormValues = {
  delimiter: ',',
  header: true,
  source: '',
  destination: '',
  account: '',
  chargeCode: '',
  startIn: 'one',
  start: '',
  date: '',
  time: '',
  answer: '',
  duration: '',
  durationUnit: 'seconds',
  uniqueId: '',
  providerPrice: '',
  negativePrices: false,
  layouts: ['YYYY-MM-DD HH:mm:ss'],
  timeZone: '',
};

export const DELIMITERS = [
  { value: ',', label: 'Comma ,' },
  { value: ';', label: 'Semicolon ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe |' },
];

export const DURATION_UNITS = [
  { value: 'seconds', label: 'Seconds (61)' },
  { value: 'minutes', label: 'Minutes (1.02)' },
  { value: 'hms', label: 'HH:MM:SS (00:01:01)' },
  { value: 'milliseconds', label: 'Milliseconds (61000)' },
];

/** Layouts the API understands, offered as suggestions; others can be typed. */
export const LAYOUT_SUGGESTIONS = [
  'YYYY-MM-DD HH:mm:ss',
  'DD/MM/YYYY HH:mm:ss',
  'DD/MM/YYYY HH:mm',
  'MM/DD/YYYY HH:mm:ss',
  'rfc3339',
  'rfc2822',
  'unix',
];

export function mappingToForm(m: CsvMappingFieldsFragment | null | undefined): CsvMappingFormValues {
  if (!m) return emptyCsvMapping;
  const twoColumns = !m.start && (!!m.date || !!m.time);
  return {
    delimiter: m.delimiter || ',',
    header: m.header,
    source: m.source ?? '',
    destination: m.destination,
    account: m.account ?? '',
    chargeCode: m.chargeCode ?? '',
    startIn: twoColumns ? 'two' : 'one',
    start: m.start ?? '',
    date: m.date ?? '',
    time: m.time ?? '',
    answer: m.answer ?? '',
    duration: m.duration,
    durationUnit: m.durationUnit || 'seconds',
    uniqueId: m.uniqueId ?? '',
    providerPrice: m.providerPrice ?? '',
    negativePrices: m.negativePrices,
    layouts: [...m.layouts],
    timeZone: m.timeZone ?? '',
  };
}

const optional = (s: string) => (s.trim() ? s.trim() : null);

export function formToMappingInput(v: CsvMappingFormValues): CsvMappingInput {
  const one = v.startIn === 'one';
  return {
    delimiter: v.delimiter,
    header: v.header,
    source: optional(v.source),
    destination: v.destination.trim(),
    account: optional(v.account),
    chargeCode: optional(v.chargeCode),
    start: one ? optional(v.start) : null,
    date: one ? null : optional(v.date),
    time: one ? null : optional(v.time),
    answer: optional(v.answer),
    duration: v.duration.trim(),
    durationUnit: v.durationUnit,
    uniqueId: optional(v.uniqueId),
    providerPrice: optional(v.providerPrice),
    negativePrices: v.negativePrices,
    layouts: v.layouts.map((l) => l.trim()).filter(Boolean),
    timeZone: optional(v.timeZone),
  };
}

/** What the form can tell before asking the server; the server checks the rest. */
export function validateCsvMapping(v: CsvMappingFormValues): Partial<Record<keyof CsvMappingFormValues, string>> {
  const errors: Partial<Record<keyof CsvMappingFormValues, string>> = {};
  if (!v.destination.trim()) errors.destination = 'Which column holds the number called?';
  if (!v.duration.trim()) errors.duration = 'Which column holds the duration?';
  if (v.startIn === 'one' && !v.start.trim()) errors.start = 'Which column holds the date and time the call started?';
  if (v.startIn === 'two') {
    if (!v.date.trim()) errors.date = 'Which column holds the date?';
    if (!v.time.trim()) errors.time = 'Which column holds the time?';
  }
  if (v.layouts.every((l) => !l.trim())) errors.layouts = 'Give at least one date-time layout, e.g. YYYY-MM-DD HH:mm:ss';
  if (!v.header) {
    for (const key of ['source', 'destination', 'account', 'chargeCode', 'start', 'date', 'time', 'answer', 'duration', 'uniqueId', 'providerPrice'] as const) {
      const col = v[key].trim();
      if (col && !/^\d+$/.test(col)) errors[key] = 'Without a header row, give the column by position (1, 2, …)';
    }
  }
  return errors;
}
