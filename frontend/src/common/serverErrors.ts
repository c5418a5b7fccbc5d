import type { CombinedError } from 'urql';
import { apiErrorMessage, apiErrors, toFormField, type ApiError } from '../graphql/errors';

interface ErrorLike {
  networkError?: Error | null;
  graphQLErrors: readonly { message: string; extensions?: Record<string, unknown> | null }[];
}

export interface ServerFormErrors {
  /** Messages for the fields the form has, by form field name. */
  fieldErrors: Record<string, string>;
  /** Everything else, shown above the form. */
  formErrors: string[];
}

export interface ServerErrorOptions {
  /** Server input names the form calls differently (an ID field shown as a picker). */
  fieldMap?: Record<string, string>;
  /** A last word on where one error goes, e.g. a CONFLICT that names no field belongs to the number. */
  place?: (e: ApiError) => ApiError;
}

/**
 * Where each message of a refused mutation goes: `extensions.field` puts it
 * next to the field it names; `extensions.problems` (every problem of a
 * refused input, each with its field and reason) puts each problem next to
 * its field. What names no field of the form goes above it, and a refusal
 * that says nothing at all still says something.
 */
export function serverFormErrors(
  error: CombinedError | ErrorLike | null | undefined,
  formFields: readonly string[],
  { fieldMap = {}, place = (e) => e }: ServerErrorOptions = {},
): ServerFormErrors {
  const fieldErrors: Record<string, string> = {};
  const formErrors: string[] = [];
  const put = (field: string | undefined, message: string) => {
    if (field && formFields.includes(field) && !(field in fieldErrors)) {
      fieldErrors[field] = message;
    } else if (message) {
      // A field shows one message; a second one is not lost.
      formErrors.push(message);
    }
  };
  const errors = apiErrors(error, fieldMap).map(place);
  errors.forEach((e, i) => {
    const problems = error?.graphQLErrors[i]?.extensions?.problems;
    if (!Array.isArray(problems) || problems.length === 0) {
      put(e.field, e.message);
      return;
    }
    for (const p of problems as { field?: unknown; reason?: unknown }[]) {
      const field = typeof p.field === 'string' ? toFormField(p.field, fieldMap) : undefined;
      put(field, String(p.reason ?? ''));
    }
  });
  if (error && formErrors.length === 0 && Object.keys(fieldErrors).length === 0) {
    formErrors.push(apiErrorMessage(error) || 'Tollgate could not save this. Please try again.');
  }
  return { fieldErrors, formErrors };
}
