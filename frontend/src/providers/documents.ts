import { graphql } from '../gql';

// Every GraphQL operation of the Providers area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const CsvMappingFieldsFragment = graphql(`
  fragment CsvMappingFields on CsvMapping {
    delimiter
    header
    source
    destination
    account
    chargeCode
    start
    date
    time
    answer
    duration
    uniqueId
    providerPrice
    negativePrices
    layouts
    timeZone
    durationUnit
  }
`);

export const ProviderFieldsFragment = graphql(`
  fragment ProviderFields on Provider {
    id
    name
    cdrFormat
    timeZone
    createdAt
    csvMapping {
      ...CsvMappingFields
    }
  }
`);

export const ProviderListQuery = graphql(`
  query ProviderList {
    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges {
        node {
          ...ProviderFields
        }
      }
    }
    cdrFormats {
      value
      label
      description
    }
  }
`);

export const CreateProviderMutation = graphql(`
  mutation CreateProvider($input: CreateProviderInput!) {
    createProvider(input: $input) {
      ...ProviderFields
    }
  }
`);

export const UpdateProviderMutation = graphql(`
  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {
    updateProvider(id: $id, input: $input) {
      ...ProviderFields
    }
  }
`);

export const DeleteProviderMutation = graphql(`
  mutation DeleteProvider($id: ID!) {
    deleteProvider(id: $id)
  }
`);

export const CsvMappingPresetsQuery = graphql(`
  query CsvMappingPresets {
    csvMappingPresets {
      name
      description
      mapping {
        ...CsvMappingFields
      }
    }
  }
`);

export const SetProviderCsvMappingMutation = graphql(`
  mutation SetProviderCsvMapping($providerID: ID!, $mapping: CsvMappingInput!) {
    setProviderCsvMapping(providerID: $providerID, mapping: $mapping) {
      ...ProviderFields
    }
  }
`);

// The sample file travels as a GraphQL multipart request; nothing is stored.
export const PreviewCdrMappingMutation = graphql(`
  mutation PreviewCdrMapping($mapping: CsvMappingInput!, $file: Upload!, $timeZone: String) {
    previewCdrMapping(mapping: $mapping, file: $file, lines: 10, timeZone: $timeZone) {
      header
      lines {
        line
        fields
        source
        destination
        start
        durationSeconds
        uniqueId
        problem
      }
    }
  }
`);
