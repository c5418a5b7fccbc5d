import type { CombinedError } from 'urql';

/** The codes the Tollgate API puts in `extensions.code`. */
export type ApiErrorCode =
  | 'INVALID'
  | 'CONFLICT'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'INTERNAL'
  | 'NETWORK';

export interface ApiError {
  code: ApiErrorCode | string;
  /** What the clerk reads: the server's message, never a stack trace. */
  message: string;
  /** Form field the error belongs to, already mapped to the form's name. */
  field?: string;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

interface CombinedErrorLike {
  networkError?: Error | null;
  graphQLErrors: readonly GraphQLErrorLike[];
}

const NETWORK_MESSAGE =
  'Tollgate could not reach the server. Check your connection and try again.';

/**
 * The server names the input field (`extensions.field`) by its GraphQL input
 * name, sometimes as a path (`input.deliveryEmail`). Forms use the same names
 * except where an ID field is shown as a picker, hence `fieldMap`.
 */
export function toFormField(
  field: string | undefined,
  fieldMap: Record<string, string> = {},
): string | undefined {
  if (!field) return undefined;
  const last = field.split('.').pop() ?? field;
  return fieldMap[field] ?? fieldMap[last] ?? last;
}

/** Turns an urql error into the list of errors a clerk should see. */
export function apiErrors(
  error: CombinedError | CombinedErrorLike | null | undefined,
  fieldMap: Record<string, string> = {},
): ApiError[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0) {
    if (error.networkError) return [{ code: 'NETWORK', message: NETWORK_MESSAGE }];
    return [{ code: 'INTERNAL', message: 'Something went wrong. Please try again.' }];
  }
  return error.graphQLErrors.map((e) => {
    const ext = e.extensions ?? {};
    const code = typeof ext.code === 'string' ? ext.code : 'INTERNAL';
    const field = typeof ext.field === 'string' ? ext.field : undefined;
    return {
      code,
      message: e.message.replace(/^\[GraphQL\]\s*/, ''),
      // INVALID names the field it refuses; a CONFLICT may name the one that clashes.
      field: toFormField(field, fieldMap),
    };
  });
}

/** One line for a notification or an alert. */
export function apiErrorMessage(error: CombinedError | CombinedErrorLike | null | undefined): string {
  return apiErrors(error)
    .map((e) => e.message)
    .join(' ');
}
