import { graphql } from '../gql';

// Every GraphQL operation of the Uploads (CDR) area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

/** What a row of the uploads list shows; also what every progress event carries. */
export const UploadRowFragment = graphql(`
  fragment UploadRow on CdrUpload {
    id
    fileName
    direction
    status
    failureReason
    createdAt
    updatedAt
    analysedAt
    processedAt
    sizeBytes
    linesRead
    priced
    withoutCustomer
    withoutRate
    zeroDuration
    duplicates
    unreadable
    notVoice
    totalPrice
    countsAddUp
    provider {
      id
      name
    }
    progress {
      phase
      fraction
      linesDone
      linesPerSecond
      etaSeconds
    }
  }
`);

export const UploadListQuery = graphql(`
  query UploadList($first: Int, $after: Cursor, $last: Int, $before: Cursor, $orderBy: CdrUploadOrder) {
    cdrUploads(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...UploadRow
        }
      }
    }
  }
`);

// The reconciliation lists leave out firstCall/lastCall: see EarliestUnmatchedCallQuery.
export const UploadDetailQuery = graphql(`
  query UploadDetail($id: ID!) {
    node(id: $id) {
      ... on CdrUpload {
        ...UploadRow
        totalCost
        totalMargin
        unmatchedClis(first: 100) {
          source
          sourceDisplay
          account
          calls
          value
          unvalued
        }
        unratedDestinations(first: 100) {
          prefix
          example
          calls
          tariffs {
            id
            name
          }
        }
        outdatedBecause
        lineProblems(first: 100) {
          line
          reason
        }
        callsReport: reportURL(kind: CALLS)
        pricedReport: reportURL(kind: PRICED)
        noCustomerReport: reportURL(kind: NO_CUSTOMER)
        noRateReport: reportURL(kind: NO_RATE)
        zeroDurationReport: reportURL(kind: ZERO_DURATION)
        duplicateReport: reportURL(kind: DUPLICATE)
        unreadableReport: reportURL(kind: UNREADABLE)
      }
    }
  }
`);

export const UploadChangedSubscription = graphql(`
  subscription UploadChanged($id: ID) {
    uploadChanged(id: $id) {
      ...UploadRow
    }
  }
`);

// The file travels as a GraphQL multipart request: urql's fetchExchange puts
// any File in the variables into the form.
export const UploadCdrMutation = graphql(`
  mutation UploadCdr($input: UploadCdrInput!) {
    uploadCdr(input: $input) {
      ...UploadRow
    }
  }
`);

export const ReanalyseUploadMutation = graphql(`
  mutation ReanalyseUpload($id: ID!) {
    reanalyseUpload(id: $id) {
      ...UploadRow
    }
  }
`);

export const DeleteUploadMutation = graphql(`
  mutation DeleteUpload($id: ID!) {
    deleteUpload(id: $id)
  }
`);

export const ProcessUploadMutation = graphql(`
  mutation ProcessUpload($id: ID!) {
    processUpload(id: $id) {
      ...UploadRow
    }
  }
`);

/** The first call from a CLI no customer owned: where the one-click fix's CLI starts. */
export const EarliestUnmatchedCallQuery = graphql(`
  query EarliestUnmatchedCall($where: CallWhereInput!) {
    calls(first: 1, orderBy: { field: START, direction: ASC }, where: $where) {
      totalCount
      edges {
        node {
          id
          start
        }
      }
    }
  }
`);

/** One page of an upload's priced calls, to name the customers processing will charge. */
export const PricedCustomersQuery = graphql(`
  query PricedCustomers($where: CallWhereInput!) {
    calls(first: 100, where: $where) {
      totalCount
      edges {
        node {
          id
          customer {
            id
            name
            reference
          }
        }
      }
    }
  }
`);

export const AssignCliMutation = graphql(`
  mutation AssignCli($input: CreateCliInput!) {
    createCli(input: $input) {
      id
      value
      display
      validFrom
      customer {
        id
        name
        reference
      }
    }
  }
`);
