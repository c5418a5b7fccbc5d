import { graphql } from '../gql';

// Every GraphQL operation of the Billing runs area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const BillingPeriodFieldsFragment = graphql(`
  fragment BillingPeriodFields on BillingPeriod {
    name
    start
    last
    days
    dueAt
  }
`);

/** The schedules a run may bill, with the periods that have ended. */
export const RunSchedulesQuery = graphql(`
  query RunSchedules {
    billingSchedules {
      id
      name
      frequency
      anchorDay
      customerCount
      currentPeriod {
        ...BillingPeriodFields
      }
      endedPeriods(count: 12) {
        ...BillingPeriodFields
      }
    }
    settings {
      company {
        nextInvoiceNumber
      }
    }
  }
`);

export const BillingRunFieldsFragment = graphql(`
  fragment BillingRunFields on BillingRun {
    id
    status
    createdAt
    periodName
    periodStart
    periodEnd
    customersTotal
    customersDone
    invoiceCount
    documentsDone
    firstNumber
    lastNumber
    netTotal
    total
    startedAt
    finishedAt
    issueDate
    callsUpTo
    startingNumber
    minimumAmount
    sendEmails
    failureReason
    timeLeftSeconds
    schedule {
      id
      name
    }
  }
`);

export const PreviewInvoiceFieldsFragment = graphql(`
  fragment PreviewInvoiceFields on PreviewInvoice {
    number
    customerReference
    customerName
    issueDate
    dueDate
    taxExempt
    net
    tax
    total
    email
    customer {
      id
    }
    sections {
      heading
      lines {
        kind
        description
        quantity
        unitPrice
        amount
        taxRate
        calls
        proRata
        serviceFrom
        serviceTo
      }
    }
    taxes {
      rate
      net
      tax
    }
  }
`);

export const BillingRunPreviewQuery = graphql(`
  query BillingRunPreview($input: BillingRunInput!, $first: Int, $offset: Int) {
    billingRunPreview(input: $input, first: $first, offset: $offset) {
      period
      periodStart
      periodEnd
      callsUpTo
      issueDate
      customerCount
      invoiceCount
      invoices {
        ...PreviewInvoiceFields
      }
      carriedOver {
        total
        customer {
          id
          name
          reference
        }
        customers {
          id
        }
      }
      warnings
      firstNumber
      lastNumber
      nextNumber
      net
      tax
      total
      callCount
      callTotal
      emailCount
    }
  }
`);

export const StartBillingRunMutation = graphql(`
  mutation StartBillingRun($input: BillingRunInput!) {
    startBillingRun(input: $input) {
      ...BillingRunFields
    }
  }
`);

export const BillingRunProgressSubscription = graphql(`
  subscription BillingRunProgress($id: ID!) {
    billingRunProgress(id: $id) {
      ...BillingRunFields
    }
  }
`);

/** Past runs, newest first. */
export const BillingRunListQuery = graphql(`
  query BillingRunList($first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    billingRuns(
      first: $first
      after: $after
      last: $last
      before: $before
      orderBy: { field: CREATED_AT, direction: DESC }
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
          ...BillingRunFields
        }
      }
    }
  }
`);

/** One run and a page of the invoices it issued, in number order. */
export const BillingRunQuery = graphql(`
  query BillingRun($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    node(id: $id) {
      __typename
      ... on BillingRun {
        ...BillingRunFields
      }
    }
    invoices(
      where: { hasBillingRunWith: [{ id: $id }] }
      orderBy: { field: NUMBER, direction: ASC }
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
          ...InvoiceRow
        }
      }
    }
  }
`);
