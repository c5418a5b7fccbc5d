import { describe, expect, it } from 'vitest';
import { apiErrorMessage, apiErrors, toFormField } from './errors';

const gqlError = (message: string, extensions?: Record<string, unknown>) => ({
  networkError: undefined,
  graphQLErrors: [{ message, extensions }],
});

describe('apiErrors', () => {
  it.each([
    {
      rule: 'INVALID with a field names the form field',
      error: gqlError('value: not a phone number', { code: 'INVALID', field: 'value' }),
      want: { code: 'INVALID', message: 'value: not a phone number', field: 'value' },
    },
    {
      rule: 'a field given as an input path uses its last segment',
      error: gqlError('enter an email address', { code: 'INVALID', field: 'input.deliveryEmail' }),
      want: { code: 'INVALID', message: 'enter an email address', field: 'deliveryEmail' },
    },
    {
      rule: 'ID fields are mapped to the picker that holds them',
      error: gqlError('no such tariff', { code: 'INVALID', field: 'tariffID' }),
      map: { tariffID: 'tariffId' },
      want: { code: 'INVALID', message: 'no such tariff', field: 'tariffId' },
    },
    {
      rule: 'a CONFLICT that names a field belongs to it too',
      error: gqlError('reference ACME01 is taken', { code: 'CONFLICT', field: 'reference' }),
      want: { code: 'CONFLICT', message: 'reference ACME01 is taken', field: 'reference' },
    },
    {
      rule: 'an error without a code is INTERNAL',
      error: gqlError('boom'),
      want: { code: 'INTERNAL', message: 'boom', field: undefined },
    },
    {
      rule: "urql's [GraphQL] prefix is not shown to the clerk",
      error: gqlError('[GraphQL] customer not found', { code: 'NOT_FOUND' }),
      want: { code: 'NOT_FOUND', message: 'customer not found', field: undefined },
    },
  ])('$rule', ({ error, map, want }) => {
    expect(apiErrors(error, map)).toEqual([want]);
  });

  it('a network failure says the server could not be reached', () => {
    const [e] = apiErrors({ networkError: new Error('Failed to fetch'), graphQLErrors: [] });
    expect(e.code).toBe('NETWORK');
    expect(e.message).toMatch(/could not reach the server/);
  });

  it('no error gives no messages', () => {
    expect(apiErrors(undefined)).toEqual([]);
    expect(apiErrorMessage(null)).toBe('');
  });
});

describe('toFormField', () => {
  it('prefers a mapping of the full path over the last segment', () => {
    expect(toFormField('input.parentID', { 'input.parentID': 'parent', parentID: 'parentId' })).toBe('parent');
    expect(toFormField('input.parentID', { parentID: 'parentId' })).toBe('parentId');
    expect(toFormField(undefined)).toBeUndefined();
  });
});
