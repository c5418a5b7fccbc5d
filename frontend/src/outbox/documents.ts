import { graphql } from "../gql";

// Every GraphQL operation of the Outbox: invoice emails and their actions.

export const DeliveryRowFragment = graphql(`
  fragment DeliveryRow on Delivery {
    id
    createdAt
    recipient
    status
    attempts
    nextAttemptAt
    lastError
    sentAt
    invoice {
      id
      number
      customerName
      customerReference
      status
    }
  }
`);

export const OutboxQuery = graphql(`
  query Outbox(
    $status: DeliveryStatus
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
  ) {
    mailTransport
    outbox(
      status: $status
      first: $first
      after: $after
      last: $last
      before: $before
    ) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...DeliveryRow
        }
      }
    }
    all: outbox(first: 0) {
      totalCount
    }
    queued: outbox(status: QUEUED, first: 0) {
      totalCount
    }
    sending: outbox(status: SENDING, first: 0) {
      totalCount
    }
    sent: outbox(status: SENT, first: 0) {
      totalCount
    }
    failed: outbox(status: FAILED, first: 0) {
      totalCount
    }
  }
`);

export const OutboxMessageQuery = graphql(`
  query OutboxMessage($id: ID!) {
    mailTransport
    node(id: $id) {
      __typename
      ... on Delivery {
        ...DeliveryRow
        messageID
        message {
          messageID
          from
          to
          subject
          date
          text
          downloadURL
          attachments {
            name
            contentType
            size
            downloadURL
          }
        }
      }
    }
  }
`);

export const RetryDeliveryMutation = graphql(`
  mutation RetryDelivery($id: ID!) {
    retryDelivery(id: $id) {
      ...DeliveryRow
    }
  }
`);

export const ResendInvoiceMutation = graphql(`
  mutation ResendInvoice($id: ID!) {
    resendInvoice(id: $id) {
      ...DeliveryRow
    }
  }
`);

export const SendInvoiceToMutation = graphql(`
  mutation SendInvoiceTo($id: ID!, $address: String!) {
    sendInvoiceTo(id: $id, address: $address) {
      ...DeliveryRow
    }
  }
`);
