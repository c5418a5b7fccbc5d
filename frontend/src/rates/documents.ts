import { graphql } from '../gql';

// Every GraphQL operation of the Tariffs & rates area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const TariffListQuery = graphql(`
  query TariffList {
    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          name
          isDefault
          bandMode
          description
          rateSheets {
            id
            inForce
          }
        }
      }
    }
  }
`);

export const RateSheetVersionFragment = graphql(`
  fragment RateSheetVersion on RateSheet {
    id
    direction
    version
    effectiveFrom
    effectiveUntil
    inForce
    rowCount
    fileName
    units
    createdAt
    downloadURL
    provider {
      id
      name
    }
  }
`);

export const TariffQuery = graphql(`
  query Tariff($id: ID!) {
    tariffs(first: 1, where: { id: $id }) {
      edges {
        node {
          id
          name
          isDefault
          bandMode
          description
          peakTimes {
            id
            name
          }
          rateSheets {
            ...RateSheetVersion
          }
        }
      }
    }
  }
`);

export const TariffFieldsFragment = graphql(`
  fragment TariffFields on Tariff {
    id
    name
    isDefault
    bandMode
    description
  }
`);

export const CreateTariffMutation = graphql(`
  mutation CreateTariff($input: CreateTariffInput!) {
    createTariff(input: $input) {
      ...TariffFields
    }
  }
`);

export const UpdateTariffMutation = graphql(`
  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {
    updateTariff(id: $id, input: $input) {
      ...TariffFields
    }
  }
`);

export const DeleteTariffMutation = graphql(`
  mutation DeleteTariff($id: ID!) {
    deleteTariff(id: $id)
  }
`);

// The file travels as a GraphQL multipart request: urql's fetchExchange puts
// any File in the variables into the form (see upload.test.ts).
export const UploadRateSheetMutation = graphql(`
  mutation UploadRateSheet($input: UploadRateSheetInput!) {
    uploadRateSheet(input: $input) {
      ...RateSheetVersion
    }
  }
`);

export const RateSheetRowsQuery = graphql(`
  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {
    rateSheets(first: 1, where: { id: $id }) {
      edges {
        node {
          id
          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {
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
                destination
                description
                minimumCharge
                connectionFee
                peak
                offpeak
                weekend
                peakCost
                offpeakCost
                weekendCost
                durationBlock
              }
            }
          }
        }
      }
    }
  }
`);

// What a new version's effective-from would leave without a rate, asked as the clerk chooses it.
export const RateSheetUncoveredCallsQuery = graphql(`
  query RateSheetUncoveredCalls(
    $tariffID: ID!
    $providerID: ID
    $direction: RateSheetDirection!
    $effectiveFrom: Time!
  ) {
    rateSheetUncoveredCalls(
      tariffID: $tariffID
      providerID: $providerID
      direction: $direction
      effectiveFrom: $effectiveFrom
    ) {
      upload {
        id
        fileName
      }
      calls
      firstStart
      lastStart
    }
  }
`);
