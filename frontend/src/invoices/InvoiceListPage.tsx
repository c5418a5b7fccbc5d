import {
  Anchor,
  Badge,
  Button,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import {
  IconCalendarCheck,
  IconFileInvoice,
  IconSearch,
} from "@tabler/icons-react";
import { useEffect, useMemo, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { CursorPager, useUrlCursor } from "../common/CursorPager";
import { LoadError, LoadingRows } from "../common/loading";
import { countOf, formatCount } from "../common/numbers";
import { pageVariables, withCursor } from "../common/pager";
import { useSettings } from "../common/settings";
import { nowInZone } from "../common/time";
import { useFormat } from "../common/useFormat";
import type { InvoiceView } from "../gql/graphql";
import { usePageTitle } from "../shell/usePageTitle";
import { InvoiceListQuery } from "./documents";
import {
  invoiceDay,
  isOverdue,
  statusColors,
  statusLabels,
  viewLabels,
} from "./labels";
import { SettleRangeModal } from "./SettleModals";

const PAGE_SIZE = 25;
const listContext = { additionalTypenames: ["Invoice"] };
const views = Object.keys(viewLabels) as Exclude<InvoiceView, "ALL">[];

function toView(s: string | null): Exclude<InvoiceView, "ALL"> {
  return views.includes(s as Exclude<InvoiceView, "ALL">)
    ? (s as Exclude<InvoiceView, "ALL">)
    : "OUTSTANDING";
}

export function InvoiceListPage() {
  usePageTitle("Invoices");
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const view = toView(params.get("view"));
  const q = params.get("q") ?? "";
  const [cursor, goTo] = useUrlCursor();
  const format = useFormat();
  const { timeZone } = useSettings();
  const today = nowInZone(timeZone).day;
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);
  const [settling, setSettling] = useState(false);

  useEffect(() => {
    if (debounced.trim() === q) return;
    setParams(
      (p) => {
        const next = withCursor(p, {});
        if (debounced.trim()) next.set("q", debounced.trim());
        else next.delete("q");
        return next;
      },
      { replace: true },
    );
  }, [debounced, q, setParams]);

  const variables = useMemo(
    () => ({
      view,
      search: q || undefined,
      ...pageVariables(PAGE_SIZE, cursor),
    }),
    [view, q, cursor],
  );
  const [{ data, fetching, error }] = useQuery({
    query: InvoiceListQuery,
    variables,
    context: listContext,
  });
  const connection = data?.invoiceList;
  const invoices = (connection?.edges ?? []).flatMap((e) =>
    e?.node ? [e.node] : [],
  );
  const totals = data?.invoiceTotals;

  const setView = (v: string) =>
    setParams((p) => {
      const next = withCursor(p, {});
      next.set("view", v);
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Invoices</Title>
        <Button
          variant="default"
          leftSection={<IconCalendarCheck size={16} />}
          onClick={() => setSettling(true)}
        >
          Settle by issue date…
        </Button>
      </Group>

      <Group justify="space-between" align="flex-end">
        <SegmentedControl
          aria-label="Which invoices"
          value={view}
          onChange={setView}
          data={views.map((v) => ({ value: v, label: viewLabels[v] }))}
        />
        <TextInput
          aria-label="Search invoices"
          placeholder="Invoice number, customer name or reference"
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={380}
          type="search"
        />
      </Group>

      {totals && (
        <SimpleGrid cols={4} aria-label="Totals of the list">
          <Figure
            label={`${viewLabels[view]} invoices`}
            value={formatCount(totals.count)}
          />
          <Figure label="Net" value={format.total(totals.netTotal)} />
          <Figure label="Tax" value={format.total(totals.taxTotal)} />
          <Figure
            label={view === "OUTSTANDING" ? "Owed to you" : "Total"}
            value={format.total(totals.total)}
            strong
          />
        </SimpleGrid>
      )}

      <LoadError title="Could not load invoices" error={error} />

      {!data && fetching ? (
        <LoadingRows label="Loading invoices" rows={6} height={36} />
      ) : invoices.length === 0 && !error ? (
        <EmptyState
          mt="xl"
          variant="light"
          icon={q ? <IconSearch size={28} /> : <IconFileInvoice size={28} />}
          title={
            q
              ? `No ${viewLabels[view].toLowerCase()} invoice matches “${q}”`
              : `No ${viewLabels[view].toLowerCase()} invoices`
          }
          description={
            q
              ? "Search takes an invoice number, or part of the customer’s name or reference."
              : view === "OUTSTANDING"
                ? "Invoices appear here when a billing run issues them, and leave when they are settled."
                : undefined
          }
        >
          {!q && view === "OUTSTANDING" && (
            <EmptyState.Actions>
              <Button component={Link} to="/billing-runs">
                Start a billing run
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        connection && (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={760}>
              <Table
                highlightOnHover
                verticalSpacing="sm"
                aria-label="Invoices"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Number</Table.Th>
                    <Table.Th>Customer</Table.Th>
                    <Table.Th>Issued</Table.Th>
                    <Table.Th>
                      {view === "SETTLED"
                        ? "Settled"
                        : view === "DELETED"
                          ? "Deleted"
                          : "Due"}
                    </Table.Th>
                    <Table.Th ta="right">Net</Table.Th>
                    <Table.Th ta="right">Total</Table.Th>
                    <Table.Th>Status</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {invoices.map((inv) => {
                    const overdue = isOverdue(inv.status, inv.dueDate, today);
                    return (
                      <Table.Tr
                        key={inv.id}
                        style={{ cursor: "pointer" }}
                        onClick={(e) => {
                          if ((e.target as HTMLElement).closest("a")) return;
                          navigate(`/invoices/${inv.id}`);
                        }}
                      >
                        <Table.Td ff="monospace">
                          <Anchor
                            component={Link}
                            to={`/invoices/${inv.id}`}
                            fw={500}
                          >
                            {inv.number}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{inv.customerName}</Text>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {inv.customerReference}
                          </Text>
                        </Table.Td>
                        <Table.Td>{invoiceDay(inv.issueDate)}</Table.Td>
                        <Table.Td c={overdue ? "red" : undefined}>
                          {view === "SETTLED"
                            ? invoiceDay(inv.settledAt)
                            : view === "DELETED"
                              ? format.date(inv.deletedAt)
                              : invoiceDay(inv.dueDate)}
                        </Table.Td>
                        <Table.Td ta="right" ff="monospace">
                          {format.total(inv.netTotal)}
                        </Table.Td>
                        <Table.Td ta="right" ff="monospace" fw={500}>
                          {format.total(inv.total)}
                        </Table.Td>
                        <Table.Td>
                          <Badge
                            color={overdue ? "red" : statusColors[inv.status]}
                            variant="light"
                          >
                            {overdue ? "Overdue" : statusLabels[inv.status]}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
              </Table.ScrollContainer>
            </Paper>
            <CursorPager
              connection={connection}
              pageSize={PAGE_SIZE}
              summary={`${countOf(connection.totalCount, "invoice")}, newest first`}
              onPage={goTo}
              newestFirst
            />
          </>
        )
      )}
      <SettleRangeModal opened={settling} onClose={() => setSettling(false)} />
    </Stack>
  );
}

function Figure({
  label,
  value,
  strong,
}: {
  label: string;
  value: string;
  strong?: boolean;
}) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="lg" fw={strong ? 700 : 500} ff="monospace">
        {value}
      </Text>
    </Paper>
  );
}
