import type { CombinedError } from 'urql';

/** One bad line of a rejected file, as the API lists it in `extensions.problems`. */
export interface FileProblem {
  /** 1-based line of the file; 0 for the file as a whole. */
  line: number;
  column: string;
  value: string;
  reason: string;
}

interface ErrorLike {
  graphQLErrors: readonly { message: string; extensions?: Record<string, unknown> | null }[];
}

/**
 * The problems of a file the server refused (code INVALID with
 * `extensions.problems`), or null when the error is of another kind (network,
 * not found...), which the caller shows as a plain message.
 */
export function fileProblems(error: CombinedError | ErrorLike | null | undefined): FileProblem[] | null {
  if (!error) return null;
  for (const e of error.graphQLErrors) {
    const ext = e.extensions ?? {};
    if (ext.code !== 'INVALID' || !Array.isArray(ext.problems)) continue;
    return ext.problems.map((p: unknown) => {
      const r = (p ?? {}) as Record<string, unknown>;
      return {
        line: typeof r.line === 'number' ? r.line : Number(r.line) || 0,
        column: r.column == null ? '' : String(r.column),
        value: r.value == null ? '' : String(r.value),
        reason: r.reason == null ? '' : String(r.reason),
      };
    });
  }
  return null;
}

export function problemCount(n: number): string {
  return n === 1 ? '1 problem' : `${n} problems`;
}
