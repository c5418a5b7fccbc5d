import { Button, Group, Modal, Stack, Text, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconMailForward, IconRefresh } from "@tabler/icons-react";
import { useState } from "react";
import { useMutation } from "urql";
import { apiErrorMessage, apiErrors } from "../graphql/errors";
import type { DeliveryRowFragment } from "../gql/graphql";
import {
  ResendInvoiceMutation,
  RetryDeliveryMutation,
  SendInvoiceToMutation,
} from "./documents";
import { looksLikeAddress } from "./labels";

const deliveryTypes = { additionalTypenames: ["Delivery", "Invoice"] };

/** Retry for a failed email; Resend for any email of an invoice not deleted: the same invoice again to the same address. */
export function DeliveryActions({ delivery }: { delivery: DeliveryRowFragment }) {
  const [retrying, retry] = useMutation(RetryDeliveryMutation);
  const [sending, sendTo] = useMutation(SendInvoiceToMutation);
  const number = delivery.invoice.number;
  const onRetry = async () => {
    const r = await retry({ id: delivery.id }, deliveryTypes);
    notifications.show(
      r.error
        ? { color: "red", title: "Email not retried", message: apiErrorMessage(r.error) }
        : { color: "teal", title: `Invoice ${number}: email queued again`, message: `To ${delivery.recipient}` },
    );
  };
  const onResend = async () => {
    const r = await sendTo({ id: delivery.invoice.id, address: delivery.recipient }, deliveryTypes);
    notifications.show(
      r.error
        ? { color: "red", title: "Invoice not resent", message: apiErrorMessage(r.error) }
        : { color: "teal", title: `Invoice ${number} resent`, message: `A new email to ${delivery.recipient} is queued` },
    );
  };
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {delivery.status === "FAILED" && (
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          leftSection={<IconRefresh size={12} />}
          loading={retrying.fetching}
          onClick={onRetry}
          aria-label={`Retry the email of invoice ${number} to ${delivery.recipient}`}
        >
          Retry
        </Button>
      )}
      {delivery.invoice.status !== "DELETED" && (
        <Button
          size="compact-xs"
          variant="default"
          leftSection={<IconMailForward size={12} />}
          loading={sending.fetching}
          onClick={onResend}
          aria-label={`Resend invoice ${number} to ${delivery.recipient}`}
        >
          Resend
        </Button>
      )}
    </Group>
  );
}

/** Resend the invoice to its customer's delivery address. */
export function useResendInvoice(invoice: { id: string; number: number }) {
  const [{ fetching }, resend] = useMutation(ResendInvoiceMutation);
  const run = async () => {
    const r = await resend({ id: invoice.id }, deliveryTypes);
    notifications.show(
      r.error
        ? { color: "red", title: `Invoice ${invoice.number} not resent`, message: apiErrorMessage(r.error) }
        : {
            color: "teal",
            title: `Invoice ${invoice.number} resent`,
            message: `A new email to ${r.data?.resendInvoice.recipient ?? "the customer"} is queued`,
          },
    );
  };
  return { resend: run, resending: fetching };
}

/** "Send to another address…": one address, checked here and by the server. */
export function SendToModal({
  invoice,
  onClose,
}: {
  invoice: { id: string; number: number; customerName?: string | null } | null;
  onClose: () => void;
}) {
  return (
    <Modal opened={!!invoice} onClose={onClose} title={invoice ? `Send invoice ${invoice.number} to another address` : ""}>
      {invoice && <SendToForm invoice={invoice} onClose={onClose} />}
    </Modal>
  );
}

function SendToForm({
  invoice,
  onClose,
}: {
  invoice: { id: string; number: number; customerName?: string | null };
  onClose: () => void;
}) {
  const [address, setAddress] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, sendTo] = useMutation(SendInvoiceToMutation);
  const submit = async () => {
    if (!looksLikeAddress(address)) {
      return setError(
        address.trim() === ""
          ? "Write the email address to send the invoice to."
          : "Write one email address such as accounts@example.com, without a name or brackets.",
      );
    }
    const r = await sendTo({ id: invoice.id, address: address.trim() }, deliveryTypes);
    if (r.error) return setError(apiErrors(r.error).map((e) => e.message).join(" "));
    notifications.show({
      color: "teal",
      title: `Invoice ${invoice.number} sent to ${address.trim()}`,
      message: "The email is queued; the worker sends it in a moment.",
    });
    onClose();
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack>
        <Text size="sm">
          The invoice PDF and call statement go to this address as a new email.{" "}
          {invoice.customerName ? `${invoice.customerName}\u2019s own` : "The customer\u2019s"} delivery address stays as it
          is.
        </Text>
        <TextInput
          label="Email address"
          placeholder="accounts@example.com"
          type="email"
          data-autofocus
          value={address}
          error={error}
          onChange={(e) => {
            setAddress(e.currentTarget.value);
            setError(null);
          }}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={fetching} leftSection={<IconMailForward size={16} />}>
            Send
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
