import { Button, EmptyState, Group, Modal, NumberInput, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCalendarRepeat, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { FormActions } from '../common/FormActions';
import { FormErrors } from '../common/FormErrors';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { formatDay } from '../common/time';
import { useFormat } from '../common/useFormat';
import { useServerErrors } from '../common/useServerErrors';
import type { BillingScheduleFrequency, ScheduleFieldsFragment } from '../gql/graphql';
import { apiErrorMessage } from '../graphql/errors';
import { usePageTitle } from '../shell/usePageTitle';
import { CreateScheduleMutation, DeleteScheduleMutation, ScheduleListQuery, UpdateScheduleMutation } from './documents';
import {
  describeSchedule,
  emptySchedule,
  FREQUENCY_LABELS,
  MAX_ANCHOR_DAY,
  scheduleFieldMap,
  scheduleFormFields,
  scheduleToFormValues,
  toScheduleInput,
  validateSchedule,
  WEEKDAYS,
  type ScheduleFormValues,
} from './scheduleForm';

const listContext = { additionalTypenames: ['BillingSchedule'] };

type Period = NonNullable<ScheduleFieldsFragment['currentPeriod']>;

export function ScheduleListPage() {
  usePageTitle('Billing schedules');
  const format = useFormat();
  const [{ data, fetching, error }] = useQuery({ query: ScheduleListQuery, context: listContext });
  const [, createSchedule] = useMutation(CreateScheduleMutation);
  const [, updateSchedule] = useMutation(UpdateScheduleMutation);
  const [, deleteSchedule] = useMutation(DeleteScheduleMutation);
  const [editing, setEditing] = useState<ScheduleFieldsFragment | 'new' | null>(null);
  const schedules = data?.billingSchedules ?? [];

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      New schedule
    </Button>
  );

  const period = (p: Period | null | undefined) =>
    p ? (
      <>
        <Text size="sm" fw={500}>
          {formatDay(p.start)} – {formatDay(p.last)}
        </Text>
        <Text size="xs" c="dimmed">
          {p.name} · {p.days} days · run due {format.dateTime(p.dueAt, { withZone: true })}
        </Text>
      </>
    ) : (
      <Text size="sm" c="dimmed">
        Chosen at each run
      </Text>
    );

  const confirmDelete = (s: ScheduleFieldsFragment) =>
    modals.openConfirmModal({
      title: `Delete ${s.name}?`,
      children: <Text size="sm">A schedule with customers on it, or with billing runs on record, cannot be deleted.</Text>,
      labels: { confirm: 'Delete schedule', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await deleteSchedule({ id: s.id }, listContext);
        if (result.error) {
          notifications.show({ color: 'red', title: 'Schedule not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Schedule deleted', message: s.name });
      },
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Billing schedules</Title>
        {newButton}
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        A schedule says how often its customers are invoiced. Periods are calendar days in {format.zone}; the run for a period
        is due when it ends, and bills its calls and charges with recurring charges for the next period in advance.
      </Text>

      <LoadError title="Could not load billing schedules" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading schedules" rows={3} height={48} />
      ) : schedules.length === 0 && !error ? (
        <EmptyState
          mt="xl"
          variant="light"
          icon={<IconCalendarRepeat size={28} />}
          title="No schedules yet"
          description="Create a schedule — most resellers bill monthly on the 1st — then put customers on it from their page."
        >
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        </EmptyState>
      ) : (
        schedules.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={860}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Billing schedules">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Runs</Table.Th>
                    <Table.Th>Current period</Table.Th>
                    <Table.Th>Next period</Table.Th>
                    <Table.Th ta="right">Customers</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {schedules.map((s) => (
                    <Table.Tr key={s.id} style={{ cursor: 'pointer' }} onClick={() => setEditing(s)}>
                      <Table.Td>
                        <Text fw={500}>{s.name}</Text>
                        <Text size="xs" c="dimmed">
                          {FREQUENCY_LABELS[s.frequency]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeSchedule(s)}</Text>
                      </Table.Td>
                      <Table.Td>{period(s.currentPeriod)}</Table.Td>
                      <Table.Td>{period(s.nextPeriod)}</Table.Td>
                      <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                        {s.customerCount}
                      </Table.Td>
                      <Table.Td onClick={(e) => e.stopPropagation()}>
                        <Button size="xs" variant="subtle" color="red" aria-label={`Delete ${s.name}`} onClick={() => confirmDelete(s)}>
                          <IconTrash size={14} />
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}
      {schedules.length > 0 && (
        <Text size="sm" c="dimmed">
          {countOf(schedules.length, 'schedule')}, {countOf(schedules.reduce((n, s) => n + s.customerCount, 0), 'customer')} on them.
          Put a customer on a schedule from the customer&apos;s Edit page.
        </Text>
      )}

      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'New billing schedule' : `Edit ${editing?.name ?? 'schedule'}`}
      >
        {editing !== null && (
          <ScheduleForm
            initialValues={editing === 'new' ? emptySchedule : scheduleToFormValues(editing)}
            submitLabel={editing === 'new' ? 'Create schedule' : 'Save schedule'}
            onCancel={() => setEditing(null)}
            onSubmit={async (values) => {
              const input = toScheduleInput(values);
              const result =
                editing === 'new'
                  ? await createSchedule({ input }, listContext)
                  : await updateSchedule({ id: editing.id, input }, listContext);
              if (result.error) return result.error;
              notifications.show({ color: 'teal', title: editing === 'new' ? 'Schedule created' : 'Schedule saved', message: input.name });
              setEditing(null);
              return undefined;
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function ScheduleForm({
  initialValues,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  initialValues: ScheduleFormValues;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (values: ScheduleFormValues) => Promise<CombinedError | undefined>;
}) {
  const form = useForm<ScheduleFormValues>({
    mode: 'controlled',
    initialValues,
    validate: validateSchedule,
    validateInputOnBlur: true,
  });
  const v = form.getValues();
  const serverErrors = useServerErrors(form, scheduleFormFields, { fieldMap: scheduleFieldMap(v) });
  const submit = form.onSubmit((values) => serverErrors.save(() => onSubmit(values)));
  const preview = toScheduleInput(v);

  return (
    <form onSubmit={submit} noValidate aria-label="Billing schedule">
      <Stack>
        <FormErrors title="The schedule was not saved" errors={serverErrors.formErrors} />
        <TextInput label="Name" withAsterisk data-autofocus autoComplete="off" placeholder="e.g. Monthly on the 1st" {...form.getInputProps('name')} />
        <Select
          label="Frequency"
          data={(Object.keys(FREQUENCY_LABELS) as BillingScheduleFrequency[]).map((f) => ({ value: f, label: FREQUENCY_LABELS[f] }))}
          allowDeselect={false}
          {...form.getInputProps('frequency')}
        />
        {(v.frequency === 'MONTHLY' || v.frequency === 'QUARTERLY') && (
          <NumberInput
            label={v.frequency === 'MONTHLY' ? 'Each month starts on day' : 'Each quarter starts on day'}
            description={
              v.frequency === 'MONTHLY'
                ? `1 to ${MAX_ANCHOR_DAY}: a period on the 15th runs from the 15th to the 14th of the next month`
                : `1 to ${MAX_ANCHOR_DAY}, of January, April, July and October`
            }
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('day')}
            onChange={(n) => form.setFieldValue('day', String(n))}
          />
        )}
        {v.frequency === 'WEEKLY' && (
          <Select
            label="Each week starts on"
            data={WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: d }))}
            allowDeselect={false}
            {...form.getInputProps('weekday')}
          />
        )}
        <Text size="sm" c="dimmed">
          {v.frequency === 'MANUAL' || validateSchedule(v).day
            ? v.frequency === 'MANUAL'
              ? 'A manual schedule is never run by itself: a clerk runs it, giving the first and last day to bill.'
              : ''
            : `${describeSchedule({ frequency: preview.frequency, anchorDay: preview.anchorDay ?? 1 })}.`}
        </Text>
        <FormActions submitLabel={submitLabel} saving={serverErrors.saving} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
