import { graphql } from '../gql';

// Every GraphQL operation of a customer's Charges tab. Types come from
// codegen (`npm run codegen -w frontend`), never by hand.

export const ChargeFieldsFragment = graphql(`
  fragment ChargeFields on Charge {
    id
    kind
    description
    recurrence
    quantity
    unitPrice
    amount
    taxRate
    status
    date
    startDate
    endDate
    billedThrough
    createdAt
    product {
      id
      name
      reference
    }
    invoice {
      id
      number
      issueDate
    }
  }
`);

export const CustomerChargesQuery = graphql(`
  query CustomerCharges($id: ID!, $view: ChargeView!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {
    customer(id: $id) {
      id
      schedule {
        id
        name
        frequency
        anchorDay
      }
      charges(view: $view, first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          node {
            ...ChargeFields
          }
        }
      }
    }
  }
`);

/** The products a charge can be made from. */
export const ChargeProductsQuery = graphql(`
  query ChargeProducts($where: ProductWhereInput) {
    products(first: 50, where: $where, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          reference
          recurrence
        }
      }
    }
  }
`);

export const ProductPriceForCustomerQuery = graphql(`
  query ProductPriceForCustomer($productID: ID!, $customerID: ID!) {
    productPrice(productID: $productID, customerID: $customerID)
  }
`);

export const AddChargeMutation = graphql(`
  mutation AddCharge($customerID: ID!, $input: ChargeInput!) {
    addCharge(customerID: $customerID, input: $input) {
      ...ChargeFields
    }
  }
`);

export const UpdateChargeMutation = graphql(`
  mutation UpdateCharge($id: ID!, $input: ChargeInput!) {
    updateCharge(id: $id, input: $input) {
      ...ChargeFields
    }
  }
`);

export const DeleteChargeMutation = graphql(`
  mutation DeleteCharge($id: ID!) {
    deleteCharge(id: $id)
  }
`);
