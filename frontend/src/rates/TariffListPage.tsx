import { Anchor, Badge, Button, EmptyState, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalculator, IconPlus, IconZoomMoney } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { usePageTitle } from '../shell/usePageTitle';
import { CreateTariffMutation, TariffListQuery } from './documents';
import { BAND_MODE_LABELS, toCreateTariffInput } from './tariffForm';
import { TariffFormModal } from './TariffFormModal';

// An empty list holds no Tariff for urql's cache to notice a new one by.
const listContext = { additionalTypenames: ['Tariff', 'RateSheet'] };

export function TariffListPage() {
  usePageTitle('Tariffs & rates');
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [{ data, fetching, error }] = useQuery({ query: TariffListQuery, context: listContext });
  const [, createTariff] = useMutation(CreateTariffMutation);

  const tariffs = (data?.tariffs.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const total = data?.tariffs.totalCount ?? 0;

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New tariff
    </Button>
  );

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Tariffs &amp; rates</Title>
        <Group gap="xs">
          <Button component={Link} to="/tariffs/quote" variant="default" leftSection={<IconCalculator size={16} />}>
            Quote a call
          </Button>
          {newButton}
        </Group>
      </Group>
      <Text c="dimmed" size="sm" maw={760}>
        A tariff is a set of prices. Its rate sheets list a price per destination for peak, off-peak and weekend; each
        upload is a new version, and the versions before it stay on record.
      </Text>

      <LoadError title="Could not load tariffs" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading tariffs" rows={4} height={36} />
      ) : tariffs.length === 0 && !error ? (
        <EmptyState
          mt="xl"
          variant="light"
          icon={<IconZoomMoney size={28} />}
          title="No tariffs yet"
          description="Calls are priced by a tariff's rate sheet. Create a tariff, mark it as the default, then upload its rate sheet CSV."
        >
          <EmptyState.Actions>{newButton}</EmptyState.Actions>
        </EmptyState>
      ) : (
        tariffs.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Tariffs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>Band mode</Table.Th>
                    <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
                      Rate sheet versions
                    </Table.Th>
                    <Table.Th>Description</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {tariffs.map((t) => {
                    const versions = t.rateSheets?.length ?? 0;
                    return (
                      <Table.Tr
                        key={t.id}
                        style={{ cursor: 'pointer' }}
                        onClick={(e) => {
                          if ((e.target as HTMLElement).closest('a')) return;
                          navigate(`/tariffs/${t.id}`);
                        }}
                      >
                        <Table.Td>
                          <Group gap="xs" wrap="nowrap">
                            <Anchor component={Link} to={`/tariffs/${t.id}`} fw={500}>
                              {t.name}
                            </Anchor>
                            {t.isDefault && (
                              <Badge size="sm" variant="light">
                                Default
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{BAND_MODE_LABELS[t.bandMode]}</Table.Td>
                        <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {versions === 0 ? (
                            <Text span c="orange" size="sm">
                              None yet
                            </Text>
                          ) : (
                            versions
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c="dimmed" lineClamp={1}>
                            {t.description ?? ''}
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )
      )}

      {total > tariffs.length && (
        <Text size="sm" c="dimmed">
          Showing the first {tariffs.length} of {total} tariffs, by name.
        </Text>
      )}

      <TariffFormModal
        opened={creating}
        title="New tariff"
        submitLabel="Create tariff"
        onClose={() => setCreating(false)}
        onSubmit={async (values) => {
          const result = await createTariff({ input: toCreateTariffInput(values) }, listContext);
          if (result.error || !result.data) return result.error;
          const t = result.data.createTariff;
          notifications.show({ color: 'teal', title: 'Tariff created', message: `${t.name}: now upload its rate sheet` });
          setCreating(false);
          navigate(`/tariffs/${t.id}`);
          return undefined;
        }}
      />
    </Stack>
  );
}
