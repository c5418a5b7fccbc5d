import { Badge, Button, Code, EmptyState, Group, Paper, Select, Stack, Table, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { CursorPager, useUrlCursor } from '../common/CursorPager';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { pageVariables } from '../common/pager';
import { useFormat } from '../common/useFormat';
import type { AuditEntryViewerKind } from '../gql/graphql';
import { usePageTitle } from '../shell/usePageTitle';
import { filterFromParams, OUTCOMES, toAuditFilter, withFilter, type AuditFilterValues } from './auditFilters';
import { AuditLogQuery } from './documents';
import { SettingsTabs } from './SettingsTabs';

const PAGE_SIZE = 50;

const KIND_LABELS: Record<AuditEntryViewerKind, string> = {
  ANONYMOUS: 'Not signed in',
  STAFF: 'Staff',
  PORTAL: 'Portal',
  TOKEN: 'API token',
  SYSTEM: 'Tollgate',
};

/** The audit log: every change, sign-in and refused request, newest first, for admins. */
export function AuditPage() {
  usePageTitle('Audit log');
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [cursor, goTo] = useUrlCursor();
  const applied = filterFromParams(params);
  const [typed, setTyped] = useState({ who: applied.who, action: applied.action });
  const [debounced] = useDebouncedValue(typed, 300);

  const setFilter = (f: Partial<AuditFilterValues>) => setParams((p) => withFilter(p, { ...filterFromParams(p), ...f }), { replace: true });
  useEffect(() => {
    if (debounced.who === applied.who && debounced.action === applied.action) return;
    setParams((p) => withFilter(p, { ...filterFromParams(p), ...debounced }), { replace: true });
  }, [debounced, applied.who, applied.action, setParams]);

  const filterKey = params.toString();
  const variables = useMemo(
    () => ({ filter: toAuditFilter(filterFromParams(new URLSearchParams(filterKey)), format.zone), ...pageVariables(PAGE_SIZE, cursor) }),
    [filterKey, format.zone, cursor],
  );
  const [{ data, fetching, error }] = useQuery({ query: AuditLogQuery, variables, requestPolicy: 'cache-and-network' });
  const connection = data?.auditLog;
  const entries = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const filtered = Object.values(applied).some((v) => v);

  return (
    <Stack gap="md">
      <Title order={2}>Settings</Title>
      <SettingsTabs current="/settings/audit" />
      <Text c="dimmed" size="sm" maw={760}>
        Every change made through Tollgate, every sign-in and every refused request, with who did it, from where and how it ended.
        Entries are never changed or deleted. Times are in {format.zone}.
      </Text>

      <Group align="flex-end" gap="sm" role="search" aria-label="Filter the audit log">
        <TextInput label="Who" placeholder="Name, email or token" value={typed.who} onChange={(e) => setTyped({ ...typed, who: e.currentTarget.value })} w={200} />
        <TextInput
          label="Action"
          placeholder="e.g. createCustomer, signIn, refused"
          value={typed.action}
          onChange={(e) => setTyped({ ...typed, action: e.currentTarget.value })}
          w={240}
        />
        <Select label="Outcome" data={OUTCOMES} value={applied.outcome} onChange={(v) => setFilter({ outcome: v ?? '' })} allowDeselect={false} w={200} />
        <DateInput label="From" valueFormat="D MMM YYYY" value={applied.from || null} onChange={(v) => setFilter({ from: v ?? '' })} clearable w={150} />
        <DateInput label="To" valueFormat="D MMM YYYY" value={applied.to || null} onChange={(v) => setFilter({ to: v ?? '' })} clearable w={150} />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => {
              setTyped({ who: '', action: '' });
              setFilter({ who: '', action: '', outcome: '', from: '', to: '' });
            }}
          >
            Clear filters
          </Button>
        )}
      </Group>

      <LoadError title="Could not load the audit log" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading the audit log" rows={6} height={40} />
      ) : entries.length === 0 && !error ? (
        <EmptyState
          mt="xl"
          variant="light"
          icon={<IconListSearch size={28} />}
          title={filtered ? 'Nothing matches these filters' : 'Nothing recorded yet'}
          description={filtered ? 'Widen the dates or clear a filter.' : 'Changes, sign-ins and refused requests appear here as they happen.'}
        />
      ) : (
        entries.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={980}>
              <Table verticalSpacing="xs" aria-label="Audit log" striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>When</Table.Th>
                    <Table.Th>Who</Table.Th>
                    <Table.Th>Action</Table.Th>
                    <Table.Th>Records</Table.Th>
                    <Table.Th>From</Table.Th>
                    <Table.Th>Outcome</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {entries.map((e) => (
                    <Table.Tr key={e.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Text size="sm">{format.dateTime(e.at, { seconds: true })}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {e.who || '—'}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {KIND_LABELS[e.viewerKind]}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{e.action}</Code>
                        {e.operation && (
                          <Text size="xs" c="dimmed">
                            {e.operation}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs" style={{ wordBreak: 'break-all' }} maw={180}>
                          {e.ids || '—'}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Tooltip label={e.userAgent || 'No user agent'} multiline maw={360} withArrow>
                          <Text size="sm">{e.ip || '—'}</Text>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>
                        <Badge color={e.outcome === 'OK' ? 'teal' : 'red'} variant="light">
                          {e.outcome === 'OK' ? 'OK' : e.outcome}
                        </Badge>
                        {e.message && (
                          <Text size="xs" c="dimmed" maw={320}>
                            {e.message}
                          </Text>
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
        <CursorPager
          connection={connection}
          pageSize={PAGE_SIZE}
          summary={`${countOf(connection.totalCount, 'entry', 'entries')}, newest first`}
          onPage={goTo}
          newestFirst
        />
      )}
    </Stack>
  );
}
