import { graphql } from '../gql';

// Every GraphQL operation of the Customers area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const CustomerListQuery = graphql(`
  query CustomerList(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $where: CustomerWhereInput
    $orderBy: CustomerOrder
  ) {
    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          reference
          name
          billingType
          status
          unbilledTotal
          parent {
            id
            name
          }
          tariff {
            id
            name
          }
        }
      }
    }
  }
`);

export const CustomerPickerQuery = graphql(`
  query CustomerPicker($where: CustomerWhereInput) {
    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          reference
        }
      }
    }
  }
`);

export const TariffPickerQuery = graphql(`
  query TariffPicker {
    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          isDefault
        }
      }
    }
  }
`);

export const CustomerDetailsFragment = graphql(`
  fragment CustomerDetails on Customer {
    id
    reference
    name
    billingType
    parent {
      id
      name
      reference
    }
    taxExempt
    status
    invoiceDelivery
    deliveryEmail
    callStatementFormat
    paymentTerms
    postalAddress
    tariff {
      id
      name
    }
    schedule {
      id
      name
    }
    unbilledTotal
    createdAt
    updatedAt
  }
`);

export const CustomerQuery = graphql(`
  query Customer($id: ID!) {
    customer(id: $id) {
      ...CustomerDetails
      clis {
        id
        value
        display
        isRange
        isAccount
        validFrom
        validTo
        description
        site {
          id
          name
        }
      }
      sites {
        id
        name
        address
      }
      children {
        id
        name
        reference
      }
    }
  }
`);

export const CreateCustomerMutation = graphql(`
  mutation CreateCustomer($input: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) {
    createCustomer(input: $input, clis: $clis) {
      ...CustomerDetails
      clis {
        id
        display
      }
    }
  }
`);

export const UpdateCustomerMutation = graphql(`
  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {
    updateCustomer(id: $id, input: $input) {
      ...CustomerDetails
    }
  }
`);

export const DeleteCustomerMutation = graphql(`
  mutation DeleteCustomer($id: ID!) {
    deleteCustomer(id: $id)
  }
`);

export const CreateCliMutation = graphql(`
  mutation CreateCli($input: CreateCliInput!) {
    createCli(input: $input) {
      id
      value
      display
      isRange
      isAccount
      validFrom
      validTo
      description
      site {
        id
        name
      }
    }
  }
`);

export const DeleteCliMutation = graphql(`
  mutation DeleteCli($id: ID!) {
    deleteCli(id: $id)
  }
`);

export const CreateSiteMutation = graphql(`
  mutation CreateSite($input: CreateSiteInput!) {
    createSite(input: $input) {
      id
      name
      address
    }
  }
`);

/** Puts the chosen customers on one tariff, all or none. */
export const SetCustomersTariffMutation = graphql(`
  mutation SetCustomersTariff($ids: [ID!]!, $tariffID: ID) {
    setCustomersTariff(ids: $ids, tariffID: $tariffID) {
      id
      tariff {
        id
        name
      }
    }
  }
`);
