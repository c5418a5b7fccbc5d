import {
  Alert,
  Button,
  Group,
  Modal,
  Radio,
  Stack,
  Text,
  TextInput,
  Textarea,
} from "@mantine/core";
import { DayInput } from "../common/DayInput";
import { notifications } from "@mantine/notifications";
import { useState } from "react";
import { useMutation } from "urql";
import { useSettings } from "../common/settings";
import { nowInZone } from "../common/time";
import { useFormat } from "../common/useFormat";
import { apiErrorMessage } from "../graphql/errors";
import type { InvoiceRowFragment } from "../gql/graphql";
import {
  DeleteInvoiceMutation,
  SettleInvoiceMutation,
  SettleInvoicesMutation,
} from "./documents";
import { invoiceDay } from "./labels";

const invoiceTypes = { additionalTypenames: ["Invoice", "Charge", "Customer"] };

function useToday() {
  return nowInZone(useSettings().timeZone).day;
}

/** Settle one outstanding invoice: the day it was paid and a comment. */
export function SettleInvoiceModal({
  invoice,
  onClose,
}: {
  invoice: InvoiceRowFragment | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={!!invoice}
      onClose={onClose}
      title={invoice ? `Settle invoice ${invoice.number}` : ""}
    >
      {invoice && <SettleOne invoice={invoice} onClose={onClose} />}
    </Modal>
  );
}

function SettleOne({
  invoice,
  onClose,
}: {
  invoice: InvoiceRowFragment;
  onClose: () => void;
}) {
  const format = useFormat();
  const [day, setDay] = useState<string | null>(useToday());
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, settle] = useMutation(SettleInvoiceMutation);
  const submit = async () => {
    const r = await settle(
      {
        id: invoice.id,
        settleDate: day || undefined,
        comment: comment || undefined,
      },
      invoiceTypes,
    );
    if (r.error) return setError(apiErrorMessage(r.error));
    notifications.show({
      color: "teal",
      title: `Invoice ${invoice.number} settled`,
      message: format.total(invoice.total),
    });
    onClose();
  };
  return (
    <Stack>
      <Text size="sm">
        Invoice {invoice.number} to {invoice.customerName} for{" "}
        <b>{format.total(invoice.total)}</b>, issued{" "}
        {invoiceDay(invoice.issueDate)}, is marked paid on the day you give. It
        leaves the outstanding list and the customer’s balance falls by its
        total.
      </Text>
      <DayInput
        label="Paid on"
        valueFormat="D MMM YYYY"
        value={day}
        onChange={setDay}
        required
        maxDate={useToday()}
      />
      <TextInput
        label="Comment"
        placeholder="e.g. BACS ref 4471"
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" title="Not settled">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={fetching} disabled={!day}>
          Settle invoice {invoice.number}
        </Button>
      </Group>
    </Stack>
  );
}

/** Settle every outstanding invoice issued within two days, on one day, with one comment. */
export function SettleRangeModal({
  opened,
  onClose,
}: {
  opened: boolean;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Settle invoices by issue date"
      size="lg"
    >
      {opened && <SettleRange onClose={onClose} />}
    </Modal>
  );
}

function SettleRange({ onClose }: { onClose: () => void }) {
  const format = useFormat();
  const today = useToday();
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(today);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, settle] = useMutation(SettleInvoicesMutation);
  const submit = async () => {
    if (!from || !to) return;
    const r = await settle(
      { from, to, settleDate: day || undefined, comment: comment || undefined },
      invoiceTypes,
    );
    if (r.error) return setError(apiErrorMessage(r.error));
    const s = r.data?.settleInvoices;
    notifications.show({
      color: "teal",
      title: s?.count ? `${s.count} invoices settled` : "No invoice to settle",
      message: s?.count
        ? `Numbers ${s.numbers.join(", ")}: ${format.total(s.total)}`
        : "No outstanding invoice was issued on those days.",
    });
    onClose();
  };
  return (
    <Stack>
      <Text size="sm">
        Every <b>outstanding</b> invoice issued from the first day to the last
        (both included) is marked paid on the settle day, with your comment.
        Invoices already settled or deleted stay as they are.
      </Text>
      <Group grow>
        <DayInput
          label="Issued from"
          valueFormat="D MMM YYYY"
          value={from}
          onChange={setFrom}
          required
        />
        <DayInput
          label="Issued to"
          valueFormat="D MMM YYYY"
          value={to}
          onChange={setTo}
          required
          minDate={from ?? undefined}
        />
      </Group>
      <DayInput
        label="Paid on"
        valueFormat="D MMM YYYY"
        value={day}
        onChange={setDay}
        maxDate={today}
      />
      <TextInput
        label="Comment"
        placeholder="e.g. June remittance"
        value={comment}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {error && (
        <Alert color="red" title="Nothing settled">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} loading={fetching} disabled={!from || !to}>
          Settle these invoices
        </Button>
      </Group>
    </Stack>
  );
}

/** Delete an outstanding invoice, alone or with its charges, saying what each does. */
export function DeleteInvoiceModal({
  invoice,
  onClose,
}: {
  invoice: InvoiceRowFragment | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={!!invoice}
      onClose={onClose}
      title={invoice ? `Delete invoice ${invoice.number}` : ""}
      size="lg"
    >
      {invoice && <DeleteOne invoice={invoice} onClose={onClose} />}
    </Modal>
  );
}

function DeleteOne({
  invoice,
  onClose,
}: {
  invoice: InvoiceRowFragment;
  onClose: () => void;
}) {
  const format = useFormat();
  const [how, setHow] = useState<"alone" | "charges">("alone");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [{ fetching }, del] = useMutation(DeleteInvoiceMutation);
  const submit = async () => {
    const r = await del(
      {
        id: invoice.id,
        withCharges: how === "charges",
        reason: reason || undefined,
      },
      invoiceTypes,
    );
    if (r.error) return setError(apiErrorMessage(r.error));
    notifications.show({
      color: "teal",
      title: `Invoice ${invoice.number} deleted`,
      message: "Its number stays on record as deleted.",
    });
    onClose();
  };
  return (
    <Stack>
      <Text size="sm">
        Invoice {invoice.number} to {invoice.customerName} for{" "}
        {format.total(invoice.total)} is marked deleted. Its number stays on
        record, so the sequence has no gap, and emails not yet sent are
        cancelled.
      </Text>
      <Radio.Group
        label="What happens to what it billed"
        value={how}
        onChange={(v) => setHow(v as "alone" | "charges")}
      >
        <Stack gap="sm" mt="xs">
          <Radio
            value="alone"
            label="Delete the invoice only"
            description="Its charges go back to pending and the next billing run invoices them again: its calls as unbilled calls on a new Call Charges line, one-off charges as they were, and recurring charges from the first period this invoice billed."
          />
          <Radio
            value="charges"
            label="Delete the invoice and its charges"
            description="Its one-off charges are removed and its calls become unbilled again (the customer’s unbilled calls grow by them). Recurring charges keep running, but the periods this invoice billed are written off."
          />
        </Stack>
      </Radio.Group>
      <Textarea
        label="Reason"
        placeholder="e.g. issued to the wrong customer"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={2}
      />
      {error && (
        <Alert color="red" title="Not deleted">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Keep it
        </Button>
        <Button color="red" onClick={submit} loading={fetching}>
          {how === "alone"
            ? `Delete invoice ${invoice.number}`
            : `Delete invoice ${invoice.number} and its charges`}
        </Button>
      </Group>
    </Stack>
  );
}
