import { describe, expect, it } from 'vitest';
import { fileProblems, problemCount } from './problems';

describe('fileProblems', () => {
  it('reads every bad line of an INVALID error', () => {
    const error = {
      graphQLErrors: [
        {
          message: 'the rate sheet has 2 problems; nothing was changed',
          extensions: {
            code: 'INVALID',
            problems: [
              { line: 3, column: 'Peak Rate', value: '-1', reason: 'negative money' },
              { line: 4, column: 'Offpeak Rate', value: 'abc', reason: 'not a number' },
            ],
          },
        },
      ],
    };
    expect(fileProblems(error)).toEqual([
      { line: 3, column: 'Peak Rate', value: '-1', reason: 'negative money' },
      { line: 4, column: 'Offpeak Rate', value: 'abc', reason: 'not a number' },
    ]);
  });

  it('is null for errors that are not a file report', () => {
    expect(fileProblems(undefined)).toBeNull();
    expect(fileProblems({ graphQLErrors: [{ message: 'no such tariff', extensions: { code: 'NOT_FOUND' } }] })).toBeNull();
    expect(fileProblems({ graphQLErrors: [{ message: 'bad', extensions: { code: 'INVALID', field: 'file' } }] })).toBeNull();
  });

  it('tolerates missing fields', () => {
    expect(fileProblems({ graphQLErrors: [{ message: 'x', extensions: { code: 'INVALID', problems: [{ reason: 'empty sheet' }] } }] })).toEqual([
      { line: 0, column: '', value: '', reason: 'empty sheet' },
    ]);
  });

  it('counts in words', () => {
    expect(problemCount(1)).toBe('1 problem');
    expect(problemCount(2)).toBe('2 problems');
  });
});
