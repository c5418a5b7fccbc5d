import {
  ActionIcon,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconId, IconPlus, IconTrash } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useMutation } from 'urql';
import { FormErrors } from '../common/FormErrors';
import { isAlways } from '../common/time';
import { useFormat } from '../common/useFormat';
import { useServerErrors } from '../common/useServerErrors';
import { apiErrorMessage } from '../graphql/errors';
import { cliFieldMap, cliFormFields, emptyCli, toCreateCliInput, validateCli, type CliFormValues } from './cliForm';
import type { LoadedCustomer } from './loadedCustomer';
import { CreateCliMutation, DeleteCliMutation } from './documents';

type Cli = NonNullable<LoadedCustomer['clis']>[number];

export function CliTab({ customer, onChanged }: { customer: LoadedCustomer; onChanged: () => void }) {
  const clis = customer.clis ?? [];
  return (
    <Stack gap="lg">
      <AddCliForm customer={customer} onAdded={onChanged} />
      {clis.length === 0 ? (
        <EmptyState
          size="sm"
          icon={<IconId size={24} />}
          withIndicatorBackground
          title="No CLIs yet"
          description="Calls are matched to this customer by CLI: add each number (DDI) or account code its calls come from."
        />
      ) : (
        <CliTable clis={clis} onDeleted={onChanged} />
      )}
    </Stack>
  );
}

function AddCliForm({ customer, onAdded }: { customer: LoadedCustomer; onAdded: () => void }) {
  const [, createCli] = useMutation(CreateCliMutation);
  const [saving, setSaving] = useState(false);
  const { zone } = useFormat();
  const valueInput = useRef<HTMLInputElement>(null);
  const form = useForm<CliFormValues>({
    mode: 'controlled',
    initialValues: emptyCli,
    validate: (values) => validateCli(values),
  });
  const serverErrors = useServerErrors(form, cliFormFields, {
    fieldMap: cliFieldMap,
    // A clash with another customer's CLI is about the number, so say it there.
    place: (e) => (e.code === 'CONFLICT' && !e.field ? { ...e, field: 'value' } : e),
  });
  const sites = customer.sites ?? [];

  const addCli = async (values: CliFormValues) => {
    serverErrors.clear();
    setSaving(true);
    const result = await createCli({ input: toCreateCliInput(customer.id, values, zone) });
    setSaving(false);
    if (result.error || !result.data) {
      serverErrors.show(result.error);
      return;
    }
    const cli = result.data.createCli;
    notifications.show({ color: 'teal', title: 'CLI added', message: `${cli.display} now belongs to ${customer.name}` });
    // Keep the dates and site: CLIs are often added in a batch for one site.
    form.setValues({ value: '', description: '' });
    form.resetDirty();
    valueInput.current?.focus();
    onAdded();
  };

  return (
    <Paper withBorder radius="md" p="md">
      {/* The handler focuses the number input, so it is made when the form is sent, not while rendering. */}
      <form onSubmit={(e) => form.onSubmit(addCli)(e)} noValidate aria-label="Add a CLI">
        <Title order={4} mb="sm">
          Add a CLI
        </Title>
        <FormErrors errors={serverErrors.formErrors} mb="sm" />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            ref={valueInput}
            label="Number or account code"
            placeholder="e.g. 01134960000"
            description="Number, range (44113496*) or code"
            withAsterisk
            autoComplete="off"
            w={250}
            {...form.getInputProps('value')}
          />
          <DateInput
            label="Valid from"
            description="Empty: since always"
            placeholder="YYYY-MM-DD"
            valueFormat="YYYY-MM-DD"
            clearable
            w={170}
            {...form.getInputProps('validFrom')}
          />
          <DateInput
            label="Valid to"
            description="Empty: open-ended"
            placeholder="YYYY-MM-DD"
            valueFormat="YYYY-MM-DD"
            clearable
            w={170}
            {...form.getInputProps('validTo')}
          />
          {sites.length > 0 && (
            <Select
              label="Site"
              description="Optional"
              placeholder="No site"
              data={sites.map((s) => ({ value: s.id, label: s.name }))}
              clearable
              w={200}
              {...form.getInputProps('siteId')}
            />
          )}
          <TextInput
            label="Description"
            description="Optional, e.g. Reception"
            autoComplete="off"
            w={200}
            {...form.getInputProps('description')}
          />
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          A day starts at midnight {zone} time; valid to is the first day the CLI is no longer the customer&apos;s.
        </Text>
        <Button type="submit" loading={saving} leftSection={<IconPlus size={16} />} mt="md">
          Add CLI
        </Button>
      </form>
    </Paper>
  );
}

function CliTable({ clis, onDeleted }: { clis: Cli[]; onDeleted: () => void }) {
  const [, deleteCli] = useMutation(DeleteCliMutation);
  const format = useFormat();
  const sorted = [...clis].sort((a, b) => a.value.localeCompare(b.value) || a.validFrom.localeCompare(b.validFrom));

  const confirmDelete = (cli: Cli) =>
    modals.openConfirmModal({
      title: `Delete CLI ${cli.display}?`,
      children: (
        <Text size="sm">
          Calls from this CLI will no longer be matched to this customer in future analyses. To keep the history of a
          number that moved to another customer, set a Valid to date instead.
        </Text>
      ),
      labels: { confirm: 'Delete CLI', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await deleteCli({ id: cli.id }, { additionalTypenames: ['Cli'] });
        if (result.error) {
          notifications.show({ color: 'red', title: 'CLI not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'CLI deleted', message: cli.display });
        onDeleted();
      },
    });

  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="sm" aria-label="CLIs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>CLI</Table.Th>
              <Table.Th>Valid from</Table.Th>
              <Table.Th>Valid to</Table.Th>
              <Table.Th>Site</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w={48}>
                <span className="mantine-visually-hidden">Actions</span>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((cli) => (
              <Table.Tr key={cli.id}>
                <Table.Td>
                  <Group gap="xs">
                    <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }} title={`Matched as ${cli.value}`}>
                      {cli.display}
                    </Text>
                    {cli.isAccount && (
                      <Badge size="xs" variant="light" color="grape">
                        account code
                      </Badge>
                    )}
                    {cli.isRange && (
                      <Tooltip label="A number range: every number starting with these digits">
                        <Badge size="xs" variant="light">
                          range
                        </Badge>
                      </Tooltip>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {isAlways(cli.validFrom) ? (
                    <Text c="dimmed" size="sm">
                      Always
                    </Text>
                  ) : (
                    format.date(cli.validFrom)
                  )}
                </Table.Td>
                <Table.Td>{cli.validTo ? format.date(cli.validTo) : <Text c="dimmed" size="sm">Open-ended</Text>}</Table.Td>
                <Table.Td>{cli.site?.name ?? <Text c="dimmed" size="sm">—</Text>}</Table.Td>
                <Table.Td>{cli.description ?? ''}</Table.Td>
                <Table.Td>
                  <Tooltip label={`Delete ${cli.display}`}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Delete CLI ${cli.display}`}
                      onClick={() => confirmDelete(cli)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
