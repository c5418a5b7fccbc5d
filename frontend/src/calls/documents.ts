import { graphql } from '../gql';

// Every GraphQL operation of the Calls area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const CallListQuery = graphql(`
  query CallList(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $where: CallWhereInput
    $orderBy: CallOrder = { field: START, direction: DESC }
  ) {
    calls(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          line
          status
          source
          sourceDisplay
          destination
          destinationDisplay
          account
          chargeCode
          start
          duration
          billableSeconds
          band
          rateDestination
          rateDestinationDisplay
          ratePerMinute
          rate {
            id
            description
          }
          price
          cost
          customer {
            id
            name
            reference
          }
          upload {
            id
            fileName
          }
        }
      }
    }
    callTotals(where: $where) {
      calls
      price
    }
  }
`);

/** Uploads whose calls are not a customer's yet (analysed, not processed). */
export const OpenUploadsQuery = graphql(`
  query OpenUploads {
    cdrUploads(first: 100, where: { statusNEQ: PROCESSED }) {
      edges {
        node {
          id
        }
      }
    }
  }
`);

export const CallUploadQuery = graphql(`
  query CallUpload($id: ID!) {
    node(id: $id) {
      ... on CdrUpload {
        id
        fileName
        callsReport: reportURL(kind: CALLS)
      }
    }
  }
`);
