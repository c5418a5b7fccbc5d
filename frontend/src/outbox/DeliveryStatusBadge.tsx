import { Badge } from "@mantine/core";
import type { DeliveryStatus } from "../gql/graphql";
import { deliveryColors, deliveryLabels } from "./labels";

export function DeliveryStatusBadge({ status }: { status: DeliveryStatus }) {
  return (
    <Badge variant="light" color={deliveryColors[status]} style={{ flexShrink: 0, overflow: "visible" }}>
      {deliveryLabels[status]}
    </Badge>
  );
}
