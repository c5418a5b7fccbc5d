import {
  Alert,
  Anchor,
  Badge,
  Button,
  CloseButton,
  Group,
  Paper,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconFilterOff, IconPhoneCall, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadingRows } from '../common/loading';
import { CursorPager } from '../common/CursorPager';
import { countOf, formatCount } from '../common/numbers';
import { pageVariables, withCursor, type Cursor } from '../common/pager';
import { sortFromParams, sortToParams, type Sort } from '../common/sort';
import { SortTh } from '../common/SortTh';
import { useSettings } from '../common/settings';
import { useFormat } from '../common/useFormat';
import { apiErrorMessage } from '../graphql/errors';
import type { CallOrderField, CallStatus } from '../gql/graphql';
import {
  CALL_STATUS_COLORS,
  CALL_STATUS_LABELS,
  callFilterToWhere,
  callsCsvURL,
  emptyCallFilter,
  filterFromParams,
  filterToParams,
  type CallFilter,
} from './callFilter';
import { CallListQuery, CallUploadQuery, OpenUploadsQuery } from './documents';

export const CALLS_PAGE_SIZE = 50;

function sortLabel(s: Sort<CallOrderField>): string {
  const asc = s.direction === 'ASC';
  if (s.field === 'START') return asc ? 'oldest first' : 'newest first';
  if (s.field === 'DURATION') return asc ? 'shortest first' : 'longest first';
  return asc ? 'by status' : 'by status, reversed';
}

const num = { fontVariantNumeric: 'tabular-nums' } as const;
const BAND_LABELS = { PEAK: 'Peak', OFFPEAK: 'Off-peak', WEEKEND: 'Weekend' } as const;
const CALL_SORT_FIELDS: readonly CallOrderField[] = ['START', 'DURATION', 'STATUS'];
const NEWEST_FIRST: Sort<CallOrderField> = { field: 'START', direction: 'DESC' };
/** Cells that truncate show the whole text on hover. */
const cut = { maxWidth: 130, overflow: 'hidden', textOverflow: 'ellipsis' } as const;

/** The rate row that priced a call, for people: "UK Mobile (07*)". */
function rateRow(c: { rate?: { description?: string | null } | null; rateDestinationDisplay?: string | null }): string {
  const prefix = c.rateDestinationDisplay ?? '';
  return c.rate?.description ? `${c.rate.description} (${prefix})` : prefix;
}

/**
 * Calls with filters in the URL, totals of what the filters select, cursor
 * pages and a CSV export. Given a customer, it shows that customer's calls
 * of processed uploads (an upload's calls become the customer's when it is
 * processed), exported by the streamed customer endpoint.
 */
export function CallsBrowser({ customerId }: { customerId?: string }) {
  const [params, setParams] = useSearchParams();
  const { countryCode } = useSettings();
  const format = useFormat();
  const filter = useMemo(() => filterFromParams(params), [params]);
  const after = params.get('after');
  const before = params.get('before');

  const setFilter = (patch: Partial<CallFilter>) =>
    setParams((p) => filterToParams({ ...filterFromParams(p), ...patch }, p), { replace: true });

  // Typed numbers are searched once the clerk pauses.
  const [cli, setCli] = useState(filter.cli);
  const [destination, setDestination] = useState(filter.destination);
  const searchNumbers = useDebouncedCallback(
    (numbers: Pick<CallFilter, 'cli' | 'destination'>) =>
      setParams(
        (p) => {
          const current = filterFromParams(p);
          // Spaces alone change no search: stay on the page shown.
          if (current.cli === numbers.cli.trim() && current.destination === numbers.destination.trim()) return p;
          return filterToParams({ ...current, ...numbers }, p);
        },
        { replace: true },
      ),
    300,
  );

  const [{ data: openData, error: openError }] = useQuery({
    query: OpenUploadsQuery,
    pause: !customerId,
    context: useMemo(() => ({ additionalTypenames: ['CdrUpload'] }), []),
  });
  const excludeUploadIds = useMemo(
    () => (openData?.cdrUploads.edges ?? []).flatMap((e) => (e?.node ? [e.node.id] : [])),
    [openData],
  );
  const scopeReady = !customerId || !!openData;

  const where = useMemo(
    () =>
      callFilterToWhere(filter, {
        customerId,
        excludeUploadIds: customerId ? excludeUploadIds : undefined,
        zone: format.zone,
        countryCode,
      }),
    [filter, customerId, excludeUploadIds, format.zone, countryCode],
  );
  const sort = useMemo(() => sortFromParams(params, CALL_SORT_FIELDS, NEWEST_FIRST), [params]);
  const onSort = (s: Sort<CallOrderField>) => setParams((p) => sortToParams(p, s, NEWEST_FIRST), { replace: true });
  const variables = useMemo(
    () => ({ ...pageVariables(CALLS_PAGE_SIZE, { after, before }), where, orderBy: sort }),
    [after, before, where, sort],
  );
  const [{ data, fetching, error }] = useQuery({
    query: CallListQuery,
    variables,
    pause: !scopeReady,
    context: useMemo(() => ({ additionalTypenames: ['Call', 'CdrUpload'] }), []),
  });

  const [{ data: uploadData }] = useQuery({
    query: CallUploadQuery,
    variables: { id: filter.uploadId ?? '' },
    pause: !filter.uploadId,
  });
  const upload = uploadData?.node && 'fileName' in uploadData.node ? uploadData.node : null;

  const connection = data?.calls;
  const calls = (connection?.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const totals = data?.callTotals;
  const filtered =
    filter.from || filter.to || filter.cli || filter.destination || filter.status || filter.uploadId || filter.unbilled;

  const goTo = (cursor: Cursor) => setParams((p) => withCursor(p, cursor));

  const clearAll = () => {
    searchNumbers.cancel();
    setCli('');
    setDestination('');
    setParams((p) => filterToParams(emptyCallFilter, p), { replace: true });
  };

  const exportHref = callsCsvURL(filter, { customerId, zone: format.zone, countryCode });
  const exportHelp = `A CSV of the ${totals ? countOf(totals.calls, 'call') : 'calls'} ${
    filtered ? 'these filters select' : customerId ? 'of the customer' : 'of every upload'
  }, oldest first.`;

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <DateInput
            label="From"
            valueFormat="YYYY-MM-DD"
            placeholder="First day"
            value={filter.from}
            onChange={(v) => setFilter({ from: v })}
            clearable
            w={150}
          />
          <DateInput
            label="To"
            valueFormat="YYYY-MM-DD"
            placeholder="Last day"
            value={filter.to}
            onChange={(v) => setFilter({ to: v })}
            minDate={filter.from ?? undefined}
            clearable
            w={150}
          />
          <TextInput
            label="CLI"
            placeholder="e.g. 0113 496 0001"
            leftSection={<IconSearch size={14} />}
            value={cli}
            onChange={(e) => {
              setCli(e.currentTarget.value);
              searchNumbers({ cli: e.currentTarget.value, destination });
            }}
            w={190}
          />
          <TextInput
            label="Destination"
            placeholder="e.g. 07700 or +33"
            leftSection={<IconSearch size={14} />}
            value={destination}
            onChange={(e) => {
              setDestination(e.currentTarget.value);
              searchNumbers({ cli, destination: e.currentTarget.value });
            }}
            w={190}
          />
          <Select
            label="Status"
            placeholder="Any status"
            data={(Object.keys(CALL_STATUS_LABELS) as CallStatus[]).map((s) => ({ value: s, label: CALL_STATUS_LABELS[s] }))}
            value={filter.unbilled ? 'PRICED' : filter.status}
            onChange={(v) => setFilter({ status: (v as CallStatus | null) ?? null })}
            disabled={filter.unbilled}
            clearable
            w={180}
          />
          {customerId && (
            <Switch
              label="Unbilled only"
              checked={filter.unbilled}
              onChange={(e) => setFilter({ unbilled: e.currentTarget.checked })}
              mb={8}
            />
          )}
          {filtered && (
            <Button variant="subtle" leftSection={<IconFilterOff size={16} />} onClick={clearAll} mb={2}>
              Clear filters
            </Button>
          )}
        </Group>
        {filter.uploadId && (
          <Group gap={4} mt="xs">
            <Badge
              variant="light"
              size="lg"
              rightSection={
                <CloseButton size="xs" aria-label="Show calls of every upload" onClick={() => setFilter({ uploadId: null })} />
              }
            >
              Upload: {upload ? upload.fileName : filter.uploadId}
            </Badge>
            {upload && (
              <Anchor component={Link} to={`/uploads/${upload.id}`} size="sm">
                open the upload
              </Anchor>
            )}
          </Group>
        )}
        <Text size="xs" c="dimmed" mt={6}>
          Days are whole days in {format.zone} time, and times are shown in it. Numbers are matched however they are
          written: a national 0…, +{countryCode}… and {countryCode}… are the same number.
        </Text>
      </Paper>

      {(error || openError) && (
        <Alert color="red" title="Could not load calls">
          {apiErrorMessage(error ?? openError)}
        </Alert>
      )}

      <Group justify="space-between" align="center">
        <Group gap="xl" aria-label="Totals" role="group">
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Calls
            </Text>
            <Text fw={700} size="lg" style={num} data-testid="calls-total">
              {totals ? formatCount(totals.calls) : '…'}
            </Text>
          </div>
          <div>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              Price of priced calls
            </Text>
            <Text fw={700} size="lg" style={num} data-testid="calls-price">
              {totals ? format.total(totals.price) : '…'}
            </Text>
          </div>
        </Group>
        <Tooltip label={exportHelp} multiline w={300} withArrow>
          <Button component="a" href={exportHref} download variant="default" leftSection={<IconDownload size={16} />}>
            Export CSV
          </Button>
        </Tooltip>
      </Group>

      {!data && (fetching || !scopeReady) ? (
        <LoadingRows label="Loading calls" rows={6} height={32} />
      ) : calls.length === 0 && !error ? (
        <Paper withBorder radius="md" p="xl">
          <Stack align="center" gap={4}>
            <IconPhoneCall size={28} color="var(--mantine-color-dimmed)" />
            <Text fw={500}>{filtered ? 'No call matches these filters' : 'No calls yet'}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={520}>
              {filtered
                ? 'Widen the dates or clear a filter.'
                : customerId
                  ? 'Calls appear here once a CDR upload with calls from this customer’s CLIs is processed.'
                  : 'Upload a CDR file: its calls appear here as soon as it is analysed.'}
            </Text>
            {!filtered && !customerId && (
              <Button component={Link} to="/uploads" variant="light" mt="xs">
                Upload a CDR file
              </Button>
            )}
          </Stack>
        </Paper>
      ) : (
        calls.length > 0 && (
          <Paper withBorder radius="md" style={{ opacity: fetching ? 0.7 : 1, transition: 'opacity 120ms' }}>
            <Table.ScrollContainer minWidth={customerId ? 960 : 1120}>
              <Table
                striped
                highlightOnHover
                verticalSpacing={6}
                horizontalSpacing={6}
                fz="sm"
                aria-label="Calls"
                aria-busy={fetching}
                style={{ whiteSpace: 'nowrap' }}
              >
                <Table.Thead>
                  <Table.Tr>
                    <SortTh field="START" sort={sort} onSort={onSort} firstDirection="DESC" title={`Times in ${format.zone}`}>
                      Start
                    </SortTh>
                    <Table.Th>CLI</Table.Th>
                    <Table.Th>Dialled</Table.Th>
                    <SortTh field="DURATION" sort={sort} onSort={onSort} firstDirection="DESC" ta="right" title="Answered seconds">
                      Secs
                    </SortTh>
                    <Table.Th ta="right" title="Seconds charged, after the rate's duration block">
                      Billed
                    </Table.Th>
                    <Table.Th ta="right" title="The sell rate per minute applied, for the call's band; point at it for the rate row">
                      Rate
                    </Table.Th>
                    <SortTh field="STATUS" sort={sort} onSort={onSort}>
                      Status
                    </SortTh>
                    <Table.Th ta="right">Price</Table.Th>
                    <Table.Th ta="right">Cost</Table.Th>
                    {!customerId && <Table.Th>Customer</Table.Th>}
                    {!customerId && <Table.Th>Upload</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {calls.map((c) => (
                    <Table.Tr key={c.id}>
                      <Table.Td style={num}>{format.dateTime(c.start, { seconds: true })}</Table.Td>
                      <Table.Td style={num} title={c.account ? `Account ${c.account}` : undefined}>
                        {c.sourceDisplay}
                        {c.account && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            ({c.account})
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td style={num}>{c.destinationDisplay}</Table.Td>
                      <Table.Td ta="right" style={num}>
                        {c.duration}
                      </Table.Td>
                      <Table.Td ta="right" style={num}>
                        {c.billableSeconds}
                      </Table.Td>
                      <Table.Td ta="right" style={num} data-testid="call-rate">
                        {c.ratePerMinute != null && (
                          <Tooltip label={rateRow(c)} withArrow position="top-end">
                            <span>
                              {format.minor(c.ratePerMinute)}/min
                              {c.band && (
                                <Text span size="xs" c="dimmed">
                                  {' '}
                                  {BAND_LABELS[c.band]}
                                </Text>
                              )}
                            </span>
                          </Tooltip>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={CALL_STATUS_COLORS[c.status]} variant="light" size="sm" style={{ overflow: 'visible' }}>
                          {CALL_STATUS_LABELS[c.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td
                        ta="right"
                        style={num}
                        c={c.status === 'PRICED' ? undefined : 'dimmed'}
                        title={c.status === 'PRICED' ? undefined : 'Not charged: its value at the default tariff'}
                        data-testid="call-price"
                      >
                        {/* A call no rate matched (without a rate, zero duration, or without a customer and
                            no rate at the default tariff) has no price: its stored 0 is not one. */}
                        {format.price(c.rateDestination ? c.price : null)}
                      </Table.Td>
                      <Table.Td ta="right" style={num} c="dimmed">
                        {format.price(c.cost)}
                      </Table.Td>
                      {!customerId && (
                        <Table.Td style={cut} title={c.customer?.name}>
                          {c.customer ? (
                            <Anchor component={Link} to={`/customers/${c.customer.id}/calls`} size="sm">
                              {c.customer.name}
                            </Anchor>
                          ) : (
                            <Text span size="sm" c="dimmed">
                              —
                            </Text>
                          )}
                        </Table.Td>
                      )}
                      {!customerId && (
                        <Table.Td style={cut} title={`${c.upload.fileName}, line ${c.line}`}>
                          <Anchor component={Link} to={`/uploads/${c.upload.id}`} size="sm">
                            {c.upload.fileName}
                          </Anchor>
                        </Table.Td>
                      )}
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
          pageSize={CALLS_PAGE_SIZE}
          summary={`${countOf(connection.totalCount, 'call')}, ${sortLabel(sort)}`}
          onPage={goTo}
          newestFirst={sort.field === 'START' && sort.direction === 'DESC'}
        />
      )}
    </Stack>
  );
}
