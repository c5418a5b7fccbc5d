import { graphql } from '../gql';

// The dashboard's one query: every card, plus how far the reseller has got
// (customers, uploads) so an empty card can say what to do first.

export const DashboardQuery = graphql(`
  query Dashboard($days: Int!, $dueWithin: Int!) {
    dashboard {
      revenueByMonth(months: 12) {
        month
        invoices
        net
        tax
        total
      }
      unbilled(first: 8) {
        total
        customers
        top {
          amount
          customer {
            id
            reference
            name
          }
        }
      }
      callsPerDay(days: $days) {
        day
        calls
        value
      }
      topDestinations(days: $days, first: 8) {
        byValue {
          destination
          description
          calls
          value
        }
        byCount {
          destination
          description
          calls
          value
        }
      }
      waitingUploads(first: 8) {
        count
        calls
        total
        uploads {
          id
          fileName
          priced
          totalPrice
          analysedAt
          provider {
            id
            name
          }
        }
      }
      invoicesDue(withinDays: $dueWithin, first: 8) {
        count
        overdue
        total
        invoices {
          id
          number
          dueDate
          total
          customer {
            id
            reference
            name
          }
        }
      }
    }
    customers(first: 1) {
      totalCount
    }
    cdrUploads(first: 1) {
      totalCount
    }
  }
`);
