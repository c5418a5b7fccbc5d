import {
  Alert,
  Anchor,
  Button,
  DataList,
  Drawer,
  Group,
  Paper,
  Skeleton,
  Stack,
  Table,
  Text,
} from "@mantine/core";
import { IconDownload, IconPaperclip } from "@tabler/icons-react";
import { Link } from "react-router";
import { useQuery } from "urql";
import { LoadError } from "../common/loading";
import { useFormat } from "../common/useFormat";
import { OutboxMessageQuery } from "./documents";
import { DeliveryStatusBadge } from "./DeliveryStatusBadge";
import { fileSize } from "./labels";

const context = { additionalTypenames: ["Delivery"] };

/** The email of one delivery as it was written to the outbox, in a drawer. */
export function MessageDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  return (
    <Drawer opened={!!id} onClose={onClose} position="right" size="xl" title="Email as sent">
      {id && <MessageView id={id} />}
    </Drawer>
  );
}

function MessageView({ id }: { id: string }) {
  const format = useFormat();
  const [{ data, fetching, error }] = useQuery({ query: OutboxMessageQuery, variables: { id }, context });
  const node = data?.node;
  const d = node?.__typename === "Delivery" ? node : null;
  if (!d) {
    if (fetching) return <Skeleton height={320} />;
    return (
      <>
        <LoadError title="Could not load the email" error={error} />
        {!error && (
          <Alert color="yellow" title="Email not found">
            There is no email with this id.
          </Alert>
        )}
      </>
    );
  }
  const m = d.message;
  return (
    <Stack gap="md">
      <Group gap="xs">
        <DeliveryStatusBadge status={d.status} />
        <Text size="sm">
          Invoice{" "}
          <Anchor component={Link} to={`/invoices/${d.invoice.id}`}>
            {d.invoice.number}
          </Anchor>{" "}
          · {d.invoice.customerName} ({d.invoice.customerReference})
        </Text>
      </Group>
      {!m ? (
        data?.mailTransport === "SMTP" ? (
          <Alert color="blue" title="Sent over SMTP">
            This deployment sends invoice emails to the mail server named by SMTP_URL, which keeps no copy here. Its
            status, attempts and last error are all Tollgate knows of it.
          </Alert>
        ) : (
          <Alert color="blue" title="Not written yet">
            The email to {d.recipient} is {d.status.toLowerCase()}: the worker writes it to the outbox once the invoice PDF
            and call statement are stored. This view shows it then.
          </Alert>
        )
      ) : (
        <>
          <Paper withBorder radius="md" p="md">
            <DataList aria-label="Email headers">
              <DataList.Item>
                <DataList.ItemLabel>From</DataList.ItemLabel>
                <DataList.ItemValue>{m.from}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>To</DataList.ItemLabel>
                <DataList.ItemValue>{m.to.join(", ")}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Subject</DataList.ItemLabel>
                <DataList.ItemValue fw={600}>{m.subject}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Date</DataList.ItemLabel>
                <DataList.ItemValue>{format.dateTime(m.date)}</DataList.ItemValue>
              </DataList.Item>
              <DataList.Item>
                <DataList.ItemLabel>Message-ID</DataList.ItemLabel>
                <DataList.ItemValue ff="monospace" fz="xs">
                  {m.messageID}
                </DataList.ItemValue>
              </DataList.Item>
            </DataList>
          </Paper>
          <Paper withBorder radius="md" p="md" aria-label="Email text">
            <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
              {m.text}
            </Text>
          </Paper>
          <Table aria-label="Attachments" verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Attachment</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th ta="right">Size</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.attachments.map((a) => (
                <Table.Tr key={a.downloadURL}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <IconPaperclip size={14} />
                      <Anchor href={a.downloadURL} target="_blank" rel="noreferrer">
                        {a.name}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td c="dimmed">{a.contentType}</Table.Td>
                  <Table.Td ta="right">{fileSize(a.size)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group>
            <Button
              component="a"
              href={m.downloadURL}
              variant="default"
              size="xs"
              leftSection={<IconDownload size={14} />}
            >
              Download the email (.eml)
            </Button>
          </Group>
        </>
      )}
      {d.lastError && (
        <Alert color="red" title="Last failure">
          {d.lastError}
        </Alert>
      )}
    </Stack>
  );
}
