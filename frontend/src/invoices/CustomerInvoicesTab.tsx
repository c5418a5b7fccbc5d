import {
  Anchor,
  Badge,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { useState } from "react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { LoadError, LoadingRows } from "../common/loading";
import { useSettings } from "../common/settings";
import { nowInZone } from "../common/time";
import { useFormat } from "../common/useFormat";
import type { InvoiceView } from "../gql/graphql";
import { CustomerInvoicesQuery } from "./documents";
import { invoiceDay, isOverdue, statusColors, statusLabels } from "./labels";

const context = { additionalTypenames: ["Invoice"] };

/** A customer's balance and its invoices, outstanding first. */
export function CustomerInvoicesTab({ customerId }: { customerId: string }) {
  const [view, setView] = useState<InvoiceView>("OUTSTANDING");
  const [{ data, fetching, error }] = useQuery({
    query: CustomerInvoicesQuery,
    variables: { id: customerId, view },
    context,
  });
  const format = useFormat();
  const today = nowInZone(useSettings().timeZone).day;
  const c = data?.customer ?? null;
  const invoices = (c?.invoiceList.edges ?? []).flatMap((e) =>
    e?.node ? [e.node] : [],
  );
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Paper withBorder radius="md" p="sm" miw={220}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Balance (outstanding invoices)
          </Text>
          <Text size="xl" fw={700} ff="monospace" aria-label="Customer balance">
            {c ? format.total(c.balance) : "…"}
          </Text>
        </Paper>
        <SegmentedControl
          aria-label="Which of the customer’s invoices"
          value={view}
          onChange={(v) => setView(v as InvoiceView)}
          data={[
            { value: "OUTSTANDING", label: "Outstanding" },
            { value: "SETTLED", label: "Settled" },
            { value: "DELETED", label: "Deleted" },
            { value: "ALL", label: "All" },
          ]}
        />
      </Group>
      <LoadError title="Could not load the invoices" error={error} />
      {!data && fetching ? (
        <LoadingRows label="Loading invoices" rows={3} height={32} />
      ) : invoices.length === 0 ? (
        <Text c="dimmed">
          No {view === "ALL" ? "" : statusWord(view)} invoices.
        </Text>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={640}>
          <Table aria-label="The customer’s invoices" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Issued</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th ta="right">Total</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoices.map((inv) => {
                const overdue = isOverdue(inv.status, inv.dueDate, today);
                return (
                  <Table.Tr key={inv.id}>
                    <Table.Td ff="monospace">
                      <Anchor component={Link} to={`/invoices/${inv.id}`}>
                        {inv.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{invoiceDay(inv.issueDate)}</Table.Td>
                    <Table.Td c={overdue ? "red" : undefined}>
                      {invoiceDay(inv.dueDate)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {format.total(inv.total)}
                    </Table.Td>
                    <Table.Td>
                      <Badge
                        variant="light"
                        color={overdue ? "red" : statusColors[inv.status]}
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
      )}
    </Stack>
  );
}

function statusWord(v: InvoiceView): string {
  return v === "OUTSTANDING"
    ? "outstanding"
    : v === "SETTLED"
      ? "settled"
      : "deleted";
}
