import { Anchor, Badge, EmptyState, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { CursorPager, useUrlCursor } from '../common/CursorPager';
import { DIRECTION_LABELS } from '../common/labels';
import { countOf, formatBytes, formatCount } from '../common/numbers';
import { pageVariables } from '../common/pager';
import { sortFromParams, sortToParams, type Sort } from '../common/sort';
import { SortTh } from '../common/SortTh';
import { useFormat } from '../common/useFormat';
import type { CdrUploadOrderField, UploadRowFragment } from '../gql/graphql';
import { usePageTitle } from '../shell/usePageTitle';
import { UploadListQuery } from './documents';
import { isRunning, newerUpload, STATUS_COLORS, STATUS_LABELS } from './progress';
import { UploadCdrForm } from './UploadCdrForm';
import { UploadProgressBar } from './UploadProgressBar';
import { useStallRefetch } from './useStallRefetch';
import { useUploadEvents } from './useUploadEvents';

export const UPLOADS_PAGE_SIZE = 25;

const listContext = { additionalTypenames: ['CdrUpload'] };
const num = { fontVariantNumeric: 'tabular-nums' } as const;
const UPLOAD_SORT_FIELDS: readonly CdrUploadOrderField[] = ['FILE_NAME', 'CREATED_AT', 'STATUS'];
const NEWEST_FIRST: Sort<CdrUploadOrderField> = { field: 'CREATED_AT', direction: 'DESC' };

function sortLabel(s: Sort<CdrUploadOrderField>): string {
  const asc = s.direction === 'ASC';
  if (s.field === 'CREATED_AT') return asc ? 'oldest first' : 'newest first';
  if (s.field === 'FILE_NAME') return asc ? 'by name' : 'by name, Z to A';
  return asc ? 'by status' : 'by status, reversed';
}

export function UploadListPage() {
  usePageTitle('Uploads (CDR)');
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [{ after, before }, goTo] = useUrlCursor();
  const format = useFormat();
  const sort = useMemo(() => sortFromParams(params, UPLOAD_SORT_FIELDS, NEWEST_FIRST), [params]);
  const onSort = (s: Sort<CdrUploadOrderField>) => setParams((p) => sortToParams(p, s, NEWEST_FIRST));
  const variables = useMemo(
    () => ({ ...pageVariables(UPLOADS_PAGE_SIZE, { after, before }), orderBy: sort }),
    [after, before, sort],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: UploadListQuery, variables, context: listContext });
  const refetch = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const live = useUploadEvents();

  const connection = data?.cdrUploads;
  const uploads = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));

  // An upload started elsewhere (another tab, the API) appears on the first page once it reports progress.
  const refetchedFor = useRef(new Set<string>());
  useEffect(() => {
    if (!data || after || before) return;
    const known = new Set(uploads.map((u) => u.id));
    const unknown = Object.keys(live).filter((id) => !known.has(id) && !refetchedFor.current.has(id));
    if (unknown.length === 0) return;
    unknown.forEach((id) => refetchedFor.current.add(id));
    reexecute({ requestPolicy: 'network-only' });
  }, [live, data, uploads, after, before, reexecute]);

  // A file analysed before the subscription was listening sends no more events: ask again.
  const anyRunning = uploads.some((u) => isRunning(newerUpload(u, live[u.id]).status));
  const lastEvent = Object.values(live).reduce((latest, u) => (u.updatedAt > latest ? u.updatedAt : latest), '');
  useStallRefetch(anyRunning, lastEvent, refetch);

  return (
    <Stack gap="md">
      <Title order={2}>Uploads (CDR)</Title>
      <Text c="dimmed" size="sm" maw={760}>
        Upload a provider&apos;s call records. Each file is analysed at once: its calls are matched to customers and
        priced. Reconcile what did not match, re-analyse as often as you like, then process the file to make its priced
        calls unbilled calls of their customers.
      </Text>

      <UploadCdrForm initialProviderId={params.get('provider')} />

      <Title order={3} size="h4" mt="sm">
        Uploaded files
      </Title>

      <LoadError title="Could not load uploads" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading uploads" rows={4} height={44} />
      ) : uploads.length === 0 && !error ? (
        <EmptyState
          variant="light"
          icon={<IconFileUpload size={28} />}
          title="No CDR files yet"
          description="Drop your provider's CDR file above. You will watch it being analysed here, call by call."
        />
      ) : (
        uploads.length > 0 && (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={900}>
              <Table highlightOnHover verticalSpacing="sm" aria-label="Uploads">
                <Table.Thead>
                  <Table.Tr>
                    <SortTh field="FILE_NAME" sort={sort} onSort={onSort}>
                      File
                    </SortTh>
                    <Table.Th>Provider</Table.Th>
                    <SortTh field="CREATED_AT" sort={sort} onSort={onSort} firstDirection="DESC">
                      Uploaded ({format.zoneName})
                    </SortTh>
                    <SortTh field="STATUS" sort={sort} onSort={onSort}>
                      Status
                    </SortTh>
                    <Table.Th w={340}>Progress / result</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {uploads.map((queried) => {
                    const u = newerUpload(queried, live[queried.id]);
                    return (
                      <Table.Tr
                        key={u.id}
                        style={{ cursor: 'pointer' }}
                        onClick={(e) => {
                          if ((e.target as HTMLElement).closest('a')) return;
                          navigate(`/uploads/${u.id}`);
                        }}
                      >
                        <Table.Td>
                          <Anchor component={Link} to={`/uploads/${u.id}`} fw={500}>
                            {u.fileName}
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {DIRECTION_LABELS[u.direction]} · {formatBytes(u.sizeBytes)}
                          </Text>
                        </Table.Td>
                        <Table.Td>{u.provider.name}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(u.createdAt)}</Table.Td>
                        <Table.Td>
                          <Badge color={STATUS_COLORS[u.status]} variant="light">
                            {STATUS_LABELS[u.status]}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <UploadOutcome upload={u} />
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

      {connection && (
        <CursorPager
          connection={connection}
          pageSize={UPLOADS_PAGE_SIZE}
          summary={`${countOf(connection.totalCount, 'file')}, ${sortLabel(sort)}`}
          onPage={goTo}
          newestFirst={sort.field === 'CREATED_AT' && sort.direction === 'DESC'}
        />
      )}
    </Stack>
  );
}

/** While the server works: the live bar. Afterwards: what came of it, in one line. */
function UploadOutcome({ upload: u }: { upload: UploadRowFragment }) {
  const format = useFormat();
  if (isRunning(u.status)) return <UploadProgressBar upload={u} size="sm" />;
  if (u.status === 'FAILED') {
    return (
      <Tooltip label={u.failureReason} multiline w={360} disabled={!u.failureReason}>
        <Text size="sm" c="red" lineClamp={2}>
          {u.failureReason || 'The analysis failed.'}
        </Text>
      </Tooltip>
    );
  }
  const unmatched = u.withoutCustomer + u.withoutRate;
  return (
    <Stack gap={0}>
      <Text size="sm" style={num}>
        {formatCount(u.priced)} priced of {formatCount(u.linesRead)} lines · {format.total(u.totalPrice)}
      </Text>
      {u.status === 'READY' && unmatched > 0 && (
        <Text size="xs" c="orange">
          {formatCount(unmatched)} to reconcile
        </Text>
      )}
    </Stack>
  );
}
