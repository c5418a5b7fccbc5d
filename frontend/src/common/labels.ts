import type { CdrUploadDirection, RateSheetDirection } from '../gql/graphql';

/** A rate sheet and a CDR file have the same two directions. */
export const DIRECTION_LABELS: Record<RateSheetDirection & CdrUploadDirection, string> = {
  OUTBOUND: 'Outbound',
  INBOUND: 'Inbound',
};
