import type { DeliveryStatus } from "../gql/graphql";

/** A delivery's status as the clerk reads it. */
export const deliveryLabels: Record<DeliveryStatus, string> = {
  QUEUED: "Queued",
  SENDING: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};

export const deliveryColors: Record<DeliveryStatus, string> = {
  QUEUED: "blue",
  SENDING: "yellow",
  SENT: "teal",
  FAILED: "red",
  CANCELLED: "gray",
};

/** The filters of the Outbox page, in the order a clerk works through them. */
export const outboxFilters = ["ALL", "QUEUED", "SENDING", "SENT", "FAILED"] as const;
export type OutboxFilter = (typeof outboxFilters)[number];

/** True while the worker still has something to do with the email. */
export function isPending(status: DeliveryStatus): boolean {
  return status === "QUEUED" || status === "SENDING";
}

/** One address, as the server accepts it: a@b.example, no name, no spaces. */
export function looksLikeAddress(s: string): boolean {
  return /^[^\s@<>,;]+@[^\s@<>,;]+\.[^\s@<>,;.]+$/.test(s.trim());
}

/** "12.3 kB": a file size in the units a clerk reads. */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
