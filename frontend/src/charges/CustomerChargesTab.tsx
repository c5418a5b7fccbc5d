import { Alert, Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CursorPager } from '../common/CursorPager';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { pageVariables, type Cursor } from '../common/pager';
import { formatDay, nowInZone } from '../common/time';
import { useFormat } from '../common/useFormat';
import type { ChargeFieldsFragment, ChargeRecurrence, ChargeView } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { RECURRENCE_LABELS } from '../products/productForm';
import { describeSchedule } from '../schedules/scheduleForm';
import { chargeToFormValues, emptyCharge, toChargeInput, type ChargeFormValues } from './chargeForm';
import { ChargeFormModal, type ChargeProduct } from './ChargeFormModal';
import { AddChargeMutation, CustomerChargesQuery, DeleteChargeMutation, UpdateChargeMutation } from './documents';

const PAGE_SIZE = 25;
const chargesContext = { additionalTypenames: ['Charge'] };

const VIEWS: { value: ChargeView; label: string; help: string }[] = [
  { value: 'PENDING', label: 'Pending', help: 'One-off charges waiting for the next billing run.' },
  { value: 'RECURRING', label: 'Recurring', help: 'Charges that renew: each run bills the periods that are due, in advance.' },
  { value: 'HISTORY', label: 'History', help: 'Charges already on an invoice.' },
];

/** When a charge applies, in words: "2 Jun 2026", "From 10 Jun 2026, billed through 30 Jun 2026". */
export function chargeWhen(c: Pick<ChargeFieldsFragment, 'recurrence' | 'date' | 'startDate' | 'endDate' | 'billedThrough'>): string {
  if (c.recurrence === 'ONE_OFF') return formatDay(c.date);
  const parts = [c.endDate ? `${formatDay(c.startDate)} to ${formatDay(c.endDate)}` : `From ${formatDay(c.startDate)}`];
  parts.push(c.billedThrough ? `billed through ${formatDay(c.billedThrough)}` : 'not billed yet');
  return parts.join(', ');
}

export function CustomerChargesTab({ customer }: { customer: { id: string; name: string } }) {
  const format = useFormat();
  const [view, setView] = useState<ChargeView>('PENDING');
  const [cursor, setCursor] = useState<Cursor>({});
  const [editing, setEditing] = useState<ChargeFieldsFragment | 'new' | null>(null);
  const variables = useMemo(() => ({ id: customer.id, view, ...pageVariables(PAGE_SIZE, cursor) }), [customer.id, view, cursor]);
  const [{ data, fetching, error }] = useQuery({ query: CustomerChargesQuery, variables, context: chargesContext });
  const [, addCharge] = useMutation(AddChargeMutation);
  const [, updateCharge] = useMutation(UpdateChargeMutation);
  const [, deleteCharge] = useMutation(DeleteChargeMutation);
  const connection = data?.customer?.charges;
  const charges = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const schedule = data?.customer?.schedule;
  const today = nowInZone(format.zone).day;

  const confirmDelete = (c: ChargeFieldsFragment) =>
    modals.openConfirmModal({
      title: `Delete “${c.description}”?`,
      children: <Text size="sm">The charge is removed from {customer.name} and will not be billed.</Text>,
      labels: { confirm: 'Delete charge', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await deleteCharge({ id: c.id }, chargesContext);
        if (result.error) {
          notifications.show({ color: 'red', title: 'Charge not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Charge deleted', message: c.description });
      },
    });

  const endToday = (c: ChargeFieldsFragment) =>
    modals.openConfirmModal({
      title: `End “${c.description}”?`,
      children: (
        <Text size="sm">
          Today, {formatDay(today)}, becomes its last day of service; no later period is billed. A period already billed in
          advance is not credited: add an adjustment if the customer is owed money. To end it on another day, edit it.
        </Text>
      ),
      labels: { confirm: 'End it today', cancel: 'Keep it running' },
      onConfirm: async () => {
        const input = toChargeInput({ ...chargeToFormValues(c), endDate: today }, c.recurrence);
        const result = await updateCharge({ id: c.id, input }, chargesContext);
        if (result.error) {
          notifications.show({ color: 'red', title: 'Charge not ended', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Charge ended', message: `${c.description}: last day ${formatDay(today)}` });
      },
    });

  const save = async (values: ChargeFormValues, recurrence: ChargeRecurrence) => {
    const input = toChargeInput(values, recurrence);
    const result =
      editing === 'new' || editing === null
        ? await addCharge({ customerID: customer.id, input }, chargesContext)
        : await updateCharge({ id: editing.id, input }, chargesContext);
    if (result.error) return result.error;
    notifications.show({ color: 'teal', title: editing === 'new' ? 'Charge added' : 'Charge saved', message: customer.name });
    if (editing === 'new') setView(recurrence === 'ONE_OFF' ? 'PENDING' : 'RECURRING');
    setEditing(null);
    return undefined;
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl
          aria-label="Which charges"
          value={view}
          onChange={(v) => {
            setView(v as ChargeView);
            setCursor({});
          }}
          data={VIEWS.map((v) => ({ value: v.value, label: v.label }))}
        />
        <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
          Add charge
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {VIEWS.find((v) => v.value === view)?.help}{' '}
        {schedule ? (
          <>
            Billed on{' '}
            <Anchor component={Link} to="/schedules">
              {schedule.name}
            </Anchor>{' '}
            ({describeSchedule(schedule).toLowerCase()}).
          </>
        ) : (
          data && <>This customer is on no billing schedule yet: choose one on its Edit page.</>
        )}
      </Text>

      <LoadError title="Could not load the charges" error={error} />
      {!data && fetching ? (
        <LoadingRows label="Loading charges" rows={3} height={36} />
      ) : charges.length === 0 && !error ? (
        <Alert variant="light" color="gray">
          {view === 'PENDING'
            ? 'No one-off charges are waiting to be billed.'
            : view === 'RECURRING'
              ? 'No recurring charges. Add line rental or another monthly, quarterly or yearly product with Add charge.'
              : 'Nothing has been invoiced to this customer yet.'}
        </Alert>
      ) : (
        charges.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" aria-label="Charges">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Charge</Table.Th>
                    <Table.Th>Billed</Table.Th>
                    <Table.Th>When</Table.Th>
                    <Table.Th ta="right">Quantity × unit price</Table.Th>
                    <Table.Th ta="right">Amount</Table.Th>
                    <Table.Th>{view === 'HISTORY' ? 'Invoice' : ''}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {charges.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {c.description}
                        </Text>
                        {c.product && (
                          <Text size="xs" c="dimmed" ff="monospace">
                            {c.product.reference}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {c.kind === 'CALLS' ? 'Calls' : RECURRENCE_LABELS[c.recurrence]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{chargeWhen(c)}</Text>
                      </Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>
                        {c.quantity.replace(/\.?0+$/, '')} × {format.total(c.unitPrice)}
                      </Table.Td>
                      <Table.Td ta="right" fw={500} style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {format.total(c.amount)}
                        {c.recurrence !== 'ONE_OFF' && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            a {c.recurrence === 'MONTHLY' ? 'month' : c.recurrence === 'QUARTERLY' ? 'quarter' : 'year'}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {c.status === 'INVOICED' ? (
                          <Text size="sm">{c.invoice ? `No. ${c.invoice.number}, ${format.date(c.invoice.issueDate)}` : 'Invoiced'}</Text>
                        ) : (
                          c.kind !== 'CALLS' && (
                            <Group gap={4} wrap="nowrap" justify="flex-end">
                              <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={() => setEditing(c)}>
                                Edit
                              </Button>
                              {c.recurrence !== 'ONE_OFF' && !c.endDate && (
                                <Button size="xs" variant="subtle" color="orange" onClick={() => endToday(c)}>
                                  End
                                </Button>
                              )}
                              <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${c.description}`} onClick={() => confirmDelete(c)}>
                                <IconTrash size={14} />
                              </Button>
                            </Group>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}
      {connection && (
        <CursorPager connection={connection} pageSize={PAGE_SIZE} summary={`${countOf(connection.totalCount, 'charge')}, newest first`} onPage={setCursor} newestFirst />
      )}

      <ChargeFormModal
        opened={editing !== null}
        title={editing === 'new' ? `Add a charge to ${customer.name}` : `Edit “${editing?.description ?? ''}”`}
        submitLabel={editing === 'new' ? 'Add charge' : 'Save charge'}
        customerId={customer.id}
        schedule={schedule}
        initialValues={editing && editing !== 'new' ? chargeToFormValues(editing) : emptyCharge(today)}
        product={editing && editing !== 'new' && editing.product ? ({ ...editing.product, recurrence: editing.recurrence } as ChargeProduct) : null}
        onClose={() => setEditing(null)}
        onSubmit={save}
      />
    </Stack>
  );
}
