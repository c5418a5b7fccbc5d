import { graphql } from "../gql";

// Every GraphQL operation of the Invoices area. Types come from codegen.

export const InvoiceListQuery = graphql(`
  query InvoiceList(
    $view: InvoiceView!
    $search: String
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
  ) {
    invoiceList(
      view: $view
      search: $search
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
    invoiceTotals(view: $view, search: $search) {
      count
      netTotal
      taxTotal
      total
    }
  }
`);

export const InvoiceRowFragment = graphql(`
  fragment InvoiceRow on Invoice {
    id
    number
    status
    issueDate
    dueDate
    customerName
    customerReference
    netTotal
    taxTotal
    total
    settledAt
    deletedAt
    customer {
      id
    }
  }
`);

export const InvoiceQuery = graphql(`
  query Invoice($id: ID!) {
    node(id: $id) {
      __typename
      ... on Invoice {
        ...InvoiceRow
        currency
        taxExempt
        customerAddress
        periodStart
        periodEnd
        settleComment
        deleteReason
        documentsAt
        statementFormat
        taxSummary {
          rate
          net
          tax
        }
        lines {
          id
          position
          kind
          heading
          category
          description
          quantity
          unitPrice
          amount
          taxRate
          calls
          serviceFrom
          serviceTo
          proRata
        }
        emails {
          ...DeliveryRow
        }
        billingRun {
          id
          periodName
        }
      }
    }
  }
`);

export const SettleInvoiceMutation = graphql(`
  mutation SettleInvoice($id: ID!, $settleDate: Date, $comment: String) {
    settleInvoice(id: $id, settleDate: $settleDate, comment: $comment) {
      ...InvoiceRow
      settleComment
    }
  }
`);

export const SettleInvoicesMutation = graphql(`
  mutation SettleInvoices(
    $from: Date!
    $to: Date!
    $settleDate: Date
    $comment: String
  ) {
    settleInvoices(
      from: $from
      to: $to
      settleDate: $settleDate
      comment: $comment
    ) {
      count
      numbers
      total
    }
  }
`);

export const DeleteInvoiceMutation = graphql(`
  mutation DeleteInvoice($id: ID!, $withCharges: Boolean!, $reason: String) {
    deleteInvoice(id: $id, withCharges: $withCharges, reason: $reason) {
      ...InvoiceRow
      deleteReason
    }
  }
`);

export const CustomerInvoicesQuery = graphql(`
  query CustomerInvoices($id: ID!, $view: InvoiceView!) {
    customer(id: $id) {
      ... on Customer {
        id
        balance
        invoiceList(view: $view, first: 50) {
          totalCount
          edges {
            node {
              ...InvoiceRow
            }
          }
        }
      }
    }
  }
`);
