import { graphql } from '../gql';

// The portal's operations: what a customer's portal user reads. Types come
// from codegen (`npm run codegen -w frontend`), never by hand.

export const PortalSettingsQuery = graphql(`
  query PortalSettings {
    portal {
      settings {
        companyName
        currency
        currencySymbol
        minorUnitSymbol
        minorUnitName
        majorUnitName
        timeZone
        countryCode
        callPriceDecimals
        invoiceDecimals
        rounding
      }
      customers {
        id
        reference
        name
        child
      }
    }
  }
`);

export const PortalInvoiceSummaryFragment = graphql(`
  fragment PortalInvoiceSummary on PortalInvoice {
    id
    number
    issueDate
    dueDate
    status
    overdue
    customerName
    periodStart
    periodEnd
    total
    pdfURL
    statementURL
  }
`);

export const PortalHomeQuery = graphql(`
  query PortalHome {
    portal {
      balance
      latestInvoice {
        ...PortalInvoiceSummary
      }
      invoices(outstanding: true, first: 10) {
        totalCount
        nodes {
          ...PortalInvoiceSummary
        }
      }
      activity(days: 30) {
        byDay {
          day
          calls
          price
        }
        byHour {
          hour
          calls
        }
      }
    }
  }
`);

export const PortalInvoicesQuery = graphql(`
  query PortalInvoices($outstanding: Boolean, $first: Int, $offset: Int) {
    portal {
      invoices(outstanding: $outstanding, first: $first, offset: $offset) {
        totalCount
        nodes {
          ...PortalInvoiceSummary
        }
      }
    }
  }
`);

export const PortalInvoiceQuery = graphql(`
  query PortalInvoice($id: ID!) {
    portal {
      invoice(id: $id) {
        ...PortalInvoiceSummary
        customerReference
        netTotal
        taxTotal
        settledAt
        lines {
          position
          category
          heading
          description
          quantity
          unitPrice
          amount
          taxRate
        }
      }
    }
  }
`);

export const PortalCallsQuery = graphql(`
  query PortalCalls($filter: PortalCallFilter, $first: Int, $offset: Int) {
    portal {
      calls(filter: $filter, first: $first, offset: $offset) {
        totalCount
        totalPrice
        nodes {
          id
          start
          cli
          dialled
          destination
          band
          duration
          price
          customerName
        }
      }
    }
  }
`);

export const PortalUsersQuery = graphql(`
  query PortalUsers($id: ID!) {
    customer: node(id: $id) {
      ... on Customer {
        id
        portalUsers {
          id
          email
          name
          disabled
          lastSignInAt
        }
      }
    }
  }
`);

export const InvitePortalUserMutation = graphql(`
  mutation InvitePortalUser($customerID: ID!, $email: String!, $name: String) {
    invitePortalUser(customerID: $customerID, email: $email, name: $name) {
      user {
        id
        email
        name
        disabled
        lastSignInAt
      }
      link
      expiresAt
      emailed
    }
  }
`);

export const SetPortalUserDisabledMutation = graphql(`
  mutation SetPortalUserDisabled($id: ID!, $disabled: Boolean!) {
    setPortalUserDisabled(id: $id, disabled: $disabled) {
      id
      disabled
    }
  }
`);
