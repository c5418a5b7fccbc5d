import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, CombinedError, Provider, type Exchange, type OperationResult } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { map, pipe } from 'wonka';
import type { RateSheetVersionFragment } from '../gql/graphql';
import { WithSettings } from '../test/settings';
import { groupRateSheets } from './sheets';
import { UploadRateSheetModal } from './UploadRateSheetModal';

const v1: RateSheetVersionFragment = {
  id: 's1',
  direction: 'OUTBOUND',
  version: 1,
  effectiveFrom: '2026-01-01T00:00:00Z',
  effectiveUntil: null,
  inForce: true,
  rowCount: 18,
  fileName: 'uk-sample.csv',
  units: 'MINOR',
  createdAt: '2026-01-01T00:00:00Z',
  downloadURL: '/rate-sheets/s1.csv',
  provider: null,
};

/** Providers load empty; the upload is refused with two bad lines. */
function refusingClient() {
  const uploads: Record<string, unknown>[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      map((op) => {
        if (op.kind === 'mutation') {
          uploads.push(op.variables as Record<string, unknown>);
          return {
            operation: op,
            data: undefined,
            error: new CombinedError({
              graphQLErrors: [
                {
                  message: 'the rate sheet has 2 problems; nothing was changed',
                  extensions: {
                    code: 'INVALID',
                    problems: [
                      { line: 3, column: 'Peak Rate', value: '-1.2', reason: 'is negative' },
                      { line: 4, column: 'Peak Rate', value: 'abc', reason: 'is not a number' },
                    ],
                  },
                },
              ],
            }),
            stale: false,
            hasNext: false,
          } as OperationResult;
        }
        return {
          operation: op,
          data: { providers: { __typename: 'ProviderConnection', edges: [] } },
          stale: false,
          hasNext: false,
        } as unknown as OperationResult;
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), uploads };
}

describe('uploading a rate sheet', () => {
  it('lists every bad line and says the version in force stays', async () => {
    const { client, uploads } = refusingClient();
    const onUploaded = vi.fn();
    const file = new File(['x'], 'bad.csv', { type: 'text/csv' });
    render(
      <MantineProvider>
        <Provider value={client}>
          <WithSettings>
            <UploadRateSheetModal
              opened
              onClose={() => {}}
              tariff={{ id: 't1', name: 'Standard' }}
              groups={groupRateSheets([v1])}
              initialFile={file}
              onUploaded={onUploaded}
            />
          </WithSettings>
        </Provider>
      </MantineProvider>,
    );

    expect(screen.getByText('Becomes version 2 of Any provider · Outbound')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    expect(await screen.findByText(/rejected: 2 problems\. Nothing was changed/)).toBeInTheDocument();
    expect(screen.getByText(/Version 1 stays in force for Any provider · Outbound/)).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Problems' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'LineColumnValueReason',
      '3Peak Rate-1.2is negative',
      '4Peak Rateabcis not a number',
    ]);
    expect(onUploaded).not.toHaveBeenCalled();
    // Any provider is no provider; money in pence by default; the file rides along.
    expect(uploads[0]).toEqual({
      input: { tariffID: 't1', providerID: null, direction: 'OUTBOUND', units: 'MINOR', effectiveFrom: undefined, file },
    });
  });

  it('asks for a file before sending anything', async () => {
    const { client, uploads } = refusingClient();
    render(
      <MantineProvider>
        <Provider value={client}>
          <WithSettings>
            <UploadRateSheetModal
              opened
              onClose={() => {}}
              tariff={{ id: 't1', name: 'Standard' }}
              groups={[]}
              onUploaded={() => {}}
            />
          </WithSettings>
        </Provider>
      </MantineProvider>,
    );
    expect(screen.getByText('Becomes version 1 of Any provider · Outbound')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(await screen.findByText('Choose the rate sheet CSV to upload')).toBeInTheDocument();
    expect(uploads).toEqual([]);
  });
});
