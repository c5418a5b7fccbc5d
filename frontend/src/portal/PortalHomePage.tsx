import '@mantine/charts/styles.css';
import { Anchor, EmptyState, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileInvoice, IconPhoneCall } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LoadError, LoadingRows } from '../common/loading';
import { countOf } from '../common/numbers';
import { useFormat } from '../common/useFormat';
import { dayName, sumDecimals } from '../dashboard/cards';
import type { PortalHomeQuery as PortalHomeData } from '../gql/graphql';
import { usePageTitle } from '../shell/usePageTitle';
import { PortalHomeQuery } from './documents';
import { usePortalAccount } from './PortalApp';
import { CallBars } from '../common/charts';
import { InvoiceCards, InvoiceDownloads, InvoiceStatusBadge, invoiceDate, num, type PortalInvoiceSummary } from './parts';

type Home = PortalHomeData['portal'];
type Format = ReturnType<typeof useFormat>;

/** The portal's first page: what is owed, the latest invoice, and when the customer calls. */
export function PortalHomePage() {
  usePageTitle('Your account');
  const format = useFormat();
  const { customers } = usePortalAccount();
  const [{ data, fetching, error }] = useQuery({ query: PortalHomeQuery });
  const home = data?.portal;
  const own = customers[0];
  return (
    <Stack gap="lg">
      <div>
        <Title order={2}>Your account</Title>
        {own && (
          <Text c="dimmed" size="sm">
            {own.name} · {own.reference}
            {customers.length > 1 && ` and ${countOf(customers.length - 1, 'other account')}`}
          </Text>
        )}
      </div>
      <LoadError title="Your account could not be loaded" error={error} />
      {!home && fetching && <LoadingRows label="Loading your account" rows={4} height={96} />}
      {home && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <BalanceCard home={home} format={format} />
            <LatestInvoiceCard invoice={home.latestInvoice ?? null} format={format} />
          </SimpleGrid>
          <OutstandingCard home={home} format={format} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <CallsPerDayCard home={home} format={format} />
            <CallsByHourCard home={home} />
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

function Card({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

function BalanceCard({ home, format }: { home: Home; format: Format }) {
  const count = home.invoices.totalCount;
  const overdue = home.invoices.nodes.filter((i) => i.overdue).length;
  return (
    <Card title="What you owe">
      <Text fz={32} fw={700} style={num} data-testid="portal-balance">
        {format.total(home.balance)}
      </Text>
      <Text size="sm" c={overdue > 0 ? 'red' : 'dimmed'}>
        {count === 0
          ? 'Nothing outstanding: every invoice is settled.'
          : `${countOf(count, 'outstanding invoice')}${overdue > 0 ? `, ${overdue} overdue` : ''}`}
      </Text>
    </Card>
  );
}

function LatestInvoiceCard({ invoice, format }: { invoice: PortalInvoiceSummary | null; format: Format }) {
  return (
    <Card
      title="Latest invoice"
      action={
        <Anchor component={Link} to="/portal/invoices" size="sm">
          All invoices
        </Anchor>
      }
    >
      {!invoice ? (
        <EmptyState
          variant="light"
          icon={<IconFileInvoice size={24} />}
          title="No invoices yet"
          description="Your invoices appear here as soon as the first one is issued."
        />
      ) : (
        <Stack gap="xs" data-testid="portal-latest-invoice">
          <Group justify="space-between" gap="xs">
            <Anchor component={Link} to={`/portal/invoices/${invoice.id}`} fw={600} size="lg">
              Invoice {invoice.number}
            </Anchor>
            <InvoiceStatusBadge invoice={invoice} />
          </Group>
          <Group gap="xl" wrap="wrap">
            <Fact label="Issued">{invoiceDate(invoice.issueDate)}</Fact>
            <Fact label="Due">{invoice.dueDate ? invoiceDate(invoice.dueDate) : 'On receipt'}</Fact>
            <Fact label="Total">
              <Text span fw={700} style={num}>
                {format.total(invoice.total)}
              </Text>
            </Fact>
          </Group>
          <InvoiceDownloads invoice={invoice} size="sm" />
        </Stack>
      )}
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function OutstandingCard({ home, format }: { home: Home; format: Format }) {
  const list = home.invoices.nodes;
  return (
    <Card
      title="Outstanding invoices"
      action={
        home.invoices.totalCount > list.length ? (
          <Anchor component={Link} to="/portal/invoices?view=outstanding" size="sm">
            All {home.invoices.totalCount}
          </Anchor>
        ) : undefined
      }
    >
      {list.length === 0 ? (
        <Text size="sm" c="dimmed">
          You have no invoices waiting to be paid.
        </Text>
      ) : (
        <InvoiceCards invoices={list} total={format.total} label="Outstanding invoices" />
      )}
    </Card>
  );
}

function NoCalls() {
  return (
    <EmptyState
      variant="light"
      icon={<IconPhoneCall size={24} />}
      title="No calls in the last 30 days"
      description="Your calls show here once your provider's records of them have been priced."
    />
  );
}

type DayRow = Home['activity']['byDay'][number] & { label: string };

function CallsPerDayCard({ home, format }: { home: Home; format: Format }) {
  const rows: DayRow[] = home.activity.byDay.map((d) => ({ ...d, label: dayName(String(d.day)) }));
  const calls = rows.reduce((n, d) => n + d.calls, 0);
  const spent = sumDecimals(rows.map((d) => d.price));
  return (
    <Card
      title="Calls per day"
      action={
        <Anchor component={Link} to="/portal/calls" size="sm">
          All calls
        </Anchor>
      }
    >
      {calls === 0 ? (
        <NoCalls />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="portal-calls-summary">
            {countOf(calls, 'call')} in the last 30 days, {format.total(spent)}
          </Text>
          <CallBars
            rows={rows}
            label="Calls per day"
            color="teal.6"
            tip={(d) => [dayName(String(d.day), true), countOf(d.calls, 'call'), format.total(d.price)]}
          />
        </>
      )}
    </Card>
  );
}

type HourRow = Home['activity']['byHour'][number] & { label: string };

function CallsByHourCard({ home }: { home: Home }) {
  const rows: HourRow[] = home.activity.byHour.map((h) => ({ ...h, label: `${String(h.hour).padStart(2, '0')}:00` }));
  const calls = rows.reduce((n, h) => n + h.calls, 0);
  return (
    <Card title="Calls by time of day">
      {calls === 0 ? (
        <NoCalls />
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            When your calls started over the last 30 days
          </Text>
          <CallBars
            rows={rows}
            label="Calls by time of day"
            color="blue.6"
            minTickGap={8}
            tip={(h) => [`${h.label}–${String(h.hour).padStart(2, '0')}:59`, countOf(h.calls, 'call')]}
          />
        </>
      )}
    </Card>
  );
}
