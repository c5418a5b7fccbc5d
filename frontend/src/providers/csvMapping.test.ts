import { describe, expect, it } from 'vitest';
import { emptyCsvMapping, formToMappingInput, mappingToForm, validateCsvMapping } from './csvMapping';

const twilio = {
  delimiter: ',',
  header: true,
  source: 'From',
  destination: 'To',
  account: null,
  chargeCode: null,
  start: 'StartTime',
  date: null,
  time: null,
  answer: null,
  duration: 'Duration',
  uniqueId: 'Sid',
  providerPrice: 'Price',
  negativePrices: true,
  layouts: ['rfc2822', 'rfc3339'],
  timeZone: 'UTC',
  durationUnit: 'seconds',
};

describe('the CSV column mapping form', () => {
  it('round-trips a preset', () => {
    expect(formToMappingInput(mappingToForm(twilio))).toEqual(twilio);
  });

  it('sends empty columns as absent, and only the start columns chosen', () => {
    const input = formToMappingInput({
      ...emptyCsvMapping,
      destination: ' To ',
      duration: 'Duration',
      startIn: 'two',
      start: 'ignored',
      date: 'Call Date',
      time: 'Call Time',
      layouts: ['DD/MM/YYYY HH:mm:ss', ' '],
    });
    expect(input).toMatchObject({
      source: null,
      destination: 'To',
      start: null,
      date: 'Call Date',
      time: 'Call Time',
      layouts: ['DD/MM/YYYY HH:mm:ss'],
      timeZone: null,
    });
  });

  it('reads separate date and time columns back as such', () => {
    expect(mappingToForm({ ...twilio, start: null, date: 'D', time: 'T' }).startIn).toBe('two');
  });

  it('asks for what every call needs', () => {
    expect(validateCsvMapping(emptyCsvMapping)).toEqual({
      destination: 'Which column holds the number called?',
      duration: 'Which column holds the duration?',
      start: 'Which column holds the date and time the call started?',
    });
    expect(validateCsvMapping({ ...emptyCsvMapping, destination: 'To', duration: 'D', start: 'S', layouts: [] })).toEqual({
      layouts: 'Give at least one date-time layout, e.g. YYYY-MM-DD HH:mm:ss',
    });
  });

  it('wants positions when the file has no header row', () => {
    const errors = validateCsvMapping({ ...emptyCsvMapping, header: false, destination: 'To', duration: '5', start: '3' });
    expect(errors).toEqual({ destination: 'Without a header row, give the column by position (1, 2, …)' });
  });
});
