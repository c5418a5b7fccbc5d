import { Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { CursorPager } from '../common/CursorPager';
import { countOf } from '../common/numbers';
import { pageVariables, type Cursor } from '../common/pager';
import { useFormat } from '../common/useFormat';
import type { RateSheetVersionFragment } from '../gql/graphql';
import { RateSheetRowsQuery } from './documents';
import { groupTitle } from './sheets';

export const ROWS_PAGE_SIZE = 25;

const num = { fontVariantNumeric: 'tabular-nums' } as const;

/** The rates of one rate sheet version, searchable by destination or description. */
export function RateRowsTable({ sheet }: { sheet: RateSheetVersionFragment }) {
  const format = useFormat();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  // A page belongs to one version and one search: another starts again from the first page.
  const listed = `${sheet.id}|${debounced}`;
  const [paged, setPaged] = useState<{ listed: string; cursor: Cursor }>({ listed, cursor: {} });
  const after = paged.listed === listed ? paged.cursor.after : undefined;
  const before = paged.listed === listed ? paged.cursor.before : undefined;

  const variables = useMemo(
    () => ({ id: sheet.id, ...pageVariables(ROWS_PAGE_SIZE, { after, before }), search: debounced || undefined }),
    [sheet.id, after, before, debounced],
  );
  const [{ data, fetching, error }] = useQuery({ query: RateSheetRowsQuery, variables });
  const rows = data?.rateSheets.edges?.[0]?.node?.rows;
  const rates = (rows?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const searching = search.trim() !== debounced || (fetching && !!data);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4}>
            Rates of version {sheet.version}
          </Title>
          <Text size="sm" c="dimmed">
            {groupTitle(sheet)} · money in {format.minorUnitName} per minute (minimum charge and connection fee per call)
          </Text>
        </div>
        <TextInput
          aria-label="Search rates"
          placeholder="Search destination or description"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          type="search"
          w={320}
        />
      </Group>

      <LoadError title="Could not load the rates" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading rates" rows={6} height={30} />
      ) : (
        <Paper withBorder radius="md" style={{ opacity: searching ? 0.6 : 1, transition: 'opacity 120ms' }}>
          <Table.ScrollContainer minWidth={1000}>
            <Table striped highlightOnHover verticalSpacing={6} fz="sm" aria-label="Rates" aria-busy={searching}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Destination</Table.Th>
                  <Table.Th>Description</Table.Th>
                  <Table.Th ta="right">Minimum</Table.Th>
                  <Table.Th ta="right">Connection</Table.Th>
                  <Table.Th ta="right">Peak</Table.Th>
                  <Table.Th ta="right">Off-peak</Table.Th>
                  <Table.Th ta="right">Weekend</Table.Th>
                  <Table.Th ta="right">Peak cost</Table.Th>
                  <Table.Th ta="right">Off-peak cost</Table.Th>
                  <Table.Th ta="right">Weekend cost</Table.Th>
                  <Table.Th ta="right" title="Duration block in seconds: B, or A/B (first A seconds, then steps of B)">
                    Block (s)
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rates.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={11}>
                      <Text c="dimmed" size="sm" ta="center" py="md">
                        {debounced
                          ? `No rate matches “${debounced}”. Search looks in destinations and descriptions.`
                          : 'This version has no rates.'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ) : (
                  rates.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td ff="monospace">{r.destination}</Table.Td>
                      <Table.Td>{r.description ?? ''}</Table.Td>
                      <Table.Td ta="right" style={num}>{format.minor(r.minimumCharge)}</Table.Td>
                      <Table.Td ta="right" style={num}>{format.minor(r.connectionFee)}</Table.Td>
                      <Table.Td ta="right" style={num}>{format.minor(r.peak)}</Table.Td>
                      <Table.Td ta="right" style={num}>{format.minor(r.offpeak)}</Table.Td>
                      <Table.Td ta="right" style={num}>{format.minor(r.weekend)}</Table.Td>
                      <Table.Td ta="right" style={num} c="dimmed">{format.minor(r.peakCost)}</Table.Td>
                      <Table.Td ta="right" style={num} c="dimmed">{format.minor(r.offpeakCost)}</Table.Td>
                      <Table.Td ta="right" style={num} c="dimmed">{format.minor(r.weekendCost)}</Table.Td>
                      <Table.Td ta="right" style={num}>{r.durationBlock}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {rows && (
        <CursorPager
          connection={rows}
          pageSize={ROWS_PAGE_SIZE}
          summary={`${countOf(rows.totalCount, 'rate')}${debounced ? ` matching “${debounced}”` : ''}`}
          onPage={(cursor) => setPaged({ listed, cursor })}
          size="xs"
        />
      )}
    </Stack>
  );
}
