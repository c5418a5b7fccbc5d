import type { InvoiceStatus, InvoiceView } from "../gql/graphql";
import { formatDate } from "../common/time";

export const statusLabels: Record<InvoiceStatus, string> = {
  ISSUED: "Outstanding",
  SETTLED: "Settled",
  DELETED: "Deleted",
};

export const statusColors: Record<InvoiceStatus, string> = {
  ISSUED: "blue",
  SETTLED: "teal",
  DELETED: "gray",
};

export const viewLabels: Record<Exclude<InvoiceView, "ALL">, string> = {
  OUTSTANDING: "Outstanding",
  SETTLED: "Settled",
  DELETED: "Deleted",
};

/**
 * An invoice date (issue, due, settled) is a calendar day stored as its
 * midnight in UTC: read it in UTC so no zone moves it to the day before.
 */
export function invoiceDay(time: string | null | undefined): string {
  return formatDate(time, "UTC");
}

/** True when an outstanding invoice's due date is before today. */
export function isOverdue(
  status: InvoiceStatus,
  dueDate: string | null | undefined,
  today: string,
): boolean {
  return status === "ISSUED" && !!dueDate && dueDate.slice(0, 10) < today;
}
