import { ActionIcon, Badge, Button, EmptyState, Group, Paper, Stack, Table, Text, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconBuildingBroadcastTower, IconColumns, IconPencil, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { useFormat } from '../common/useFormat';
import { apiErrorMessage } from '../graphql/errors';
import type { ProviderFieldsFragment } from '../gql/graphql';
import { usePageTitle } from '../shell/usePageTitle';
import { CreateProviderMutation, DeleteProviderMutation, ProviderListQuery, UpdateProviderMutation } from './documents';
import {
  formatLabel,
  providerToFormValues,
  toCreateProviderInput,
  toUpdateProviderInput,
} from './providerForm';
import { CsvMappingModal } from './CsvMappingModal';
import { ProviderFormModal } from './ProviderFormModal';

// An empty list holds no Provider for urql's cache to notice a new one by.
const listContext = { additionalTypenames: ['Provider'] };

export function ProviderListPage() {
  usePageTitle('Providers');
  const format = useFormat();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ProviderFieldsFragment | null>(null);
  const [mapping, setMapping] = useState<ProviderFieldsFragment | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: ProviderListQuery, context: listContext });
  const [, createProvider] = useMutation(CreateProviderMutation);
  const [, updateProvider] = useMutation(UpdateProviderMutation);
  const [, deleteProvider] = useMutation(DeleteProviderMutation);

  const providers = (data?.providers.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const formats = data?.cdrFormats ?? [];

  const confirmDelete = (p: ProviderFieldsFragment) =>
    modals.openConfirmModal({
      title: `Delete ${p.name}?`,
      children: (
        <Text size="sm">
          The provider is removed from the list. A provider that has CDR uploads or rate sheets cannot be deleted: they
          stay on record for the calls they priced.
        </Text>
      ),
      labels: { confirm: 'Delete provider', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await deleteProvider({ id: p.id }, listContext);
        if (result.error) {
          notifications.show({ color: 'red', title: 'Provider not deleted', message: apiErrorMessage(result.error) });
          return;
        }
        notifications.show({ color: 'teal', title: 'Provider deleted', message: p.name });
      },
    });

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New provider
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Providers</Title>
        {newButton}
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        The carriers you buy minutes from. Each sends its call records (CDRs) in a format of its own and writes their
        times in a time zone of its own; both decide how its files are read when you upload them.
      </Text>

      <LoadError title="Could not load providers" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading providers" rows={3} height={36} />
      ) : providers.length === 0 && !error ? (
        <EmptyState
          mt="xl"
          variant="light"
          icon={<IconBuildingBroadcastTower size={28} />}
          title="No providers yet"
          description="Add the carrier whose CDR files you want to bill: its name, the format of its files and their time zone."
        >
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        </EmptyState>
      ) : (
        providers.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={720}>
              <Table verticalSpacing="sm" aria-label="Providers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>CDR format</Table.Th>
                    <Table.Th>Time zone</Table.Th>
                    <Table.Th>Added</Table.Th>
                    <Table.Th w={120}>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {providers.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td fw={500}>{p.name}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Tooltip label={formats.find((f) => f.value === p.cdrFormat)?.description} multiline w={320} withArrow>
                            <Text span size="sm">
                              {formatLabel(formats, p.cdrFormat)}
                            </Text>
                          </Tooltip>
                          {p.cdrFormat === 'CSV' && !p.csvMapping && (
                            <Badge color="orange" variant="light" size="sm">
                              Mapping needed
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td ff="monospace" fz="sm">
                        {p.timeZone}
                      </Table.Td>
                      <Table.Td>{format.date(p.createdAt)}</Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label="Upload a CDR file">
                            <ActionIcon
                              component={Link}
                              to={`/uploads?provider=${encodeURIComponent(p.id)}`}
                              variant="subtle"
                              aria-label={`Upload a CDR file from ${p.name}`}
                            >
                              <IconUpload size={16} />
                            </ActionIcon>
                          </Tooltip>
                          {p.cdrFormat === 'CSV' && (
                            <Tooltip label="Column mapping">
                              <ActionIcon
                                variant="subtle"
                                aria-label={`Column mapping of ${p.name}`}
                                onClick={() => setMapping(p)}
                              >
                                <IconColumns size={16} />
                              </ActionIcon>
                            </Tooltip>
                          )}
                          <Tooltip label="Edit">
                            <ActionIcon variant="subtle" aria-label={`Edit ${p.name}`} onClick={() => setEditing(p)}>
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Delete">
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Delete ${p.name}`}
                              onClick={() => confirmDelete(p)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}

      <ProviderFormModal
        opened={creating}
        title="New provider"
        submitLabel="Create provider"
        formats={formats}
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          const result = await createProvider({ input: toCreateProviderInput(values) }, listContext);
          if (result.error || !result.data) return result.error;
          const p = result.data.createProvider;
          setCreating(false);
          if (p.cdrFormat === 'CSV') {
            // A CSV provider's files cannot be read until its columns are described.
            notifications.show({ color: 'teal', title: 'Provider created', message: `${p.name}: now describe its columns` });
            setMapping(p);
          } else {
            notifications.show({ color: 'teal', title: 'Provider created', message: `${p.name}: now upload its CDR files` });
          }
          return undefined;
        }}
      />
      <CsvMappingModal provider={mapping} onClose={() => setMapping(null)} />
      <ProviderFormModal
        opened={editing !== null}
        title={editing ? `Edit ${editing.name}` : 'Edit provider'}
        submitLabel="Save changes"
        formats={formats}
        initialValues={editing ? providerToFormValues(editing) : undefined}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          if (!editing) return undefined;
          const result = await updateProvider({ id: editing.id, input: toUpdateProviderInput(values) }, listContext);
          if (result.error || !result.data) return result.error;
          notifications.show({ color: 'teal', title: 'Provider saved', message: result.data.updateProvider.name });
          setEditing(null);
          return undefined;
        }}
      />
    </Stack>
  );
}
