import { act, renderHook } from '@testing-library/react';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { useServerErrors } from './useServerErrors';

describe('useServerErrors', () => {
  it('puts a refusal on the form’s fields and the rest above it, and says the save failed', async () => {
    const form = { setErrors: vi.fn() };
    const { result } = renderHook(() => useServerErrors(form, ['name']));
    const refusal = new CombinedError({
      graphQLErrors: [
        { message: 'name is required', extensions: { code: 'INVALID', field: 'input.name' } },
        { message: 'reference ACME01 is already used by Acme Ltd', extensions: { code: 'CONFLICT', field: 'reference' } },
      ],
    });
    let saved = true;
    await act(async () => {
      saved = await result.current.save(async () => refusal);
    });
    expect(saved).toBe(false);
    expect(form.setErrors).toHaveBeenLastCalledWith({ name: 'name is required' });
    expect(result.current.formErrors).toEqual(['reference ACME01 is already used by Acme Ltd']);
    expect(result.current.saving).toBe(false);
  });

  it('forgets the last refusal when a save succeeds', async () => {
    const form = { setErrors: vi.fn() };
    const { result } = renderHook(() => useServerErrors(form, []));
    await act(async () => {
      await result.current.save(async () => new CombinedError({ graphQLErrors: [{ message: 'no' }] }));
    });
    expect(result.current.formErrors).toEqual(['no']);
    let saved = false;
    await act(async () => {
      saved = await result.current.save(async () => undefined);
    });
    expect(saved).toBe(true);
    expect(result.current.formErrors).toEqual([]);
  });
});
