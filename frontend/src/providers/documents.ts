import { graphql } from '../gql';

// Every GraphQL operation of the Providers area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const ProviderFieldsFragment = graphql(`
  fragment ProviderFields on Provider {
    id
    name
    cdrFormat
    timeZone
    createdAt
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
      name
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
