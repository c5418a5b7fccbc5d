import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  DataList,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import {
  IconAt,
  IconCash,
  IconDownload,
  IconMailForward,
  IconTrash,
} from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { useQuery } from "urql";
import { isNotFound, Missing } from "../common/Missing";
import { LoadError } from "../common/loading";
import { useSettings } from "../common/settings";
import { nowInZone } from "../common/time";
import { useFormat } from "../common/useFormat";
import { DeliveryActions, SendToModal, useResendInvoice } from "../outbox/actions";
import { DeliveryStatusBadge } from "../outbox/DeliveryStatusBadge";
import { isPending } from "../outbox/labels";
import { usePageTitle } from "../shell/usePageTitle";
import { InvoiceQuery } from "./documents";
import { invoiceDay, isOverdue, statusColors, statusLabels } from "./labels";
import { groupLines } from "./lines";
import { DeleteInvoiceModal, SettleInvoiceModal } from "./SettleModals";

const invoiceContext = { additionalTypenames: ["Invoice", "Delivery"] };

export function InvoiceDetailPage() {
  const { id = "" } = useParams();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: InvoiceQuery,
    variables: { id },
    context: invoiceContext,
  });
  const node = data?.node;
  const invoice = node?.__typename === "Invoice" ? node : null;
  usePageTitle(invoice ? `Invoice ${invoice.number}` : "Invoice");
  const format = useFormat();
  const today = nowInZone(useSettings().timeZone).day;
  const [settling, setSettling] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [sendingTo, setSendingTo] = useState(false);
  const { resend, resending } = useResendInvoice({
    id: invoice?.id ?? id,
    number: invoice?.number ?? 0,
  });

  // The worker renders the PDF after the run commits, then sends the
  // emails: look again until it has done both.
  const rendering =
    !!invoice &&
    ((!invoice.documentsAt && invoice.status !== "DELETED") ||
      invoice.emails.some((d) => isPending(d.status)));
  useEffect(() => {
    if (!rendering) return;
    const t = setInterval(
      () => reexecute({ requestPolicy: "network-only" }),
      2000,
    );
    return () => clearInterval(t);
  }, [rendering, reexecute]);

  if (!invoice) {
    return (
      <Stack>
        <Breadcrumbs>
          <Anchor component={Link} to="/invoices">
            Invoices
          </Anchor>
          <span>Invoice</span>
        </Breadcrumbs>
        <LoadError title="Could not load the invoice" error={isNotFound(error) ? null : error} />
        {fetching ? (
          <Skeleton height={240} />
        ) : (
          (!error || isNotFound(error)) && (
            <Missing what="invoice" id={id} back={{ to: "/invoices", label: "the invoices" }} />
          )
        )}
      </Stack>
    );
  }

  const overdue = isOverdue(invoice.status, invoice.dueDate, today);
  const groups = groupLines(invoice.lines ?? []);
  const pdf = `/download/invoices/${invoice.id}/pdf`;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/invoices">
          Invoices
        </Anchor>
        <span>Invoice {invoice.number}</span>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start">
        <div>
          <Group gap="sm">
            <Title order={2}>Invoice {invoice.number}</Title>
            <Badge
              color={overdue ? "red" : statusColors[invoice.status]}
              variant="light"
              size="lg"
            >
              {overdue ? "Overdue" : statusLabels[invoice.status]}
            </Badge>
          </Group>
          <Anchor component={Link} to={`/customers/${invoice.customer.id}`}>
            {invoice.customerName} ({invoice.customerReference})
          </Anchor>
        </div>
        {invoice.status === "ISSUED" && (
          <Group gap="xs">
            <Button
              leftSection={<IconCash size={16} />}
              onClick={() => setSettling(true)}
            >
              Settle…
            </Button>
            <Button
              variant="default"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={() => setDeleting(true)}
            >
              Delete…
            </Button>
          </Group>
        )}
      </Group>

      {invoice.status === "SETTLED" && (
        <Alert
          color="teal"
          title={`Settled on ${invoiceDay(invoice.settledAt)}`}
        >
          {invoice.settleComment || "No comment."}
        </Alert>
      )}
      {invoice.status === "DELETED" && (
        <Alert
          color="gray"
          title={`Deleted on ${format.date(invoice.deletedAt)}`}
        >
          The number {invoice.number} stays on record as deleted.{" "}
          {invoice.deleteReason}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder radius="md" p="md">
          <DataList>
            <DataList.Item>
              <DataList.ItemLabel>Issued</DataList.ItemLabel>
              <DataList.ItemValue>
                {invoiceDay(invoice.issueDate)}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Due</DataList.ItemLabel>
              <DataList.ItemValue c={overdue ? "red" : undefined}>
                {invoiceDay(invoice.dueDate)}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Period</DataList.ItemLabel>
              <DataList.ItemValue>
                {invoice.periodStart
                  ? `${invoiceDay(invoice.periodStart)} – ${lastDay(invoice.periodEnd)}`
                  : "—"}
              </DataList.ItemValue>
            </DataList.Item>
            <DataList.Item>
              <DataList.ItemLabel>Tax</DataList.ItemLabel>
              <DataList.ItemValue>
                {invoice.taxExempt ? "Exempt" : "Charged per rate"}
              </DataList.ItemValue>
            </DataList.Item>
            {invoice.billingRun && (
              <DataList.Item>
                <DataList.ItemLabel>Billing run</DataList.ItemLabel>
                <DataList.ItemValue>
                  {invoice.billingRun.periodName || "—"}
                </DataList.ItemValue>
              </DataList.Item>
            )}
          </DataList>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Table.ScrollContainer minWidth={360}>
          <Table aria-label="Tax summary" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tax rate</Table.Th>
                <Table.Th ta="right">Net</Table.Th>
                <Table.Th ta="right">Tax</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.taxSummary.map((t) => (
                <Table.Tr key={t.rate}>
                  <Table.Td>
                    {invoice.taxExempt ? "Exempt" : `${t.rate}%`}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.total(t.net)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {format.total(t.tax)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>Net</Table.Td>
                <Table.Td />
                <Table.Td ta="right" ff="monospace">
                  {format.total(invoice.netTotal)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td fw={600}>Tax</Table.Td>
                <Table.Td />
                <Table.Td ta="right" ff="monospace">
                  {format.total(invoice.taxTotal)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td fw={700}>Total</Table.Td>
                <Table.Td />
                <Table.Td
                  ta="right"
                  ff="monospace"
                  fw={700}
                  aria-label="Invoice total"
                >
                  {format.total(invoice.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          </Table.ScrollContainer>
        </Paper>
      </SimpleGrid>

      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Invoice lines" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Description</Table.Th>
              <Table.Th>Service</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th ta="right">Unit price</Table.Th>
              <Table.Th ta="right">Tax</Table.Th>
              <Table.Th ta="right">Amount</Table.Th>
            </Table.Tr>
          </Table.Thead>
          {groups.map((g) => (
            <Table.Tbody key={g.heading || "-"}>
              {g.heading && (
                <Table.Tr bg="var(--mantine-color-default-hover)">
                  <Table.Td colSpan={6} fw={700}>
                    {g.heading}
                  </Table.Td>
                </Table.Tr>
              )}
              {g.categories.map((c) => [
                c.category && (
                  <Table.Tr key={`c-${c.category}`}>
                    <Table.Td
                      colSpan={6}
                      fw={600}
                      c="dimmed"
                      tt="uppercase"
                      fz="xs"
                    >
                      {c.category}
                    </Table.Td>
                  </Table.Tr>
                ),
                ...c.lines.map((l) => (
                  <Table.Tr key={l.id}>
                    <Table.Td>
                      {l.description}
                      {l.kind === "CALLS" && (
                        <Text span size="xs" c="dimmed">
                          {" "}
                          · {l.calls} calls
                        </Text>
                      )}
                      {l.proRata && (
                        <Badge ml="xs" size="xs" variant="light">
                          pro rata
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {l.serviceFrom
                        ? `${invoiceDay(l.serviceFrom)} – ${invoiceDay(l.serviceTo)}`
                        : ""}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {trimZeros(l.quantity)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {l.kind === "CALLS" ? "" : format.total(l.unitPrice)}
                    </Table.Td>
                    <Table.Td ta="right">
                      {invoice.taxExempt ? "—" : `${trimZeros(l.taxRate)}%`}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {format.total(l.amount)}
                    </Table.Td>
                  </Table.Tr>
                )),
              ])}
            </Table.Tbody>
          ))}
        </Table>
        </Table.ScrollContainer>
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>Invoice PDF</Title>
          {invoice.documentsAt && (
            <Group gap="xs">
              <Button
                component="a"
                href={`${pdf}?download=1`}
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} />}
              >
                Download PDF
              </Button>
              {invoice.statementFormat !== "NONE" && (
                <Button
                  component="a"
                  href={`/download/invoices/${invoice.id}/statement`}
                  variant="default"
                  size="xs"
                  leftSection={<IconDownload size={14} />}
                >
                  Call statement ({invoice.statementFormat})
                </Button>
              )}
            </Group>
          )}
        </Group>
        {invoice.documentsAt ? (
          <iframe
            title={`Invoice ${invoice.number} PDF`}
            src={pdf}
            style={{ width: "100%", height: 900, border: 0 }}
          />
        ) : invoice.status === "DELETED" ? (
          <Text c="dimmed">
            This invoice was deleted before its documents were rendered.
          </Text>
        ) : (
          <Alert
            color="blue"
            icon={<Loader size="sm" />}
            title="Documents are being rendered"
          >
            The worker renders the PDF and the call statement after the run.
            This page shows them as soon as they are stored; emails are sent
            once they are.
          </Alert>
        )}
      </Paper>

      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={4}>Emails</Title>
          {invoice.status !== "DELETED" && (
            <Group gap="xs">
              <Button
                size="xs"
                variant="default"
                leftSection={<IconMailForward size={14} />}
                loading={resending}
                onClick={() => void resend()}
              >
                Resend
              </Button>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconAt size={14} />}
                onClick={() => setSendingTo(true)}
              >
                Send to another address…
              </Button>
            </Group>
          )}
        </Group>
        {invoice.emails.length === 0 ? (
          <Text c="dimmed" size="sm">
            No email for this invoice: the customer is not on email delivery, or
            the run did not send emails. Resend emails it to the customer&rsquo;s
            delivery address.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={600}>
          <Table aria-label="Emails of the invoice" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queued</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Attempts</Table.Th>
                <Table.Th>Sent / next try</Table.Th>
                <Table.Th>Last error</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {invoice.emails.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {format.dateTime(d.createdAt)}
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/outbox?message=${d.id}`}
                      size="sm"
                    >
                      {d.recipient}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <DeliveryStatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td ta="right">{d.attempts}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {d.sentAt
                      ? format.dateTime(d.sentAt)
                      : d.nextAttemptAt
                        ? `next try ${format.dateTime(d.nextAttemptAt)}`
                        : "—"}
                  </Table.Td>
                  <Table.Td maw={320}>
                    <Text size="xs" c="red" lineClamp={3}>
                      {d.lastError}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <DeliveryActions delivery={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          </Table.ScrollContainer>
        )}
      </Paper>

      <SendToModal
        invoice={sendingTo ? invoice : null}
        onClose={() => setSendingTo(false)}
      />
      <SettleInvoiceModal
        invoice={settling ? invoice : null}
        onClose={() => setSettling(false)}
      />
      <DeleteInvoiceModal
        invoice={deleting ? invoice : null}
        onClose={() => setDeleting(false)}
      />
    </Stack>
  );
}

/** The period's last day: its end is the day after. */
function lastDay(end: string | null | undefined): string {
  if (!end) return "—";
  const d = new Date(`${end.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return invoiceDay(d.toISOString());
}

/** "3.0000" → "3", "20.0000" → "20", "2.5000" → "2.5": a quantity or rate as a clerk writes it. */
function trimZeros(s: string): string {
  return s.includes(".") ? s.replace(/0+$/, "").replace(/\.$/, "") : s;
}
