import {
  Alert,
  Anchor,
  EmptyState,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { IconMail, IconServer } from "@tabler/icons-react";
import { useEffect, useMemo } from "react";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { CursorPager, useUrlCursor } from "../common/CursorPager";
import { LoadError, LoadingRows } from "../common/loading";
import { countOf, formatCount } from "../common/numbers";
import { pageVariables, withCursor } from "../common/pager";
import { useFormat } from "../common/useFormat";
import type { DeliveryStatus } from "../gql/graphql";
import { usePageTitle } from "../shell/usePageTitle";
import { DeliveryActions } from "./actions";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { OutboxQuery } from "./documents";
import { deliveryLabels, isPending, outboxFilters, type OutboxFilter } from "./labels";
import { MessageDrawer } from "./MessageView";

const PAGE_SIZE = 25;
const context = { additionalTypenames: ["Delivery"] };

function toFilter(s: string | null): OutboxFilter {
  return outboxFilters.includes(s as OutboxFilter) ? (s as OutboxFilter) : "ALL";
}

/** Every invoice email, newest first: what is waiting, sent or failed and why, with Retry and Resend. */
export function OutboxPage() {
  usePageTitle("Outbox");
  const [params, setParams] = useSearchParams();
  const filter = toFilter(params.get("status"));
  const open = params.get("message");
  const [cursor, goTo] = useUrlCursor();
  const format = useFormat();

  const variables = useMemo(
    () => ({
      status: filter === "ALL" ? undefined : (filter as DeliveryStatus),
      ...pageVariables(PAGE_SIZE, cursor),
    }),
    [filter, cursor],
  );
  const [{ data, fetching, error }, reexecute] = useQuery({ query: OutboxQuery, variables, context });
  const rows = (data?.outbox.edges ?? []).flatMap((e) => (e?.node ? [e.node] : []));
  const smtp = data?.mailTransport === "SMTP";

  // The worker sends in the background: look again while something is on its way.
  const waiting = (data?.queued.totalCount ?? 0) + (data?.sending.totalCount ?? 0) > 0;
  useEffect(() => {
    if (!waiting) return;
    const t = setInterval(() => reexecute({ requestPolicy: "network-only" }), 3000);
    return () => clearInterval(t);
  }, [waiting, reexecute]);

  const counts: Record<OutboxFilter, number | undefined> = {
    ALL: data?.all.totalCount,
    QUEUED: data?.queued.totalCount,
    SENDING: data?.sending.totalCount,
    SENT: data?.sent.totalCount,
    FAILED: data?.failed.totalCount,
  };
  const setFilter = (v: string) =>
    setParams((p) => {
      const next = withCursor(p, {});
      if (v === "ALL") next.delete("status");
      else next.set("status", v);
      return next;
    });
  const setOpen = (id: string | null) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (id) next.set("message", id);
      else next.delete("message");
      return next;
    });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2}>Outbox</Title>
      </Group>
      {data &&
        (smtp ? (
          <Alert color="blue" icon={<IconServer size={18} />} title="Emails go to your mail server">
            SMTP_URL is set, so invoice emails are sent to that server, which keeps no copy here: this page shows each
            email&rsquo;s status, attempts and the server&rsquo;s reason for a failure, not its content.
          </Alert>
        ) : (
          <Text c="dimmed" size="sm">
            Embedded mode: nothing leaves this machine. Each email is written to the outbox directory (./data/outbox)
            exactly as it would be sent; open one to read it and its attachments.
          </Text>
        ))}

      <SegmentedControl
        aria-label="Which emails"
        value={filter}
        onChange={setFilter}
        w="fit-content"
        data={outboxFilters.map((f) => {
          const n = counts[f];
          const label = f === "ALL" ? "All" : deliveryLabels[f];
          return { value: f, label: n === undefined ? label : `${label} (${formatCount(n)})` };
        })}
      />

      <LoadError title="Could not load the outbox" error={error} />
      {!data && fetching ? (
        <LoadingRows label="Loading the outbox" rows={6} height={36} />
      ) : rows.length === 0 && data ? (
        <EmptyState
          icon={<IconMail size={32} />}
          title={filter === "ALL" ? "No invoice emails yet" : `No ${deliveryLabels[filter as DeliveryStatus].toLowerCase()} emails`}
          description={
            filter === "ALL"
              ? "A billing run that sends emails queues one for each customer on email delivery; they appear here."
              : "Choose All to see every email."
          }
        />
      ) : (
        <Paper withBorder radius="md">
          <Table aria-label="Invoice emails" highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Queued</Table.Th>
                <Table.Th>Invoice</Table.Th>
                <Table.Th>To</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th ta="right">Attempts</Table.Th>
                <Table.Th>Sent / next try</Table.Th>
                <Table.Th>Reason</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((d) => (
                <Table.Tr key={d.id} style={{ cursor: "pointer" }} onClick={() => setOpen(d.id)}>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{format.dateTime(d.createdAt)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/invoices/${d.invoice.id}`}
                      onClick={(e) => e.stopPropagation()}
                    >
                      {d.invoice.number}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.invoice.customerName} ({d.invoice.customerReference})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      style={{ whiteSpace: "nowrap" }}
                      onClick={() => setOpen(d.id)}
                      aria-label={`Open the email of invoice ${d.invoice.number} to ${d.recipient}`}
                    >
                      {d.recipient}
                    </Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    <DeliveryStatusBadge status={d.status} />
                  </Table.Td>
                  <Table.Td ta="right">{d.attempts}</Table.Td>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>
                    {d.sentAt
                      ? format.dateTime(d.sentAt)
                      : isPending(d.status)
                        ? d.nextAttemptAt
                          ? `next try ${format.dateTime(d.nextAttemptAt)}`
                          : "as soon as the documents are stored"
                        : "—"}
                  </Table.Td>
                  <Table.Td maw={360}>
                    {d.lastError && (
                      <Text size="xs" c={d.status === "FAILED" ? "red" : "orange"} lineClamp={3}>
                        {d.lastError}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <DeliveryActions delivery={d} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {data && (
        <CursorPager
          connection={data.outbox}
          pageSize={PAGE_SIZE}
          summary={`${countOf(data.outbox.totalCount, "email")}, newest first`}
          onPage={goTo}
          newestFirst
        />
      )}
      {!smtp && rows.length > 0 && (
        <Text size="xs" c="dimmed">
          Click an email to read it as sent.
        </Text>
      )}
      <MessageDrawer id={open} onClose={() => setOpen(null)} />
    </Stack>
  );
}
