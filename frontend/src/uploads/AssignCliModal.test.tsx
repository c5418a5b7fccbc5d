import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, Provider, type Exchange, type OperationResult } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { map, pipe } from 'wonka';
import { WithSettings } from '../test/settings';
import { AssignCliModal } from './AssignCliModal';

const group = { source: '441134960002', sourceDisplay: '0113 496 0002', account: null, calls: 3, value: '1.2345', unvalued: 0 };
// The first of these calls: 09:30 on 2 June in London (BST).
const FIRST_CALL = '2026-06-02T08:30:00Z';

/** Answers the first call, one customer for the picker, and records each CLI it is asked to add. */
function client() {
  const added: Record<string, unknown>[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      map((op) => {
        const name = op.query.definitions.find((d) => d.kind === 'OperationDefinition')?.name?.value;
        let data: unknown;
        if (name === 'AssignCli') {
          const input = (op.variables as { input: Record<string, unknown> }).input;
          added.push(input);
          data = {
            createCli: {
              id: 'l1',
              value: input.value,
              // The server answers the number as the clerk writes it.
              display: '0113 496 0002',
              validFrom: input.validFrom ?? '2000-01-01T00:00:00Z',
              customer: { id: 'c1', name: 'Accounts Ltd', reference: 'ACCTS' },
            },
          };
        } else if (name === 'EarliestUnmatchedCall') {
          data = { calls: { totalCount: 3, edges: [{ node: { id: 'k1', start: FIRST_CALL } }] } };
        } else {
          data = { customers: { edges: [{ node: { id: 'c1', name: 'Accounts Ltd', reference: 'ACCTS' } }] } };
        }
        return { operation: op, data, stale: false, hasNext: false } as unknown as OperationResult;
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), added };
}

async function openAndChooseCustomer(onAssigned = vi.fn()) {
  const c = client();
  render(
    <MantineProvider env="test">
      <Provider value={c.client}>
        <WithSettings>
          <AssignCliModal uploadId="u1" group={group} onClose={() => {}} onAssigned={onAssigned} />
        </WithSettings>
      </Provider>
    </MantineProvider>,
  );
  await userEvent.click(screen.getByRole('combobox', { name: /Customer/ }));
  await userEvent.click(await screen.findByRole('option', { name: 'Accounts Ltd (ACCTS)' }));
  return c;
}

// Issue 10, item 9: valid-from is the first call's time, always, or a chosen day.
describe('assigning an unmatched CLI', { timeout: 30_000 }, () => {
  it('offers the first call’s time in the deployment’s zone, and uses it by default', async () => {
    const onAssigned = vi.fn();
    const { added } = await openAndChooseCustomer(onAssigned);
    expect(await screen.findByText('The first of these calls, 2 Jun 2026, 09:30 BST')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Assign CLI' }));
    expect(added).toEqual([{ customerID: 'c1', value: '441134960002', validFrom: FIRST_CALL }]);
    expect(onAssigned).toHaveBeenCalledWith({ display: '0113 496 0002', customer: { id: 'c1', name: 'Accounts Ltd', reference: 'ACCTS' } });
  });

  it('"Always" adds the CLI with no start date', async () => {
    const { added } = await openAndChooseCustomer();
    await userEvent.click(await screen.findByText('Always'));
    expect(screen.getByText(/added valid always, with no start or end date/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Assign CLI' }));
    expect(added).toEqual([{ customerID: 'c1', value: '441134960002' }]);
  });

  it('a chosen date is valid from 00:00 that day in the deployment’s zone', async () => {
    const { added } = await openAndChooseCustomer();
    await userEvent.click(await screen.findByText('A date'));
    fireEvent.change(screen.getByLabelText('Valid from the start of'), { target: { value: '2026-05-01' } });
    expect(await screen.findByText(/added valid from 1 May 2026, 00:00 BST/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Assign CLI' }));
    expect(added).toEqual([{ customerID: 'c1', value: '441134960002', validFrom: '2026-04-30T23:00:00Z' }]);
  });
});
