import { useState } from 'react';
import type { CombinedError } from 'urql';
import { serverFormErrors, type ServerErrorOptions } from './serverErrors';

/** The part of a Mantine form this needs. */
interface FormLike {
  setErrors: (errors: Record<string, string>) => void;
}

/**
 * A form's server errors: `show` puts a refused mutation's messages on the
 * form's fields and keeps the rest in `formErrors`, for an alert above it.
 * `save` runs one attempt to save, `saving` while it runs.
 */
export function useServerErrors(form: FormLike, formFields: readonly string[], opts: ServerErrorOptions = {}) {
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const show = (error: CombinedError | null | undefined) => {
    const { fieldErrors, formErrors } = serverFormErrors(error, formFields, opts);
    form.setErrors(fieldErrors);
    setFormErrors(formErrors);
    return { fieldErrors, formErrors };
  };
  const clear = () => setFormErrors([]);
  /** Clears the last refusal, saves, and shows this refusal where it belongs; true when saved. */
  const save = async (attempt: () => Promise<CombinedError | null | undefined>): Promise<boolean> => {
    clear();
    setSaving(true);
    try {
      const error = await attempt();
      if (error) show(error);
      return !error;
    } finally {
      setSaving(false);
    }
  };
  return { formErrors, show, clear, save, saving };
}
