/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n    $orderBy: CustomerOrder\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          name\n          billingType\n          status\n          unbilledTotal\n          parent {\n            id\n            name\n          }\n          tariff {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerListDocument,
    "\n  query CustomerPicker($where: CustomerWhereInput) {\n    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n        }\n      }\n    }\n  }\n": typeof types.CustomerPickerDocument,
    "\n  query TariffPicker {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n  }\n": typeof types.TariffPickerDocument,
    "\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n": typeof types.CustomerDetailsFragmentDoc,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetails\n      clis {\n        id\n        value\n        isRange\n        isAccount\n        validFrom\n        validTo\n        description\n        site {\n          id\n          name\n        }\n      }\n      sites {\n        id\n        name\n        address\n      }\n      children {\n        id\n        name\n        reference\n      }\n    }\n  }\n": typeof types.CustomerDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetails\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetails\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id)\n  }\n": typeof types.DeleteCustomerDocument,
    "\n  mutation CreateCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      isRange\n      isAccount\n      validFrom\n      validTo\n      description\n      site {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateCliDocument,
    "\n  mutation DeleteCli($id: ID!) {\n    deleteCli(id: $id)\n  }\n": typeof types.DeleteCliDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n      address\n    }\n  }\n": typeof types.CreateSiteDocument,
};
const documents: Documents = {
    "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n    $orderBy: CustomerOrder\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          name\n          billingType\n          status\n          unbilledTotal\n          parent {\n            id\n            name\n          }\n          tariff {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CustomerListDocument,
    "\n  query CustomerPicker($where: CustomerWhereInput) {\n    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n        }\n      }\n    }\n  }\n": types.CustomerPickerDocument,
    "\n  query TariffPicker {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n  }\n": types.TariffPickerDocument,
    "\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n": types.CustomerDetailsFragmentDoc,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetails\n      clis {\n        id\n        value\n        isRange\n        isAccount\n        validFrom\n        validTo\n        description\n        site {\n          id\n          name\n        }\n      }\n      sites {\n        id\n        name\n        address\n      }\n      children {\n        id\n        name\n        reference\n      }\n    }\n  }\n": types.CustomerDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetails\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetails\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id)\n  }\n": types.DeleteCustomerDocument,
    "\n  mutation CreateCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      isRange\n      isAccount\n      validFrom\n      validTo\n      description\n      site {\n        id\n        name\n      }\n    }\n  }\n": types.CreateCliDocument,
    "\n  mutation DeleteCli($id: ID!) {\n    deleteCli(id: $id)\n  }\n": types.DeleteCliDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n      address\n    }\n  }\n": types.CreateSiteDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n    $orderBy: CustomerOrder\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          name\n          billingType\n          status\n          unbilledTotal\n          parent {\n            id\n            name\n          }\n          tariff {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n    $orderBy: CustomerOrder\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          name\n          billingType\n          status\n          unbilledTotal\n          parent {\n            id\n            name\n          }\n          tariff {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPicker($where: CustomerWhereInput) {\n    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPicker($where: CustomerWhereInput) {\n    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TariffPicker {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TariffPicker {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetails\n      clis {\n        id\n        value\n        isRange\n        isAccount\n        validFrom\n        validTo\n        description\n        site {\n          id\n          name\n        }\n      }\n      sites {\n        id\n        name\n        address\n      }\n      children {\n        id\n        name\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetails\n      clis {\n        id\n        value\n        isRange\n        isAccount\n        validFrom\n        validTo\n        description\n        site {\n          id\n          name\n        }\n      }\n      sites {\n        id\n        name\n        address\n      }\n      children {\n        id\n        name\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetails\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetails\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetails\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      isRange\n      isAccount\n      validFrom\n      validTo\n      description\n      site {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      isRange\n      isAccount\n      validFrom\n      validTo\n      description\n      site {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCli($id: ID!) {\n    deleteCli(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCli($id: ID!) {\n    deleteCli(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n      address\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n      address\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;