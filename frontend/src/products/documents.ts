import { graphql } from '../gql';

// Every GraphQL operation of the Products area. Types come from codegen
// (`npm run codegen -w frontend`), never by hand.

export const ProductFieldsFragment = graphql(`
  fragment ProductFields on Product {
    id
    name
    reference
    category
    accountingCode
    description
    recurrence
    taxRate
    costPrice
    prices {
      id
      price
      tariff {
        id
        name
        isDefault
      }
    }
  }
`);

export const ProductListQuery = graphql(`
  query ProductList(
    $first: Int
    $after: Cursor
    $last: Int
    $before: Cursor
    $where: ProductWhereInput
    $orderBy: ProductOrder
  ) {
    products(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          ...ProductFields
        }
      }
    }
  }
`);

/** The tariffs a product is priced on, and the default tax rate an empty override stands for. */
export const ProductPricingQuery = graphql(`
  query ProductPricing {
    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {
      edges {
        node {
          id
          name
          isDefault
        }
      }
    }
    settings {
      company {
        defaultTaxRate
      }
    }
  }
`);

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: ProductInput!) {
    createProduct(input: $input) {
      ...ProductFields
    }
  }
`);

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($id: ID!, $input: ProductInput!) {
    updateProduct(id: $id, input: $input) {
      ...ProductFields
    }
  }
`);

export const DeleteProductMutation = graphql(`
  mutation DeleteProduct($id: ID!) {
    deleteProduct(id: $id)
  }
`);
