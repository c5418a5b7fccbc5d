import {
  ActionIcon,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCalculator, IconDownload, IconFileSpreadsheet, IconPencil, IconTrash, IconUpload } from '@tabler/icons-react';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { isNotFound, Missing } from '../common/Missing';
import { LoadError } from '../common/loading';
import { CsvDropzone } from '../common/CsvDropzone';
import { useFormat } from '../common/useFormat';
import { isAlways } from '../common/time';
import { apiErrorMessage } from '../graphql/errors';
import type { RateSheetVersionFragment } from '../gql/graphql';
import { QuotePanel } from '../quote/QuotePanel';
import { usePageTitle } from '../shell/usePageTitle';
import { DeleteTariffMutation, TariffQuery, UpdateTariffMutation } from './documents';
import { RateRowsTable } from './RateRowsTable';
import { defaultSheet, groupRateSheets, groupTitle, type SheetGroup } from './sheets';
import { BAND_MODE_HELP, BAND_MODE_LABELS, tariffToFormValues, toUpdateTariffInput } from './tariffForm';
import { TariffFormModal } from './TariffFormModal';
import { UploadRateSheetModal } from './UploadRateSheetModal';

export type TariffTab = 'rates' | 'quote';

const tariffContext = { additionalTypenames: ['RateSheet'] };

export function TariffDetailPage({ tab }: { tab: TariffTab }) {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: TariffQuery, variables: { id }, context: tariffContext });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [, updateTariff] = useMutation(UpdateTariffMutation);
  const [deleting, deleteTariff] = useMutation(DeleteTariffMutation);
  const [editing, setEditing] = useState(false);
  const [upload, setUpload] = useState<{ file: File | null; group: SheetGroup | null } | null>(null);

  const tariff = data?.tariffs.edges?.[0]?.node ?? null;
  usePageTitle(tariff?.name ?? 'Tariff');
  const groups = useMemo(() => groupRateSheets(tariff?.rateSheets), [tariff?.rateSheets]);
  const sheetParam = params.get('sheet');
  const selected: RateSheetVersionFragment | undefined =
    tariff?.rateSheets?.find((s) => s.id === sheetParam) ?? defaultSheet(groups);

  const selectSheet = (sheetId: string) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('sheet', sheetId);
        return next;
      },
      { replace: true },
    );

  const confirmDelete = (t: { id: string; name: string }) =>
    modals.openConfirmModal({
      title: `Delete ${t.name}?`,
      children: (
        <Text size="sm">
          The tariff and every version of its rate sheets are deleted. A tariff that customers use, or that priced
          calls, cannot be deleted; the server will say so.
        </Text>
      ),
      labels: { confirm: 'Delete tariff', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        const result = await deleteTariff({ id: t.id }, { additionalTypenames: ['Tariff'] });
        if (result.error) {
          notifications.show({
            color: 'red',
            title: 'Tariff not deleted',
            message: apiErrorMessage(result.error),
            autoClose: 10_000,
          });
          return;
        }
        notifications.show({ color: 'teal', title: 'Tariff deleted', message: t.name });
        navigate('/tariffs');
      },
    });

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/tariffs">
          Tariffs &amp; rates
        </Anchor>
        <span>{tariff?.name ?? 'Tariff'}</span>
      </Breadcrumbs>

      <LoadError title="Could not load the tariff" error={isNotFound(error) ? null : error} />
      {fetching && !data && (
        <Stack>
          <Skeleton height={34} width={320} />
          <Skeleton height={240} />
        </Stack>
      )}
      {((data && !tariff) || isNotFound(error)) && (
        <Missing what="tariff" id={id} back={{ to: '/tariffs', label: 'the tariffs' }} />
      )}

      {tariff && (
        <>
          <Group justify="space-between" align="flex-start">
            <div>
              <Group gap="sm">
                <Title order={2}>{tariff.name}</Title>
                {tariff.isDefault && <Badge variant="light">Default</Badge>}
              </Group>
              <Text size="sm" c="dimmed" maw={720}>
                {BAND_MODE_LABELS[tariff.bandMode]}: {BAND_MODE_HELP[tariff.bandMode]} Peak times:{' '}
                <Anchor component={Link} to="/peak-times" size="sm">
                  {tariff.peakTimes?.name ?? 'the default schedule'}
                </Anchor>
                .
              </Text>
              {tariff.description && (
                <Text size="sm" mt={4} maw={720} style={{ whiteSpace: 'pre-line' }}>
                  {tariff.description}
                </Text>
              )}
            </div>
            <Group gap="xs">
              <Button leftSection={<IconUpload size={16} />} onClick={() => setUpload({ file: null, group: groups[0] ?? null })}>
                Upload rate sheet
              </Button>
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
              <Button
                color="red"
                variant="subtle"
                leftSection={<IconTrash size={16} />}
                loading={deleting.fetching}
                onClick={() => confirmDelete(tariff)}
              >
                Delete
              </Button>
            </Group>
          </Group>

          <Tabs
            value={tab}
            onChange={(t) => navigate(t === 'quote' ? `/tariffs/${id}/quote` : `/tariffs/${id}`)}
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="rates" leftSection={<IconFileSpreadsheet size={16} />}>
                Rate sheets{' '}
                <Badge size="xs" variant="light" color="gray" ml={4}>
                  {tariff.rateSheets?.length ?? 0}
                </Badge>
              </Tabs.Tab>
              <Tabs.Tab value="quote" leftSection={<IconCalculator size={16} />}>
                Quote a call
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="rates" pt="md">
              {groups.length === 0 ? (
                <Stack gap="xs" maw={760}>
                  <Title order={4}>No rate sheet yet</Title>
                  <Text size="sm" c="dimmed">
                    Until this tariff has a rate sheet its calls have no rate. The first upload becomes version 1 for
                    any provider, outbound; you can choose a provider or inbound before uploading.
                  </Text>
                  <CsvDropzone
                    title="No rate sheet yet — drop a CSV here"
                    inputLabel="Rate sheet file"
                    onFile={(file) => setUpload({ file, group: null })}
                  />
                </Stack>
              ) : (
                <Stack gap="lg">
                  {groups.map((g) => (
                    <VersionHistory
                      key={g.key}
                      group={g}
                      selectedId={selected?.id}
                      onSelect={selectSheet}
                      onUpload={() => setUpload({ file: null, group: g })}
                    />
                  ))}
                  {selected && <RateRowsTable sheet={selected} />}
                </Stack>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="quote" pt="md">
              <QuotePanel tariff={tariff} />
            </Tabs.Panel>
          </Tabs>

          <TariffFormModal
            opened={editing}
            title={`Edit ${tariff.name}`}
            submitLabel="Save changes"
            initialValues={tariffToFormValues(tariff)}
            onClose={() => setEditing(false)}
            onSubmit={async (values) => {
              const result = await updateTariff(
                { id: tariff.id, input: toUpdateTariffInput(values) },
                { additionalTypenames: ['Tariff'] },
              );
              if (result.error || !result.data) return result.error;
              notifications.show({ color: 'teal', title: 'Tariff saved', message: result.data.updateTariff.name });
              setEditing(false);
              // Making this the default unmarks another tariff: refresh what the lists show.
              refetch();
              return undefined;
            }}
          />
          <UploadRateSheetModal
            opened={upload !== null}
            onClose={() => setUpload(null)}
            tariff={tariff}
            groups={groups}
            initialFile={upload?.file}
            initialGroup={upload?.group}
            onUploaded={(sheet) => {
              setUpload(null);
              selectSheet(sheet.id);
              refetch();
            }}
          />
        </>
      )}
    </Stack>
  );
}

function VersionHistory({
  group,
  selectedId,
  onSelect,
  onUpload,
}: {
  group: SheetGroup;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  onUpload: () => void;
}) {
  const title = groupTitle(group);
  const format = useFormat();
  return (
    <Paper withBorder radius="md">
      <Group justify="space-between" px="md" pt="sm" pb={4}>
        <div>
          <Title order={4}>{title}</Title>
          <Text size="sm" c="dimmed">
            {group.inForce
              ? `Version ${group.inForce.version} in force, ${group.inForce.rowCount} rates`
              : 'No version in force now'}
          </Text>
        </div>
        <Button variant="light" size="xs" leftSection={<IconUpload size={14} />} onClick={onUpload}>
          New version
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="xs" highlightOnHover aria-label={`${title} versions`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Version</Table.Th>
              <Table.Th>Effective ({format.zoneName})</Table.Th>
              <Table.Th ta="right">Rows</Table.Th>
              <Table.Th>File</Table.Th>
              <Table.Th>Uploaded ({format.zoneName})</Table.Th>
              <Table.Th w={140}>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.versions.map((v) => {
              const isSelected = v.id === selectedId;
              const future = !v.inForce && !v.effectiveUntil;
              return (
                <Table.Tr
                  key={v.id}
                  bg={isSelected ? 'var(--mantine-primary-color-light)' : undefined}
                  aria-selected={isSelected}
                >
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text fw={600}>v{v.version}</Text>
                      {v.inForce ? (
                        <Badge color="teal" variant="light" size="sm">
                          In force
                        </Badge>
                      ) : future ? (
                        <Badge color="blue" variant="light" size="sm">
                          Scheduled
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" size="sm">
                          Superseded
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {isAlways(v.effectiveFrom) ? 'From the start' : format.dateTime(v.effectiveFrom)} →{' '}
                      {v.effectiveUntil ? format.dateTime(v.effectiveUntil) : v.inForce ? 'in force' : 'open-ended'}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {v.rowCount}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" lineClamp={1}>
                      {v.fileName ?? '—'}
                    </Text>
                    {v.units === 'MAJOR' && (
                      <Text size="xs" c="dimmed">
                        uploaded in {format.majorUnitName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{format.dateTime(v.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="xs"
                        variant={isSelected ? 'filled' : 'subtle'}
                        onClick={() => onSelect(v.id)}
                        aria-label={`View rates of version ${v.version}`}
                        aria-pressed={isSelected}
                      >
                        {isSelected ? 'Viewing' : 'View rates'}
                      </Button>
                      <Tooltip label={`Download version ${v.version} as CSV`}>
                        <ActionIcon
                          component="a"
                          href={v.downloadURL}
                          download
                          variant="subtle"
                          aria-label={`Download version ${v.version}`}
                        >
                          <IconDownload size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
