import { describe, expect, it } from 'vitest';
import { serverFormErrors } from './serverErrors';

const refused = (...errors: { message?: string; extensions?: Record<string, unknown> }[]) => ({
  graphQLErrors: errors.map((e) => ({ message: e.message ?? '', extensions: e.extensions })),
});

describe('serverFormErrors', () => {
  it('puts an INVALID error on the field it names, mapped to the form’s name', () => {
    const error = refused({ message: 'choose a tariff', extensions: { code: 'INVALID', field: 'input.tariffID' } });
    expect(serverFormErrors(error, ['name', 'tariffId'], { fieldMap: { tariffID: 'tariffId' } })).toEqual({
      fieldErrors: { tariffId: 'choose a tariff' },
      formErrors: [],
    });
  });

  it('keeps an error on a field the form does not have for above the form', () => {
    const error = refused({ message: 'page too large', extensions: { code: 'INVALID', field: 'first' } });
    expect(serverFormErrors(error, ['name'])).toEqual({ fieldErrors: {}, formErrors: ['page too large'] });
  });

  it('puts each listed problem next to its field, the rest above the form', () => {
    const error = refused({
      message: 'the mapping has 3 problems',
      extensions: {
        code: 'INVALID',
        problems: [
          { field: 'start', reason: 'say which column holds the start' },
          { field: 'layouts', reason: 'give a layout' },
          { field: '', reason: 'the file has no column "Nope"' },
          { field: 'start', reason: 'a second word on start is not lost' },
        ],
      },
    });
    expect(serverFormErrors(error, ['start', 'layouts'])).toEqual({
      fieldErrors: { start: 'say which column holds the start', layouts: 'give a layout' },
      formErrors: ['the file has no column "Nope"', 'a second word on start is not lost'],
    });
  });

  it('lets the form place an error that names no field', () => {
    const error = refused({ message: '441134960000 belongs to Acme Ltd', extensions: { code: 'CONFLICT' } });
    const placed = serverFormErrors(error, ['value'], {
      place: (e) => (e.code === 'CONFLICT' && !e.field ? { ...e, field: 'value' } : e),
    });
    expect(placed.fieldErrors).toEqual({ value: '441134960000 belongs to Acme Ltd' });
  });

  it('says the network failed when nothing answered', () => {
    const { formErrors } = serverFormErrors({ networkError: new Error('offline'), graphQLErrors: [] }, ['name']);
    expect(formErrors).toEqual(['Tollgate could not reach the server. Check your connection and try again.']);
  });

  it('has nothing to say without an error', () => {
    expect(serverFormErrors(undefined, ['name'])).toEqual({ fieldErrors: {}, formErrors: [] });
  });
});
