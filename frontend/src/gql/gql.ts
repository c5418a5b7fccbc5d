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
    "\n  fragment PeakTimesFields on PeakTimes {\n    id\n    name\n    blocks {\n      id\n      band\n      days\n      start\n      end\n    }\n    csv\n    weekGrid\n  }\n": typeof types.PeakTimesFieldsFragmentDoc,
    "\n  query PeakTimes {\n    peakTimes {\n      ...PeakTimesFields\n    }\n  }\n": typeof types.PeakTimesDocument,
    "\n  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {\n    replacePeakTimes(id: $id, blocks: $blocks) {\n      ...PeakTimesFields\n    }\n  }\n": typeof types.ReplacePeakTimesDocument,
    "\n  mutation ImportPeakTimes($id: ID, $file: Upload!) {\n    importPeakTimes(id: $id, file: $file) {\n      ...PeakTimesFields\n    }\n  }\n": typeof types.ImportPeakTimesDocument,
    "\n  query QuoteCall($input: QuoteCallInput!) {\n    quoteCall(input: $input) {\n      status\n      number\n      billableSeconds\n      band\n      peakSeconds\n      offpeakSeconds\n      weekendSeconds\n      rateDestination\n      description\n      price\n      cost\n      margin\n      breakdown\n      rateSheet {\n        id\n        version\n        provider {\n          id\n          name\n        }\n      }\n      tariff {\n        id\n        name\n        bandMode\n      }\n    }\n  }\n": typeof types.QuoteCallDocument,
    "\n  query TariffList {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          rateSheets {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": typeof types.TariffListDocument,
    "\n  fragment RateSheetVersion on RateSheet {\n    id\n    direction\n    version\n    effectiveFrom\n    effectiveUntil\n    inForce\n    rowCount\n    fileName\n    units\n    createdAt\n    downloadURL\n    provider {\n      id\n      name\n    }\n  }\n": typeof types.RateSheetVersionFragmentDoc,
    "\n  query Tariff($id: ID!) {\n    tariffs(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          peakTimes {\n            id\n            name\n          }\n          rateSheets {\n            ...RateSheetVersion\n          }\n        }\n      }\n    }\n  }\n": typeof types.TariffDocument,
    "\n  fragment TariffFields on Tariff {\n    id\n    name\n    isDefault\n    bandMode\n    description\n  }\n": typeof types.TariffFieldsFragmentDoc,
    "\n  mutation CreateTariff($input: CreateTariffInput!) {\n    createTariff(input: $input) {\n      ...TariffFields\n    }\n  }\n": typeof types.CreateTariffDocument,
    "\n  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {\n    updateTariff(id: $id, input: $input) {\n      ...TariffFields\n    }\n  }\n": typeof types.UpdateTariffDocument,
    "\n  mutation DeleteTariff($id: ID!) {\n    deleteTariff(id: $id)\n  }\n": typeof types.DeleteTariffDocument,
    "\n  query ProviderPicker {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          cdrFormat\n          timeZone\n        }\n      }\n    }\n  }\n": typeof types.ProviderPickerDocument,
    "\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n": typeof types.UploadRateSheetDocument,
    "\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RateSheetRowsDocument,
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
    "\n  fragment PeakTimesFields on PeakTimes {\n    id\n    name\n    blocks {\n      id\n      band\n      days\n      start\n      end\n    }\n    csv\n    weekGrid\n  }\n": types.PeakTimesFieldsFragmentDoc,
    "\n  query PeakTimes {\n    peakTimes {\n      ...PeakTimesFields\n    }\n  }\n": types.PeakTimesDocument,
    "\n  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {\n    replacePeakTimes(id: $id, blocks: $blocks) {\n      ...PeakTimesFields\n    }\n  }\n": types.ReplacePeakTimesDocument,
    "\n  mutation ImportPeakTimes($id: ID, $file: Upload!) {\n    importPeakTimes(id: $id, file: $file) {\n      ...PeakTimesFields\n    }\n  }\n": types.ImportPeakTimesDocument,
    "\n  query QuoteCall($input: QuoteCallInput!) {\n    quoteCall(input: $input) {\n      status\n      number\n      billableSeconds\n      band\n      peakSeconds\n      offpeakSeconds\n      weekendSeconds\n      rateDestination\n      description\n      price\n      cost\n      margin\n      breakdown\n      rateSheet {\n        id\n        version\n        provider {\n          id\n          name\n        }\n      }\n      tariff {\n        id\n        name\n        bandMode\n      }\n    }\n  }\n": types.QuoteCallDocument,
    "\n  query TariffList {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          rateSheets {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": types.TariffListDocument,
    "\n  fragment RateSheetVersion on RateSheet {\n    id\n    direction\n    version\n    effectiveFrom\n    effectiveUntil\n    inForce\n    rowCount\n    fileName\n    units\n    createdAt\n    downloadURL\n    provider {\n      id\n      name\n    }\n  }\n": types.RateSheetVersionFragmentDoc,
    "\n  query Tariff($id: ID!) {\n    tariffs(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          peakTimes {\n            id\n            name\n          }\n          rateSheets {\n            ...RateSheetVersion\n          }\n        }\n      }\n    }\n  }\n": types.TariffDocument,
    "\n  fragment TariffFields on Tariff {\n    id\n    name\n    isDefault\n    bandMode\n    description\n  }\n": types.TariffFieldsFragmentDoc,
    "\n  mutation CreateTariff($input: CreateTariffInput!) {\n    createTariff(input: $input) {\n      ...TariffFields\n    }\n  }\n": types.CreateTariffDocument,
    "\n  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {\n    updateTariff(id: $id, input: $input) {\n      ...TariffFields\n    }\n  }\n": types.UpdateTariffDocument,
    "\n  mutation DeleteTariff($id: ID!) {\n    deleteTariff(id: $id)\n  }\n": types.DeleteTariffDocument,
    "\n  query ProviderPicker {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          cdrFormat\n          timeZone\n        }\n      }\n    }\n  }\n": types.ProviderPickerDocument,
    "\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n": types.UploadRateSheetDocument,
    "\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RateSheetRowsDocument,
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
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PeakTimesFields on PeakTimes {\n    id\n    name\n    blocks {\n      id\n      band\n      days\n      start\n      end\n    }\n    csv\n    weekGrid\n  }\n"): (typeof documents)["\n  fragment PeakTimesFields on PeakTimes {\n    id\n    name\n    blocks {\n      id\n      band\n      days\n      start\n      end\n    }\n    csv\n    weekGrid\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeakTimes {\n    peakTimes {\n      ...PeakTimesFields\n    }\n  }\n"): (typeof documents)["\n  query PeakTimes {\n    peakTimes {\n      ...PeakTimesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {\n    replacePeakTimes(id: $id, blocks: $blocks) {\n      ...PeakTimesFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {\n    replacePeakTimes(id: $id, blocks: $blocks) {\n      ...PeakTimesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportPeakTimes($id: ID, $file: Upload!) {\n    importPeakTimes(id: $id, file: $file) {\n      ...PeakTimesFields\n    }\n  }\n"): (typeof documents)["\n  mutation ImportPeakTimes($id: ID, $file: Upload!) {\n    importPeakTimes(id: $id, file: $file) {\n      ...PeakTimesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QuoteCall($input: QuoteCallInput!) {\n    quoteCall(input: $input) {\n      status\n      number\n      billableSeconds\n      band\n      peakSeconds\n      offpeakSeconds\n      weekendSeconds\n      rateDestination\n      description\n      price\n      cost\n      margin\n      breakdown\n      rateSheet {\n        id\n        version\n        provider {\n          id\n          name\n        }\n      }\n      tariff {\n        id\n        name\n        bandMode\n      }\n    }\n  }\n"): (typeof documents)["\n  query QuoteCall($input: QuoteCallInput!) {\n    quoteCall(input: $input) {\n      status\n      number\n      billableSeconds\n      band\n      peakSeconds\n      offpeakSeconds\n      weekendSeconds\n      rateDestination\n      description\n      price\n      cost\n      margin\n      breakdown\n      rateSheet {\n        id\n        version\n        provider {\n          id\n          name\n        }\n      }\n      tariff {\n        id\n        name\n        bandMode\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TariffList {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          rateSheets {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TariffList {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          rateSheets {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RateSheetVersion on RateSheet {\n    id\n    direction\n    version\n    effectiveFrom\n    effectiveUntil\n    inForce\n    rowCount\n    fileName\n    units\n    createdAt\n    downloadURL\n    provider {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  fragment RateSheetVersion on RateSheet {\n    id\n    direction\n    version\n    effectiveFrom\n    effectiveUntil\n    inForce\n    rowCount\n    fileName\n    units\n    createdAt\n    downloadURL\n    provider {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tariff($id: ID!) {\n    tariffs(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          peakTimes {\n            id\n            name\n          }\n          rateSheets {\n            ...RateSheetVersion\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tariff($id: ID!) {\n    tariffs(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          peakTimes {\n            id\n            name\n          }\n          rateSheets {\n            ...RateSheetVersion\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TariffFields on Tariff {\n    id\n    name\n    isDefault\n    bandMode\n    description\n  }\n"): (typeof documents)["\n  fragment TariffFields on Tariff {\n    id\n    name\n    isDefault\n    bandMode\n    description\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTariff($input: CreateTariffInput!) {\n    createTariff(input: $input) {\n      ...TariffFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTariff($input: CreateTariffInput!) {\n    createTariff(input: $input) {\n      ...TariffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {\n    updateTariff(id: $id, input: $input) {\n      ...TariffFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {\n    updateTariff(id: $id, input: $input) {\n      ...TariffFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTariff($id: ID!) {\n    deleteTariff(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteTariff($id: ID!) {\n    deleteTariff(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderPicker {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          cdrFormat\n          timeZone\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProviderPicker {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          cdrFormat\n          timeZone\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n"): (typeof documents)["\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;