import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, CombinedError, Provider, type Exchange, type OperationResult } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { filter, map, pipe } from 'wonka';
import { WithSettings } from '../test/settings';
import { CliTab } from './CliTab';
import type { LoadedCustomer } from './loadedCustomer';

const customer = {
  __typename: 'Customer',
  id: 'c1',
  name: 'Leeds Plumbing',
  clis: [],
  sites: [],
} as unknown as LoadedCustomer;

/** A client whose every mutation gets `answer`, recording the variables it was sent. */
function clientAnswering(answer: (variables: Record<string, unknown>) => Partial<OperationResult>) {
  const sent: Record<string, unknown>[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind === 'mutation'),
      map((op) => {
        sent.push(op.variables as Record<string, unknown>);
        return { operation: op, data: undefined, error: undefined, stale: false, hasNext: false, ...answer(op.variables as Record<string, unknown>) } as OperationResult;
      }),
    );
  return { client: new Client({ url: '/graphql', exchanges: [exchange] }), sent };
}

function renderTab(client: Client, onChanged = vi.fn()) {
  render(
    <MantineProvider>
      <Provider value={client}>
        <WithSettings>
          <CliTab customer={customer} onChanged={onChanged} />
        </WithSettings>
      </Provider>
    </MantineProvider>,
  );
  return onChanged;
}

describe('adding a CLI', () => {
  it('shows a clash reported by the server under the number, keeping what was typed', async () => {
    const { client } = clientAnswering(() => ({
      error: new CombinedError({
        graphQLErrors: [
          { message: '441134960000 belongs to Acme Ltd from 2026-01-01', extensions: { code: 'CONFLICT' } },
        ],
      }),
    }));
    const onChanged = renderTab(client);

    const number = screen.getByRole('textbox', { name: 'Number or account code' });
    await userEvent.type(number, '01134960000');
    await userEvent.click(screen.getByRole('button', { name: 'Add CLI' }));

    expect(await screen.findByText('441134960000 belongs to Acme Ltd from 2026-01-01')).toBeInTheDocument();
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveValue('01134960000');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('puts an INVALID error on the field the server names', async () => {
    const { client } = clientAnswering(() => ({
      error: new CombinedError({
        graphQLErrors: [{ message: 'valid to is before valid from', extensions: { code: 'INVALID', field: 'validTo' } }],
      }),
    }));
    renderTab(client);

    await userEvent.type(screen.getByRole('textbox', { name: 'Number or account code' }), '01134960000');
    await userEvent.click(screen.getByRole('button', { name: 'Add CLI' }));

    expect(await screen.findByText('valid to is before valid from')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Valid to' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('sends the number as typed and refreshes the customer', async () => {
    const { client, sent } = clientAnswering(() => ({
      data: {
        createCli: {
          __typename: 'Cli', id: 'l1', value: '441134960000', display: '0113 496 0000', isRange: false, isAccount: false,
          validFrom: '2026-01-01T00:00:00Z', validTo: null, description: null, site: null,
        },
      },
    }));
    const onChanged = renderTab(client);

    const number = screen.getByRole('textbox', { name: 'Number or account code' });
    await userEvent.type(number, '01134960000');
    await userEvent.click(screen.getByRole('button', { name: 'Add CLI' }));

    await waitFor(() => expect(onChanged).toHaveBeenCalledOnce());
    expect(sent[0]).toMatchObject({ input: { customerID: 'c1', value: '01134960000' } });
    // Empty valid from: not sent, so the server's "since always" applies.
    expect((sent[0].input as { validFrom?: string }).validFrom).toBeUndefined();
    // Ready for the next number.
    expect(number).toHaveValue('');
  });

  it('checks the number before asking the server', async () => {
    const { client, sent } = clientAnswering(() => ({}));
    renderTab(client);
    await userEvent.type(screen.getByRole('textbox', { name: 'Number or account code' }), '12');
    await userEvent.click(screen.getByRole('button', { name: 'Add CLI' }));
    expect(await screen.findByText('A number needs at least 3 digits')).toBeInTheDocument();
    expect(sent).toEqual([]);
  });
});
