import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { CallBars, ChartTip } from '../common/charts';
import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconFileInvoice, IconPhoneCall, IconUpload, IconUsers } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf, formatCount } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import type { DashboardQuery as DashboardData } from '../gql/graphql';
import { usePageTitle } from '../shell/usePageTitle';
import { dayName, dueIn, monthName, plotted, share, sumDecimals, todayIn } from './cards';
import { DashboardQuery } from './documents';

type Board = DashboardData['dashboard'];
type Format = ReturnType<typeof useFormat>;

/** Invoices falling due within this many days are listed. */
export const DUE_WITHIN_DAYS = 14;

const num = { fontVariantNumeric: 'tabular-nums' } as const;

export function DashboardPage() {
  usePageTitle('Dashboard');
  const format = useFormat();
  const [days, setDays] = useState('30');
  const variables = useMemo(() => ({ days: Number(days), dueWithin: DUE_WITHIN_DAYS }), [days]);
  const [{ data, fetching, error }] = useQuery({ query: DashboardQuery, variables });
  const board = data?.dashboard;
  const customers = data?.customers.totalCount ?? 0;
  const uploads = data?.cdrUploads.totalCount ?? 0;

  return (
    <Stack gap="lg">
      <Title order={2}>Dashboard</Title>
      <LoadError title="The dashboard could not be loaded" error={error} />
      {!board && fetching && <LoadingRows label="Loading the dashboard" rows={6} height={72} />}
      {board && (
        <>
          {customers === 0 && <FirstSteps />}
          <Figures board={board} format={format} />
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <RevenueCard board={board} format={format} />
            <CallsPerDayCard board={board} format={format} days={days} setDays={setDays} />
            <UnbilledCard board={board} format={format} customers={customers} />
            <DestinationsCard board={board} format={format} days={days} />
            <WaitingCard board={board} format={format} uploads={uploads} />
            <DueCard board={board} format={format} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** A new reseller's first three steps, shown until the first customer exists. */
function FirstSteps() {
  return (
    <Paper withBorder p="md" radius="md" aria-label="Getting started">
      <Title order={3} size="h4" mb="xs">
        Getting started
      </Title>
      <Text size="sm" mb="sm">
        Bill your first customer in three steps: add the customer with their phone numbers, load the rate sheet
        you sell at, then upload a CDR file from your provider and process it.
      </Text>
      <Group gap="sm">
        <Button component={Link} to="/customers/new" size="xs">
          1. Add a customer
        </Button>
        <Button component={Link} to="/tariffs" size="xs" variant="light">
          2. Load a rate sheet
        </Button>
        <Button component={Link} to="/uploads" size="xs" variant="light">
          3. Upload a CDR
        </Button>
      </Group>
    </Paper>
  );
}

/** The four headline figures, each a link to where the clerk acts on it. */
function Figures({ board, format }: { board: Board; format: Format }) {
  const thisMonth = board.revenueByMonth[board.revenueByMonth.length - 1];
  const due = board.invoicesDue;
  return (
    <SimpleGrid cols={{ base: 2, lg: 4 }} spacing={{ base: 'sm', sm: 'lg' }}>
      <Figure
        label="Unbilled calls"
        value={format.total(board.unbilled.total)}
        detail={`${countOf(board.unbilled.customers, 'customer')} to bill`}
        to="/billing-runs"
        testId="figure-unbilled"
      />
      <Figure
        label="Waiting to be processed"
        value={countOf(board.waitingUploads.count, 'upload')}
        detail={`${countOf(board.waitingUploads.calls, 'priced call')}, ${format.total(board.waitingUploads.total)}`}
        to="/uploads"
        testId="figure-waiting"
      />
      <Figure
        label={`Due within ${DUE_WITHIN_DAYS} days`}
        value={format.total(due.total)}
        detail={`${countOf(due.count, 'invoice')}${due.overdue > 0 ? `, ${formatCount(due.overdue)} overdue` : ''}`}
        to="/invoices"
        testId="figure-due"
        alert={due.overdue > 0}
      />
      <Figure
        label={`Invoiced in ${thisMonth ? monthName(thisMonth.month) : 'this month'}`}
        value={format.total(thisMonth?.total ?? '0')}
        detail={countOf(thisMonth?.invoices ?? 0, 'invoice')}
        to="/invoices"
        testId="figure-invoiced"
      />
    </SimpleGrid>
  );
}

function Figure(props: { label: string; value: string; detail: string; to: string; testId: string; alert?: boolean }) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component={Link}
      to={props.to}
      data-testid={props.testId}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {props.label}
      </Text>
      <Text fz={{ base: 20, sm: 26 }} fw={700} style={num} c={props.alert ? 'red' : undefined}>
        {props.value}
      </Text>
      <Text size="sm" c={props.alert ? 'red' : 'dimmed'}>
        {props.detail}
      </Text>
    </Paper>
  );
}

/** A titled card with a link to the page where its figures are acted on. */
function Card(props: { title: string; link: string; linkLabel: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={props.title}>
      <Group justify="space-between" mb="sm" gap="xs" wrap="wrap">
        <Title order={3} size="h4">
          {props.title}
        </Title>
        <Group gap="sm">
          {props.action}
          <Anchor component={Link} to={props.link} size="sm">
            <Group gap={4} wrap="nowrap">
              {props.linkLabel}
              <IconArrowRight size={14} />
            </Group>
          </Anchor>
        </Group>
      </Group>
      {props.children}
    </Paper>
  );
}

function Empty(props: { icon: ReactNode; title: string; description: string; to: string; action: string }) {
  return (
    <EmptyState variant="light" icon={props.icon} title={props.title} description={props.description}>
      <EmptyState.Actions>
        <Button component={Link} to={props.to} variant="light" size="xs">
          {props.action}
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  );
}

type MonthRow = Board['revenueByMonth'][number] & { label: string; netPlot: number; taxPlot: number };

function RevenueCard({ board, format }: { board: Board; format: Format }) {
  const months = board.revenueByMonth;
  const rows: MonthRow[] = months.map((m) => ({ ...m, label: monthName(m.month, true), netPlot: plotted(m.net), taxPlot: plotted(m.tax) }));
  const invoices = months.reduce((n, m) => n + m.invoices, 0);
  const total = sumDecimals(months.map((m) => m.total));
  return (
    <Card title="Revenue by month" link="/invoices" linkLabel="Invoices">
      {invoices === 0 ? (
        <Empty
          icon={<IconFileInvoice size={24} />}
          title="No invoices in the last 12 months"
          description="Invoices appear here month by month once a billing run issues them."
          to="/billing-runs"
          action="Start a billing run"
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="revenue-summary">
            {countOf(invoices, 'invoice')} over 12 months, {format.total(total)} with tax
          </Text>
          <BarChart
            h={240}
            data={rows}
            dataKey="label"
            type="stacked"
            aria-label="Revenue by month"
            series={[
              { name: 'netPlot', label: 'Net', color: 'blue.6' },
              { name: 'taxPlot', label: 'Tax', color: 'blue.3' },
            ]}
            withLegend
            yAxisProps={{ width: 64 }}
            valueFormatter={(v) => `${format.total(v.toFixed(0))}`}
            tooltipProps={{
              content: (p) => (
                <ChartTip
                  {...(p as object)}
                  lines={(m: MonthRow) => [
                    monthName(m.month),
                    `${countOf(m.invoices, 'invoice')}`,
                    `Net ${format.total(m.net)}`,
                    `Tax ${format.total(m.tax)}`,
                    `Total ${format.total(m.total)}`,
                  ]}
                />
              ),
            }}
          />
        </>
      )}
    </Card>
  );
}

type DayRow = Board['callsPerDay'][number] & { label: string };

function CallsPerDayCard(props: { board: Board; format: Format; days: string; setDays: (d: string) => void }) {
  const { board, format, days } = props;
  const rows: DayRow[] = board.callsPerDay.map((d) => ({ ...d, label: dayName(String(d.day)) }));
  const calls = rows.reduce((n, d) => n + d.calls, 0);
  const value = sumDecimals(rows.map((d) => d.value));
  const picker = (
    <SegmentedControl
      size="xs"
      value={days}
      onChange={props.setDays}
      aria-label="Days shown"
      data={[
        { value: '30', label: '30 days' },
        { value: '60', label: '60 days' },
      ]}
    />
  );
  return (
    <Card title="Calls per day" link="/calls" linkLabel="Calls" action={picker}>
      {calls === 0 ? (
        <Empty
          icon={<IconPhoneCall size={24} />}
          title={`No priced calls in the last ${days} days`}
          description="Calls count here once their CDR file is uploaded, analysed and processed."
          to="/uploads"
          action="Upload a CDR"
        />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="calls-summary">
            {countOf(calls, 'priced call')} in the last {days} days, worth {format.total(value)}
          </Text>
          <CallBars
            rows={rows}
            label="Calls per day"
            color="teal.6"
            h={240}
            yWidth={48}
            tip={(d) => [dayName(String(d.day), true), countOf(d.calls, 'call'), format.total(d.value)]}
          />
        </>
      )}
    </Card>
  );
}

/** A list whose rows carry a bar of their share of the largest. */
function BarRows(props: { label: string; rows: { key: string; name: ReactNode; detail?: string; amount: string; bar: string; largest: string }[] }) {
  return (
    <Table aria-label={props.label} verticalSpacing={6} layout="fixed">
      <Table.Tbody>
        {props.rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" truncate="end">
                  {r.name}
                </Text>
                <Text size="sm" fw={600} style={{ ...num, whiteSpace: 'nowrap' }}>
                  {r.amount}
                </Text>
              </Group>
              {r.detail && (
                <Text size="xs" c="dimmed">
                  {r.detail}
                </Text>
              )}
              <Progress value={share(r.bar, r.largest)} size="sm" mt={4} aria-hidden />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function UnbilledCard({ board, format, customers }: { board: Board; format: Format; customers: number }) {
  const { top } = board.unbilled;
  const largest = top[0]?.amount ?? '0';
  return (
    <Card title="Unbilled calls by customer" link="/customers" linkLabel="Customers">
      {top.length === 0 ? (
        customers === 0 ? (
          <Empty
            icon={<IconUsers size={24} />}
            title="No customers yet"
            description="Add your first customer with the phone numbers (CLIs) their calls come from."
            to="/customers/new"
            action="Add a customer"
          />
        ) : (
          <Empty
            icon={<IconUpload size={24} />}
            title="No unbilled calls"
            description="Processing an analysed CDR file turns its priced calls into your customers' unbilled calls."
            to="/uploads"
            action="Go to uploads"
          />
        )
      ) : (
        <BarRows
          label="Unbilled calls by customer"
          rows={top.map((t) => ({
            key: t.customer.id,
            name: (
              <Anchor component={Link} to={`/customers/${t.customer.id}/calls`} size="sm">
                {t.customer.name}
              </Anchor>
            ),
            detail: t.customer.reference,
            amount: format.total(t.amount),
            bar: t.amount,
            largest,
          }))}
        />
      )}
    </Card>
  );
}

function DestinationsCard({ board, format, days }: { board: Board; format: Format; days: string }) {
  const [by, setBy] = useState<'value' | 'count'>('value');
  const list = by === 'value' ? board.topDestinations.byValue : board.topDestinations.byCount;
  const largest = (d: (typeof list)[number]) => (by === 'value' ? d.value : String(d.calls));
  const picker = (
    <SegmentedControl
      size="xs"
      value={by}
      onChange={(v) => setBy(v as 'value' | 'count')}
      aria-label="Rank destinations by"
      data={[
        { value: 'value', label: 'By value' },
        { value: 'count', label: 'By calls' },
      ]}
    />
  );
  return (
    <Card title="Top destinations" link="/calls" linkLabel="Calls" action={picker}>
      {list.length === 0 ? (
        <Empty
          icon={<IconPhoneCall size={24} />}
          title={`No priced calls in the last ${days} days`}
          description="Where your customers call appears here once a CDR file is processed."
          to="/uploads"
          action="Upload a CDR"
        />
      ) : (
        <BarRows
          label="Top destinations"
          rows={list.map((d) => ({
            key: d.destination,
            name: d.description ? `${d.description} (${d.destination})` : d.destination || 'No destination',
            detail: by === 'value' ? countOf(d.calls, 'call') : format.total(d.value),
            amount: by === 'value' ? format.total(d.value) : countOf(d.calls, 'call'),
            bar: largest(d),
            largest: largest(list[0]),
          }))}
        />
      )}
    </Card>
  );
}

function WaitingCard({ board, format, uploads }: { board: Board; format: Format; uploads: number }) {
  const w = board.waitingUploads;
  return (
    <Card title="Uploads waiting to be processed" link="/uploads" linkLabel="Uploads">
      {w.count === 0 ? (
        uploads === 0 ? (
          <Empty
            icon={<IconUpload size={24} />}
            title="No uploads yet"
            description="Upload a CDR file from your provider: its calls are matched to customers and priced at once."
            to="/uploads"
            action="Upload a CDR"
          />
        ) : (
          <Text size="sm" c="dimmed">
            Nothing waiting: every analysed upload has been processed.
          </Text>
        )
      ) : (
        <>
          <Table.ScrollContainer minWidth={300}>
          <Table aria-label="Uploads waiting to be processed" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>File</Table.Th>
                <Table.Th ta="right">Priced calls</Table.Th>
                <Table.Th ta="right">Value</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {w.uploads.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td style={{ wordBreak: 'break-word' }}>
                    <Anchor component={Link} to={`/uploads/${u.id}`} size="sm">
                      {u.fileName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {u.provider.name}, analysed {format.dateTime(u.analysedAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" style={num}>
                    {formatCount(u.priced)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ ...num, whiteSpace: 'nowrap' }}>
                    {format.total(u.totalPrice)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </Table.ScrollContainer>
          {w.count > w.uploads.length && (
            <Text size="sm" c="dimmed" mt="xs">
              and {countOf(w.count - w.uploads.length, 'more upload')} waiting
            </Text>
          )}
        </>
      )}
    </Card>
  );
}

function DueCard({ board, format }: { board: Board; format: Format }) {
  const due = board.invoicesDue;
  const today = todayIn(format.zone);
  return (
    <Card title="Invoices falling due" link="/invoices" linkLabel="Invoices">
      {due.count === 0 ? (
        <Text size="sm" c="dimmed">
          No unpaid invoices are overdue or due in the next {DUE_WITHIN_DAYS} days.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={300}>
        <Table aria-label="Invoices falling due" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Invoice</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {due.invoices.map((inv) => {
                const when = inv.dueDate ? dueIn(inv.dueDate, today) : { text: '', overdue: false };
                return (
                  <Table.Tr key={inv.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/invoices/${inv.id}`} size="sm">
                        {inv.number}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {inv.customer.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{inv.dueDate ? dayName(inv.dueDate, true) : '—'}</Text>
                      <Badge size="xs" variant="light" color={when.overdue ? 'red' : 'gray'}>
                        {when.text}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right" style={num}>
                      {format.total(inv.total)}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
        </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
