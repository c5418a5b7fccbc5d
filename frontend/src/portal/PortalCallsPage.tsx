import { Button, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconDownload, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { dayRange } from '../common/time';
import { useFormat } from '../common/useFormat';
import { BAND_LABELS } from '../peaktimes/blocks';
import { usePageTitle } from '../shell/usePageTitle';
import { PortalCallsQuery } from './documents';
import { usePortalAccount } from './PortalApp';
import { num } from './parts';

export const PORTAL_CALLS_PAGE_SIZE = 50;

/** 65 → "1:05"; an hour or more → "1:01:05". */
export function callLength(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The calls CSV of a filter: the same customer, days and number the page shows. */
export function portalCallsCsvURL(f: { customerID?: string | null; from?: string | null; to?: string | null; number?: string | null }): string {
  const p = new URLSearchParams();
  if (f.customerID) p.set('customer', f.customerID);
  if (f.from) p.set('from', f.from);
  if (f.to) p.set('to', f.to);
  if (f.number) p.set('number', f.number);
  const q = p.toString();
  return `/download/portal/calls.csv${q ? `?${q}` : ''}`;
}

/** The customer's priced calls with filters in the address, their totals, pages and a CSV of the same calls. */
export function PortalCallsPage() {
  usePageTitle('Calls');
  const format = useFormat();
  const { customers } = usePortalAccount();
  const [params, setParams] = useSearchParams();
  const customerID = params.get('customer') ?? '';
  const fromDay = params.get('from') ?? '';
  const toDay = params.get('to') ?? '';
  const number = params.get('number') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [typed, setTyped] = useState(number);
  const several = customers.length > 1;

  const set = (changes: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    if (!('page' in changes)) p.delete('page');
    setParams(p, { replace: true });
  };
  const setNumber = useDebouncedCallback((v: string) => set({ number: v.trim() || null }), 300);

  const filter = useMemo(() => {
    const { from, to } = dayRange(fromDay || null, toDay || null, format.zone);
    return { customerID: customerID || null, from, to, number: number || null };
  }, [customerID, fromDay, toDay, number, format.zone]);
  const [{ data, fetching, error }] = useQuery({
    query: PortalCallsQuery,
    variables: { filter, first: PORTAL_CALLS_PAGE_SIZE, offset: (page - 1) * PORTAL_CALLS_PAGE_SIZE },
  });
  const calls = data?.portal.calls;
  const pages = calls ? Math.max(1, Math.ceil(calls.totalCount / PORTAL_CALLS_PAGE_SIZE)) : 1;
  const filtered = !!(customerID || fromDay || toDay || number);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2}>Calls</Title>
        <Button component="a" href={portalCallsCsvURL(filter)} download variant="default" leftSection={<IconDownload size={16} />}>
          Export CSV
        </Button>
      </Group>
      <Paper withBorder radius="md" p="sm" component="form" aria-label="Filter calls" onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: several ? 4 : 3 }} spacing="sm">
          {several && (
            <Select
              label="Account"
              placeholder="All accounts"
              data={customers.map((c) => ({ value: c.id, label: `${c.name} (${c.reference})` }))}
              value={customerID || null}
              onChange={(v) => set({ customer: v })}
              clearable
            />
          )}
          <DateInput
            label="From"
            valueFormat="D MMM YYYY"
            placeholder="First day"
            value={fromDay || null}
            onChange={(v) => set({ from: v })}
            clearable
          />
          <DateInput
            label="To"
            valueFormat="D MMM YYYY"
            placeholder="Last day"
            value={toDay || null}
            onChange={(v) => set({ to: v })}
            minDate={fromDay || undefined}
            clearable
          />
          <TextInput
            label="Number contains"
            placeholder="e.g. 0161 496"
            leftSection={<IconSearch size={14} />}
            value={typed}
            onChange={(e) => {
              setTyped(e.currentTarget.value);
              setNumber(e.currentTarget.value);
            }}
          />
        </SimpleGrid>
      </Paper>
      <LoadError title="Your calls could not be loaded" error={error} />
      {!calls && fetching && <LoadingRows label="Loading your calls" rows={6} height={32} />}
      {calls && (
        <Text size="sm" data-testid="portal-calls-totals">
          <b>{countOf(calls.totalCount, 'call')}</b>
          {filtered ? ' match' : ' in all'}, costing <b style={num}>{format.total(calls.totalPrice)}</b>. Times are {format.zoneName}.
        </Text>
      )}
      {calls && calls.totalCount === 0 && (
        <Paper withBorder radius="md" p="xl">
          <Text ta="center" c="dimmed">
            {filtered ? 'No calls match these filters.' : 'No calls yet: they show here once your provider’s records of them are priced.'}
          </Text>
        </Paper>
      )}
      {calls && calls.nodes.length > 0 && (
        <Stack gap="xs" component="ul" aria-label="Calls" p={0} m={0} hiddenFrom="md" style={{ listStyle: 'none' }}>
          {calls.nodes.map((c) => (
            <Paper withBorder radius="md" p="sm" component="li" key={c.id}>
              <Group justify="space-between" wrap="nowrap" gap="xs">
                <Text size="sm" fw={600} style={num}>
                  {c.dialled}
                </Text>
                <Text size="sm" fw={600} style={num}>
                  {format.price(c.price)}
                </Text>
              </Group>
              <Text size="sm" c="dimmed" style={num}>
                {format.dateTime(c.start, { seconds: true })} · {callLength(c.duration)}
                {c.band && ` · ${BAND_LABELS[c.band]}`}
              </Text>
              <Text size="sm" c="dimmed" style={num}>
                From {c.cli}
                {c.destination && ` · ${c.destination}`}
                {several && ` · ${c.customerName}`}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
      {calls && calls.nodes.length > 0 && (
        <Paper withBorder radius="md" style={{ opacity: fetching ? 0.7 : 1 }} visibleFrom="md">
          <Table.ScrollContainer minWidth={several ? 980 : 820}>
            <Table striped verticalSpacing={6} fz="sm" aria-label="Calls" style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Date and time</Table.Th>
                  {several && <Table.Th>Account</Table.Th>}
                  <Table.Th>From</Table.Th>
                  <Table.Th>Number dialled</Table.Th>
                  <Table.Th>Destination</Table.Th>
                  <Table.Th>Band</Table.Th>
                  <Table.Th ta="right">Length</Table.Th>
                  <Table.Th ta="right">Price</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {calls.nodes.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={num}>{format.dateTime(c.start, { seconds: true })}</Table.Td>
                    {several && <Table.Td>{c.customerName}</Table.Td>}
                    <Table.Td style={num}>{c.cli}</Table.Td>
                    <Table.Td style={num}>{c.dialled}</Table.Td>
                    <Table.Td>{c.destination ?? '—'}</Table.Td>
                    <Table.Td>{c.band ? BAND_LABELS[c.band] : '—'}</Table.Td>
                    <Table.Td ta="right" style={num}>
                      {callLength(c.duration)}
                    </Table.Td>
                    <Table.Td ta="right" style={num}>
                      {format.price(c.price)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {pages > 1 && <Pagination value={page} total={pages} onChange={(p) => set({ page: String(p) })} aria-label="Pages of calls" />}
    </Stack>
  );
}
