import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
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

// A whole dialog with a dropzone and a calendar takes seconds to drive on a busy machine.
const slow = { timeout: 30_000 };

/** Providers load empty; the upload is refused with two bad lines; `uncovered` answers what an effective-from leaves without a rate. */
function refusingClient(uncovered: unknown[] = []) {
  const asked: Record<string, unknown>[] = [];
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
        const isUncovered = op.query.definitions.some(
          (d) => d.kind === 'OperationDefinition' && d.name?.value === 'RateSheetUncoveredCalls',
        );
        if (isUncovered) asked.push(op.variables as Record<string, unknown>);
        return {
          operation: op,
          data: isUncovered
            ? { rateSheetUncoveredCalls: uncovered }
            : { providers: { __typename: 'ProviderConnection', edges: [] } },
          stale: false,
          hasNext: false,
        } as unknown as OperationResult;
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), uploads, asked };
}

describe('uploading a rate sheet', slow, () => {
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

// env="test": no transitions, so the calendar is there as soon as it opens.
function renderModal(client: Client, groups: ReturnType<typeof groupRateSheets>, onClose = () => {}) {
  const file = new File(['x'], 'rates.csv', { type: 'text/csv' });
  render(
    <MantineProvider env="test">
      <Provider value={client}>
        <WithSettings>
          <UploadRateSheetModal
            opened
            onClose={onClose}
            tariff={{ id: 't1', name: 'Standard' }}
            groups={groups}
            initialFile={file}
            onUploaded={() => {}}
          />
        </WithSettings>
      </Provider>
    </MantineProvider>,
  );
  return file;
}

// Issue 10, item 6: the effective-from a clerk wants, without traps.
describe('choosing when a rate sheet takes effect', slow, () => {
  it('a first version prices every call from the start unless told otherwise', async () => {
    const { client, uploads } = refusingClient();
    const file = renderModal(client, []);
    expect(screen.getByRole('radio', { name: /From the start/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(uploads[0]).toEqual({
      input: { tariffID: 't1', providerID: null, direction: 'OUTBOUND', units: 'MINOR', effectiveFrom: '2000-01-01T00:00:00Z', file },
    });
  });

  it('a later version offers no "from the start" and starts from now', () => {
    const { client } = refusingClient();
    renderModal(client, groupRateSheets([v1]));
    expect(screen.queryByRole('radio', { name: /From the start/ })).toBeNull();
    expect(screen.getByRole('radio', { name: 'Now' })).toBeChecked();
  });

  it('the start of this month is midnight in the deployment’s zone, whatever the browser’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-14T16:56:00Z'));
    try {
      const { client, uploads, asked } = refusingClient();
      renderModal(client, groupRateSheets([v1]));
      // 1 July 00:00 in London (BST) is 30 June 23:00 UTC; the browser here is in New York.
      await userEvent.click(screen.getByRole('radio', { name: 'Start of this month, 1 Jul 2026, 00:00 BST' }));
      expect(screen.getByRole('radio', { name: 'Start of last month, 1 Jun 2026, 00:00 BST' })).toBeInTheDocument();
      await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
      expect((uploads[0].input as { effectiveFrom: string }).effectiveFrom).toBe('2026-06-30T23:00:00Z');
      expect(asked.at(-1)).toMatchObject({ tariffID: 't1', effectiveFrom: '2026-06-30T23:00:00Z' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('a chosen date starts at 00:00, not at the clock time', async () => {
    const { client, uploads } = refusingClient();
    renderModal(client, groupRateSheets([v1]));
    await userEvent.click(screen.getByRole('radio', { name: /On a date/ }));
    // 00:00, in the 24-hour field's hour and minute.
    expect(screen.getByLabelText('Hour')).toHaveValue('00');
    expect(screen.getByLabelText('Minute')).toHaveValue('00');
    const date = screen.getByLabelText('Date');
    fireEvent.change(date, { target: { value: '2026-05-01' } });
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect((uploads[0].input as { effectiveFrom: string }).effectiveFrom).toBe('2026-04-30T23:00:00Z');
  });

  it('says which calls waiting to be processed the date leaves without a rate', async () => {
    const { client } = refusingClient([
      {
        upload: { id: 'u1', fileName: 'cdr-may.csv' },
        calls: 12,
        firstStart: '2026-05-01T08:00:00Z',
        lastStart: '2026-05-03T17:00:00Z',
      },
    ]);
    renderModal(client, groupRateSheets([v1]));
    expect(
      await screen.findByText(/12 calls of cdr-may.csv \(1–3 May 2026\) start\s+before this date and will have no rate\./),
    ).toBeInTheDocument();
  });
});

// Issue 10, item 7: Esc on the open calendar closes the calendar, not the dialog with the chosen file.
describe('Esc in the rate sheet dialog', slow, () => {
  it('closes the open calendar first, and only then the dialog', async () => {
    const { client } = refusingClient();
    const onClose = vi.fn();
    renderModal(client, groupRateSheets([v1]), onClose);
    // The dialog moves the focus into itself as it opens: wait for that, or it could take it from the date later.
    await waitFor(() => expect(screen.getByRole('dialog')).toContainElement(document.activeElement as HTMLElement));
    await userEvent.click(screen.getByRole('radio', { name: /On a date/ }));
    await userEvent.click(screen.getByLabelText('Date'));
    expect(await screen.findByRole('table')).toBeInTheDocument(); // the calendar's month
    await userEvent.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByText('rates.csv')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
