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
    "\n  query CallList($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CallWhereInput) {\n    calls(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      where: $where\n      orderBy: { field: START, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          line\n          status\n          source\n          destination\n          account\n          chargeCode\n          start\n          duration\n          billableSeconds\n          band\n          rateDestination\n          price\n          cost\n          customer {\n            id\n            name\n            reference\n          }\n          upload {\n            id\n            fileName\n          }\n        }\n      }\n    }\n    callTotals(where: $where) {\n      calls\n      price\n    }\n  }\n": typeof types.CallListDocument,
    "\n  query OpenUploads {\n    cdrUploads(first: 100, where: { statusNEQ: PROCESSED }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": typeof types.OpenUploadsDocument,
    "\n  query CallUpload($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        id\n        fileName\n        callsReport: reportURL(kind: CALLS)\n      }\n    }\n  }\n": typeof types.CallUploadDocument,
    "\n  fragment ChargeFields on Charge {\n    id\n    kind\n    description\n    recurrence\n    quantity\n    unitPrice\n    amount\n    taxRate\n    status\n    date\n    startDate\n    endDate\n    billedThrough\n    createdAt\n    product {\n      id\n      name\n      reference\n    }\n    invoice {\n      id\n      number\n      issueDate\n    }\n  }\n": typeof types.ChargeFieldsFragmentDoc,
    "\n  query CustomerCharges($id: ID!, $view: ChargeView!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    customer(id: $id) {\n      id\n      schedule {\n        id\n        name\n        frequency\n        anchorDay\n      }\n      charges(view: $view, first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...ChargeFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerChargesDocument,
    "\n  query ChargeProducts($where: ProductWhereInput) {\n    products(first: 50, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n          recurrence\n        }\n      }\n    }\n  }\n": typeof types.ChargeProductsDocument,
    "\n  query ProductPriceForCustomer($productID: ID!, $customerID: ID!) {\n    productPrice(productID: $productID, customerID: $customerID)\n  }\n": typeof types.ProductPriceForCustomerDocument,
    "\n  mutation AddCharge($customerID: ID!, $input: ChargeInput!) {\n    addCharge(customerID: $customerID, input: $input) {\n      ...ChargeFields\n    }\n  }\n": typeof types.AddChargeDocument,
    "\n  mutation UpdateCharge($id: ID!, $input: ChargeInput!) {\n    updateCharge(id: $id, input: $input) {\n      ...ChargeFields\n    }\n  }\n": typeof types.UpdateChargeDocument,
    "\n  mutation DeleteCharge($id: ID!) {\n    deleteCharge(id: $id)\n  }\n": typeof types.DeleteChargeDocument,
    "\n  query Settings {\n    settings {\n      currency\n      currencySymbol\n      minorUnitSymbol\n      minorUnitName\n      majorUnitName\n      timeZone\n      countryCode\n      callPriceDecimals\n      invoiceDecimals\n      rounding\n    }\n  }\n": typeof types.SettingsDocument,
    "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n    $orderBy: CustomerOrder\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          name\n          billingType\n          status\n          unbilledTotal\n          parent {\n            id\n            name\n          }\n          tariff {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.CustomerListDocument,
    "\n  query CustomerPicker($where: CustomerWhereInput) {\n    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n        }\n      }\n    }\n  }\n": typeof types.CustomerPickerDocument,
    "\n  query TariffPicker {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n  }\n": typeof types.TariffPickerDocument,
    "\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    schedule {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n": typeof types.CustomerDetailsFragmentDoc,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetails\n      clis {\n        id\n        value\n        isRange\n        isAccount\n        validFrom\n        validTo\n        description\n        site {\n          id\n          name\n        }\n      }\n      sites {\n        id\n        name\n        address\n      }\n      children {\n        id\n        name\n        reference\n      }\n    }\n  }\n": typeof types.CustomerDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetails\n    }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetails\n    }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id)\n  }\n": typeof types.DeleteCustomerDocument,
    "\n  mutation CreateCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      isRange\n      isAccount\n      validFrom\n      validTo\n      description\n      site {\n        id\n        name\n      }\n    }\n  }\n": typeof types.CreateCliDocument,
    "\n  mutation DeleteCli($id: ID!) {\n    deleteCli(id: $id)\n  }\n": typeof types.DeleteCliDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n      address\n    }\n  }\n": typeof types.CreateSiteDocument,
    "\n  query Dashboard($days: Int!, $dueWithin: Int!) {\n    dashboard {\n      revenueByMonth(months: 12) {\n        month\n        invoices\n        net\n        tax\n        total\n      }\n      unbilled(first: 8) {\n        total\n        customers\n        top {\n          amount\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n      callsPerDay(days: $days) {\n        day\n        calls\n        value\n      }\n      topDestinations(days: $days, first: 8) {\n        byValue {\n          destination\n          description\n          calls\n          value\n        }\n        byCount {\n          destination\n          description\n          calls\n          value\n        }\n      }\n      waitingUploads(first: 8) {\n        count\n        calls\n        total\n        uploads {\n          id\n          fileName\n          priced\n          totalPrice\n          analysedAt\n          provider {\n            id\n            name\n          }\n        }\n      }\n      invoicesDue(withinDays: $dueWithin, first: 8) {\n        count\n        overdue\n        total\n        invoices {\n          id\n          number\n          dueDate\n          total\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n    }\n    customers(first: 1) {\n      totalCount\n    }\n    cdrUploads(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  fragment PeakTimesFields on PeakTimes {\n    id\n    name\n    blocks {\n      id\n      band\n      days\n      start\n      end\n    }\n    csv\n    weekGrid\n  }\n": typeof types.PeakTimesFieldsFragmentDoc,
    "\n  query PeakTimes {\n    peakTimes {\n      ...PeakTimesFields\n    }\n  }\n": typeof types.PeakTimesDocument,
    "\n  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {\n    replacePeakTimes(id: $id, blocks: $blocks) {\n      ...PeakTimesFields\n    }\n  }\n": typeof types.ReplacePeakTimesDocument,
    "\n  mutation ImportPeakTimes($id: ID, $file: Upload!) {\n    importPeakTimes(id: $id, file: $file) {\n      ...PeakTimesFields\n    }\n  }\n": typeof types.ImportPeakTimesDocument,
    "\n  fragment ProductFields on Product {\n    id\n    name\n    reference\n    category\n    accountingCode\n    description\n    recurrence\n    taxRate\n    costPrice\n    prices {\n      id\n      price\n      tariff {\n        id\n        name\n        isDefault\n      }\n    }\n  }\n": typeof types.ProductFieldsFragmentDoc,
    "\n  query ProductList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: ProductWhereInput\n    $orderBy: ProductOrder\n  ) {\n    products(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n": typeof types.ProductListDocument,
    "\n  query ProductPricing {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n    settings {\n      company {\n        defaultTaxRate\n      }\n    }\n  }\n": typeof types.ProductPricingDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n": typeof types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: ProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...ProductFields\n    }\n  }\n": typeof types.UpdateProductDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n": typeof types.DeleteProductDocument,
    "\n  fragment CsvMappingFields on CsvMapping {\n    delimiter\n    header\n    source\n    destination\n    account\n    chargeCode\n    start\n    date\n    time\n    answer\n    duration\n    uniqueId\n    providerPrice\n    negativePrices\n    layouts\n    timeZone\n    durationUnit\n  }\n": typeof types.CsvMappingFieldsFragmentDoc,
    "\n  fragment ProviderFields on Provider {\n    id\n    name\n    cdrFormat\n    timeZone\n    createdAt\n    csvMapping {\n      ...CsvMappingFields\n    }\n  }\n": typeof types.ProviderFieldsFragmentDoc,
    "\n  query ProviderList {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ProviderFields\n        }\n      }\n    }\n    cdrFormats {\n      value\n      label\n      description\n    }\n  }\n": typeof types.ProviderListDocument,
    "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n": typeof types.CreateProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderFields\n    }\n  }\n": typeof types.UpdateProviderDocument,
    "\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n": typeof types.DeleteProviderDocument,
    "\n  query CsvMappingPresets {\n    csvMappingPresets {\n      name\n      description\n      mapping {\n        ...CsvMappingFields\n      }\n    }\n  }\n": typeof types.CsvMappingPresetsDocument,
    "\n  mutation SetProviderCsvMapping($providerID: ID!, $mapping: CsvMappingInput!) {\n    setProviderCsvMapping(providerID: $providerID, mapping: $mapping) {\n      ...ProviderFields\n    }\n  }\n": typeof types.SetProviderCsvMappingDocument,
    "\n  mutation PreviewCdrMapping($mapping: CsvMappingInput!, $file: Upload!, $timeZone: String) {\n    previewCdrMapping(mapping: $mapping, file: $file, lines: 10, timeZone: $timeZone) {\n      header\n      lines {\n        line\n        fields\n        source\n        destination\n        start\n        durationSeconds\n        uniqueId\n        problem\n      }\n    }\n  }\n": typeof types.PreviewCdrMappingDocument,
    "\n  query QuoteCall($input: QuoteCallInput!) {\n    quoteCall(input: $input) {\n      status\n      number\n      billableSeconds\n      band\n      peakSeconds\n      offpeakSeconds\n      weekendSeconds\n      rateDestination\n      description\n      price\n      cost\n      margin\n      breakdown\n      rateSheet {\n        id\n        version\n        provider {\n          id\n          name\n        }\n      }\n      tariff {\n        id\n        name\n        bandMode\n      }\n    }\n  }\n": typeof types.QuoteCallDocument,
    "\n  query TariffList {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          rateSheets {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": typeof types.TariffListDocument,
    "\n  fragment RateSheetVersion on RateSheet {\n    id\n    direction\n    version\n    effectiveFrom\n    effectiveUntil\n    inForce\n    rowCount\n    fileName\n    units\n    createdAt\n    downloadURL\n    provider {\n      id\n      name\n    }\n  }\n": typeof types.RateSheetVersionFragmentDoc,
    "\n  query Tariff($id: ID!) {\n    tariffs(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          peakTimes {\n            id\n            name\n          }\n          rateSheets {\n            ...RateSheetVersion\n          }\n        }\n      }\n    }\n  }\n": typeof types.TariffDocument,
    "\n  fragment TariffFields on Tariff {\n    id\n    name\n    isDefault\n    bandMode\n    description\n  }\n": typeof types.TariffFieldsFragmentDoc,
    "\n  mutation CreateTariff($input: CreateTariffInput!) {\n    createTariff(input: $input) {\n      ...TariffFields\n    }\n  }\n": typeof types.CreateTariffDocument,
    "\n  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {\n    updateTariff(id: $id, input: $input) {\n      ...TariffFields\n    }\n  }\n": typeof types.UpdateTariffDocument,
    "\n  mutation DeleteTariff($id: ID!) {\n    deleteTariff(id: $id)\n  }\n": typeof types.DeleteTariffDocument,
    "\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n": typeof types.UploadRateSheetDocument,
    "\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.RateSheetRowsDocument,
    "\n  fragment ScheduleFields on BillingSchedule {\n    id\n    name\n    frequency\n    anchorDay\n    customerCount\n    currentPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n    nextPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n  }\n": typeof types.ScheduleFieldsFragmentDoc,
    "\n  query ScheduleList {\n    billingSchedules {\n      ...ScheduleFields\n    }\n  }\n": typeof types.ScheduleListDocument,
    "\n  query SchedulePicker {\n    billingSchedules {\n      id\n      name\n      frequency\n      anchorDay\n    }\n  }\n": typeof types.SchedulePickerDocument,
    "\n  mutation CreateSchedule($input: BillingScheduleInput!) {\n    createBillingSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n": typeof types.CreateScheduleDocument,
    "\n  mutation UpdateSchedule($id: ID!, $input: BillingScheduleInput!) {\n    updateBillingSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n": typeof types.UpdateScheduleDocument,
    "\n  mutation DeleteSchedule($id: ID!) {\n    deleteBillingSchedule(id: $id)\n  }\n": typeof types.DeleteScheduleDocument,
    "\n  fragment CompanySettingsFields on Settings {\n    emailPlaceholders\n    company {\n      name\n      address\n      vatNumber\n      logoURL\n      defaultTaxRate\n      paymentTermsDays\n      emailSenderName\n      emailSenderAddress\n      invoiceEmailSubject\n      invoiceEmailBody\n      nextInvoiceNumber\n    }\n  }\n": typeof types.CompanySettingsFieldsFragmentDoc,
    "\n  query CompanySettings {\n    settings {\n      ...CompanySettingsFields\n    }\n  }\n": typeof types.CompanySettingsDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...CompanySettingsFields\n    }\n  }\n": typeof types.UpdateSettingsDocument,
    "\n  mutation UploadLogo($file: Upload!) {\n    uploadLogo(file: $file) {\n      ...CompanySettingsFields\n    }\n  }\n": typeof types.UploadLogoDocument,
    "\n  mutation RemoveLogo {\n    removeLogo {\n      ...CompanySettingsFields\n    }\n  }\n": typeof types.RemoveLogoDocument,
    "\n  mutation SetNextInvoiceNumber($number: Int!) {\n    setNextInvoiceNumber(number: $number) {\n      ...CompanySettingsFields\n    }\n  }\n": typeof types.SetNextInvoiceNumberDocument,
    "\n  fragment UploadRow on CdrUpload {\n    id\n    fileName\n    direction\n    status\n    failureReason\n    createdAt\n    updatedAt\n    analysedAt\n    processedAt\n    sizeBytes\n    linesRead\n    priced\n    withoutCustomer\n    withoutRate\n    zeroDuration\n    duplicates\n    unreadable\n    notVoice\n    totalPrice\n    countsAddUp\n    provider {\n      id\n      name\n    }\n    progress {\n      phase\n      fraction\n      linesDone\n      linesPerSecond\n      etaSeconds\n    }\n  }\n": typeof types.UploadRowFragmentDoc,
    "\n  query UploadList($first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    cdrUploads(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...UploadRow\n        }\n      }\n    }\n  }\n": typeof types.UploadListDocument,
    "\n  query UploadDetail($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        ...UploadRow\n        totalCost\n        totalMargin\n        unmatchedClis(first: 100) {\n          source\n          account\n          calls\n          value\n        }\n        unratedDestinations(first: 100) {\n          prefix\n          example\n          calls\n        }\n        lineProblems(first: 100) {\n          line\n          reason\n        }\n        callsReport: reportURL(kind: CALLS)\n        pricedReport: reportURL(kind: PRICED)\n        noCustomerReport: reportURL(kind: NO_CUSTOMER)\n        noRateReport: reportURL(kind: NO_RATE)\n        zeroDurationReport: reportURL(kind: ZERO_DURATION)\n        duplicateReport: reportURL(kind: DUPLICATE)\n        unreadableReport: reportURL(kind: UNREADABLE)\n      }\n    }\n  }\n": typeof types.UploadDetailDocument,
    "\n  subscription UploadChanged($id: ID) {\n    uploadChanged(id: $id) {\n      ...UploadRow\n    }\n  }\n": typeof types.UploadChangedDocument,
    "\n  mutation UploadCdr($input: UploadCdrInput!) {\n    uploadCdr(input: $input) {\n      ...UploadRow\n    }\n  }\n": typeof types.UploadCdrDocument,
    "\n  mutation ReanalyseUpload($id: ID!) {\n    reanalyseUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n": typeof types.ReanalyseUploadDocument,
    "\n  mutation DeleteUpload($id: ID!) {\n    deleteUpload(id: $id)\n  }\n": typeof types.DeleteUploadDocument,
    "\n  mutation ProcessUpload($id: ID!) {\n    processUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n": typeof types.ProcessUploadDocument,
    "\n  query EarliestUnmatchedCall($where: CallWhereInput!) {\n    calls(first: 1, orderBy: { field: START, direction: ASC }, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          start\n        }\n      }\n    }\n  }\n": typeof types.EarliestUnmatchedCallDocument,
    "\n  query PricedCustomers($where: CallWhereInput!) {\n    calls(first: 100, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          customer {\n            id\n            name\n            reference\n          }\n        }\n      }\n    }\n  }\n": typeof types.PricedCustomersDocument,
    "\n  mutation AssignCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      validFrom\n      customer {\n        id\n        name\n        reference\n      }\n    }\n  }\n": typeof types.AssignCliDocument,
    "\n  query DefaultTariff {\n    tariffs(first: 1, where: { isDefault: true }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DefaultTariffDocument,
};
const documents: Documents = {
    "\n  query CallList($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CallWhereInput) {\n    calls(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      where: $where\n      orderBy: { field: START, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          line\n          status\n          source\n          destination\n          account\n          chargeCode\n          start\n          duration\n          billableSeconds\n          band\n          rateDestination\n          price\n          cost\n          customer {\n            id\n            name\n            reference\n          }\n          upload {\n            id\n            fileName\n          }\n        }\n      }\n    }\n    callTotals(where: $where) {\n      calls\n      price\n    }\n  }\n": types.CallListDocument,
    "\n  query OpenUploads {\n    cdrUploads(first: 100, where: { statusNEQ: PROCESSED }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n": types.OpenUploadsDocument,
    "\n  query CallUpload($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        id\n        fileName\n        callsReport: reportURL(kind: CALLS)\n      }\n    }\n  }\n": types.CallUploadDocument,
    "\n  fragment ChargeFields on Charge {\n    id\n    kind\n    description\n    recurrence\n    quantity\n    unitPrice\n    amount\n    taxRate\n    status\n    date\n    startDate\n    endDate\n    billedThrough\n    createdAt\n    product {\n      id\n      name\n      reference\n    }\n    invoice {\n      id\n      number\n      issueDate\n    }\n  }\n": types.ChargeFieldsFragmentDoc,
    "\n  query CustomerCharges($id: ID!, $view: ChargeView!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    customer(id: $id) {\n      id\n      schedule {\n        id\n        name\n        frequency\n        anchorDay\n      }\n      charges(view: $view, first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...ChargeFields\n          }\n        }\n      }\n    }\n  }\n": types.CustomerChargesDocument,
    "\n  query ChargeProducts($where: ProductWhereInput) {\n    products(first: 50, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n          recurrence\n        }\n      }\n    }\n  }\n": types.ChargeProductsDocument,
    "\n  query ProductPriceForCustomer($productID: ID!, $customerID: ID!) {\n    productPrice(productID: $productID, customerID: $customerID)\n  }\n": types.ProductPriceForCustomerDocument,
    "\n  mutation AddCharge($customerID: ID!, $input: ChargeInput!) {\n    addCharge(customerID: $customerID, input: $input) {\n      ...ChargeFields\n    }\n  }\n": types.AddChargeDocument,
    "\n  mutation UpdateCharge($id: ID!, $input: ChargeInput!) {\n    updateCharge(id: $id, input: $input) {\n      ...ChargeFields\n    }\n  }\n": types.UpdateChargeDocument,
    "\n  mutation DeleteCharge($id: ID!) {\n    deleteCharge(id: $id)\n  }\n": types.DeleteChargeDocument,
    "\n  query Settings {\n    settings {\n      currency\n      currencySymbol\n      minorUnitSymbol\n      minorUnitName\n      majorUnitName\n      timeZone\n      countryCode\n      callPriceDecimals\n      invoiceDecimals\n      rounding\n    }\n  }\n": types.SettingsDocument,
    "\n  query CustomerList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: CustomerWhereInput\n    $orderBy: CustomerOrder\n  ) {\n    customers(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          reference\n          name\n          billingType\n          status\n          unbilledTotal\n          parent {\n            id\n            name\n          }\n          tariff {\n            id\n            name\n          }\n        }\n      }\n    }\n  }\n": types.CustomerListDocument,
    "\n  query CustomerPicker($where: CustomerWhereInput) {\n    customers(first: 20, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n        }\n      }\n    }\n  }\n": types.CustomerPickerDocument,
    "\n  query TariffPicker {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n  }\n": types.TariffPickerDocument,
    "\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    schedule {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n": types.CustomerDetailsFragmentDoc,
    "\n  query Customer($id: ID!) {\n    customer(id: $id) {\n      ...CustomerDetails\n      clis {\n        id\n        value\n        isRange\n        isAccount\n        validFrom\n        validTo\n        description\n        site {\n          id\n          name\n        }\n      }\n      sites {\n        id\n        name\n        address\n      }\n      children {\n        id\n        name\n        reference\n      }\n    }\n  }\n": types.CustomerDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!) {\n    createCustomer(input: $input) {\n      ...CustomerDetails\n    }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) {\n      ...CustomerDetails\n    }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation DeleteCustomer($id: ID!) {\n    deleteCustomer(id: $id)\n  }\n": types.DeleteCustomerDocument,
    "\n  mutation CreateCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      isRange\n      isAccount\n      validFrom\n      validTo\n      description\n      site {\n        id\n        name\n      }\n    }\n  }\n": types.CreateCliDocument,
    "\n  mutation DeleteCli($id: ID!) {\n    deleteCli(id: $id)\n  }\n": types.DeleteCliDocument,
    "\n  mutation CreateSite($input: CreateSiteInput!) {\n    createSite(input: $input) {\n      id\n      name\n      address\n    }\n  }\n": types.CreateSiteDocument,
    "\n  query Dashboard($days: Int!, $dueWithin: Int!) {\n    dashboard {\n      revenueByMonth(months: 12) {\n        month\n        invoices\n        net\n        tax\n        total\n      }\n      unbilled(first: 8) {\n        total\n        customers\n        top {\n          amount\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n      callsPerDay(days: $days) {\n        day\n        calls\n        value\n      }\n      topDestinations(days: $days, first: 8) {\n        byValue {\n          destination\n          description\n          calls\n          value\n        }\n        byCount {\n          destination\n          description\n          calls\n          value\n        }\n      }\n      waitingUploads(first: 8) {\n        count\n        calls\n        total\n        uploads {\n          id\n          fileName\n          priced\n          totalPrice\n          analysedAt\n          provider {\n            id\n            name\n          }\n        }\n      }\n      invoicesDue(withinDays: $dueWithin, first: 8) {\n        count\n        overdue\n        total\n        invoices {\n          id\n          number\n          dueDate\n          total\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n    }\n    customers(first: 1) {\n      totalCount\n    }\n    cdrUploads(first: 1) {\n      totalCount\n    }\n  }\n": types.DashboardDocument,
    "\n  fragment PeakTimesFields on PeakTimes {\n    id\n    name\n    blocks {\n      id\n      band\n      days\n      start\n      end\n    }\n    csv\n    weekGrid\n  }\n": types.PeakTimesFieldsFragmentDoc,
    "\n  query PeakTimes {\n    peakTimes {\n      ...PeakTimesFields\n    }\n  }\n": types.PeakTimesDocument,
    "\n  mutation ReplacePeakTimes($id: ID, $blocks: [PeakTimeBlockInput!]!) {\n    replacePeakTimes(id: $id, blocks: $blocks) {\n      ...PeakTimesFields\n    }\n  }\n": types.ReplacePeakTimesDocument,
    "\n  mutation ImportPeakTimes($id: ID, $file: Upload!) {\n    importPeakTimes(id: $id, file: $file) {\n      ...PeakTimesFields\n    }\n  }\n": types.ImportPeakTimesDocument,
    "\n  fragment ProductFields on Product {\n    id\n    name\n    reference\n    category\n    accountingCode\n    description\n    recurrence\n    taxRate\n    costPrice\n    prices {\n      id\n      price\n      tariff {\n        id\n        name\n        isDefault\n      }\n    }\n  }\n": types.ProductFieldsFragmentDoc,
    "\n  query ProductList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: ProductWhereInput\n    $orderBy: ProductOrder\n  ) {\n    products(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n": types.ProductListDocument,
    "\n  query ProductPricing {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n    settings {\n      company {\n        defaultTaxRate\n      }\n    }\n  }\n": types.ProductPricingDocument,
    "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n": types.CreateProductDocument,
    "\n  mutation UpdateProduct($id: ID!, $input: ProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...ProductFields\n    }\n  }\n": types.UpdateProductDocument,
    "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n": types.DeleteProductDocument,
    "\n  fragment CsvMappingFields on CsvMapping {\n    delimiter\n    header\n    source\n    destination\n    account\n    chargeCode\n    start\n    date\n    time\n    answer\n    duration\n    uniqueId\n    providerPrice\n    negativePrices\n    layouts\n    timeZone\n    durationUnit\n  }\n": types.CsvMappingFieldsFragmentDoc,
    "\n  fragment ProviderFields on Provider {\n    id\n    name\n    cdrFormat\n    timeZone\n    createdAt\n    csvMapping {\n      ...CsvMappingFields\n    }\n  }\n": types.ProviderFieldsFragmentDoc,
    "\n  query ProviderList {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ProviderFields\n        }\n      }\n    }\n    cdrFormats {\n      value\n      label\n      description\n    }\n  }\n": types.ProviderListDocument,
    "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n": types.CreateProviderDocument,
    "\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderFields\n    }\n  }\n": types.UpdateProviderDocument,
    "\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n": types.DeleteProviderDocument,
    "\n  query CsvMappingPresets {\n    csvMappingPresets {\n      name\n      description\n      mapping {\n        ...CsvMappingFields\n      }\n    }\n  }\n": types.CsvMappingPresetsDocument,
    "\n  mutation SetProviderCsvMapping($providerID: ID!, $mapping: CsvMappingInput!) {\n    setProviderCsvMapping(providerID: $providerID, mapping: $mapping) {\n      ...ProviderFields\n    }\n  }\n": types.SetProviderCsvMappingDocument,
    "\n  mutation PreviewCdrMapping($mapping: CsvMappingInput!, $file: Upload!, $timeZone: String) {\n    previewCdrMapping(mapping: $mapping, file: $file, lines: 10, timeZone: $timeZone) {\n      header\n      lines {\n        line\n        fields\n        source\n        destination\n        start\n        durationSeconds\n        uniqueId\n        problem\n      }\n    }\n  }\n": types.PreviewCdrMappingDocument,
    "\n  query QuoteCall($input: QuoteCallInput!) {\n    quoteCall(input: $input) {\n      status\n      number\n      billableSeconds\n      band\n      peakSeconds\n      offpeakSeconds\n      weekendSeconds\n      rateDestination\n      description\n      price\n      cost\n      margin\n      breakdown\n      rateSheet {\n        id\n        version\n        provider {\n          id\n          name\n        }\n      }\n      tariff {\n        id\n        name\n        bandMode\n      }\n    }\n  }\n": types.QuoteCallDocument,
    "\n  query TariffList {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          rateSheets {\n            id\n            inForce\n          }\n        }\n      }\n    }\n  }\n": types.TariffListDocument,
    "\n  fragment RateSheetVersion on RateSheet {\n    id\n    direction\n    version\n    effectiveFrom\n    effectiveUntil\n    inForce\n    rowCount\n    fileName\n    units\n    createdAt\n    downloadURL\n    provider {\n      id\n      name\n    }\n  }\n": types.RateSheetVersionFragmentDoc,
    "\n  query Tariff($id: ID!) {\n    tariffs(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n          bandMode\n          description\n          peakTimes {\n            id\n            name\n          }\n          rateSheets {\n            ...RateSheetVersion\n          }\n        }\n      }\n    }\n  }\n": types.TariffDocument,
    "\n  fragment TariffFields on Tariff {\n    id\n    name\n    isDefault\n    bandMode\n    description\n  }\n": types.TariffFieldsFragmentDoc,
    "\n  mutation CreateTariff($input: CreateTariffInput!) {\n    createTariff(input: $input) {\n      ...TariffFields\n    }\n  }\n": types.CreateTariffDocument,
    "\n  mutation UpdateTariff($id: ID!, $input: UpdateTariffInput!) {\n    updateTariff(id: $id, input: $input) {\n      ...TariffFields\n    }\n  }\n": types.UpdateTariffDocument,
    "\n  mutation DeleteTariff($id: ID!) {\n    deleteTariff(id: $id)\n  }\n": types.DeleteTariffDocument,
    "\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n": types.UploadRateSheetDocument,
    "\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": types.RateSheetRowsDocument,
    "\n  fragment ScheduleFields on BillingSchedule {\n    id\n    name\n    frequency\n    anchorDay\n    customerCount\n    currentPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n    nextPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n  }\n": types.ScheduleFieldsFragmentDoc,
    "\n  query ScheduleList {\n    billingSchedules {\n      ...ScheduleFields\n    }\n  }\n": types.ScheduleListDocument,
    "\n  query SchedulePicker {\n    billingSchedules {\n      id\n      name\n      frequency\n      anchorDay\n    }\n  }\n": types.SchedulePickerDocument,
    "\n  mutation CreateSchedule($input: BillingScheduleInput!) {\n    createBillingSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n": types.CreateScheduleDocument,
    "\n  mutation UpdateSchedule($id: ID!, $input: BillingScheduleInput!) {\n    updateBillingSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n": types.UpdateScheduleDocument,
    "\n  mutation DeleteSchedule($id: ID!) {\n    deleteBillingSchedule(id: $id)\n  }\n": types.DeleteScheduleDocument,
    "\n  fragment CompanySettingsFields on Settings {\n    emailPlaceholders\n    company {\n      name\n      address\n      vatNumber\n      logoURL\n      defaultTaxRate\n      paymentTermsDays\n      emailSenderName\n      emailSenderAddress\n      invoiceEmailSubject\n      invoiceEmailBody\n      nextInvoiceNumber\n    }\n  }\n": types.CompanySettingsFieldsFragmentDoc,
    "\n  query CompanySettings {\n    settings {\n      ...CompanySettingsFields\n    }\n  }\n": types.CompanySettingsDocument,
    "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...CompanySettingsFields\n    }\n  }\n": types.UpdateSettingsDocument,
    "\n  mutation UploadLogo($file: Upload!) {\n    uploadLogo(file: $file) {\n      ...CompanySettingsFields\n    }\n  }\n": types.UploadLogoDocument,
    "\n  mutation RemoveLogo {\n    removeLogo {\n      ...CompanySettingsFields\n    }\n  }\n": types.RemoveLogoDocument,
    "\n  mutation SetNextInvoiceNumber($number: Int!) {\n    setNextInvoiceNumber(number: $number) {\n      ...CompanySettingsFields\n    }\n  }\n": types.SetNextInvoiceNumberDocument,
    "\n  fragment UploadRow on CdrUpload {\n    id\n    fileName\n    direction\n    status\n    failureReason\n    createdAt\n    updatedAt\n    analysedAt\n    processedAt\n    sizeBytes\n    linesRead\n    priced\n    withoutCustomer\n    withoutRate\n    zeroDuration\n    duplicates\n    unreadable\n    notVoice\n    totalPrice\n    countsAddUp\n    provider {\n      id\n      name\n    }\n    progress {\n      phase\n      fraction\n      linesDone\n      linesPerSecond\n      etaSeconds\n    }\n  }\n": types.UploadRowFragmentDoc,
    "\n  query UploadList($first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    cdrUploads(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...UploadRow\n        }\n      }\n    }\n  }\n": types.UploadListDocument,
    "\n  query UploadDetail($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        ...UploadRow\n        totalCost\n        totalMargin\n        unmatchedClis(first: 100) {\n          source\n          account\n          calls\n          value\n        }\n        unratedDestinations(first: 100) {\n          prefix\n          example\n          calls\n        }\n        lineProblems(first: 100) {\n          line\n          reason\n        }\n        callsReport: reportURL(kind: CALLS)\n        pricedReport: reportURL(kind: PRICED)\n        noCustomerReport: reportURL(kind: NO_CUSTOMER)\n        noRateReport: reportURL(kind: NO_RATE)\n        zeroDurationReport: reportURL(kind: ZERO_DURATION)\n        duplicateReport: reportURL(kind: DUPLICATE)\n        unreadableReport: reportURL(kind: UNREADABLE)\n      }\n    }\n  }\n": types.UploadDetailDocument,
    "\n  subscription UploadChanged($id: ID) {\n    uploadChanged(id: $id) {\n      ...UploadRow\n    }\n  }\n": types.UploadChangedDocument,
    "\n  mutation UploadCdr($input: UploadCdrInput!) {\n    uploadCdr(input: $input) {\n      ...UploadRow\n    }\n  }\n": types.UploadCdrDocument,
    "\n  mutation ReanalyseUpload($id: ID!) {\n    reanalyseUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n": types.ReanalyseUploadDocument,
    "\n  mutation DeleteUpload($id: ID!) {\n    deleteUpload(id: $id)\n  }\n": types.DeleteUploadDocument,
    "\n  mutation ProcessUpload($id: ID!) {\n    processUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n": types.ProcessUploadDocument,
    "\n  query EarliestUnmatchedCall($where: CallWhereInput!) {\n    calls(first: 1, orderBy: { field: START, direction: ASC }, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          start\n        }\n      }\n    }\n  }\n": types.EarliestUnmatchedCallDocument,
    "\n  query PricedCustomers($where: CallWhereInput!) {\n    calls(first: 100, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          customer {\n            id\n            name\n            reference\n          }\n        }\n      }\n    }\n  }\n": types.PricedCustomersDocument,
    "\n  mutation AssignCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      validFrom\n      customer {\n        id\n        name\n        reference\n      }\n    }\n  }\n": types.AssignCliDocument,
    "\n  query DefaultTariff {\n    tariffs(first: 1, where: { isDefault: true }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DefaultTariffDocument,
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
export function graphql(source: "\n  query CallList($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CallWhereInput) {\n    calls(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      where: $where\n      orderBy: { field: START, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          line\n          status\n          source\n          destination\n          account\n          chargeCode\n          start\n          duration\n          billableSeconds\n          band\n          rateDestination\n          price\n          cost\n          customer {\n            id\n            name\n            reference\n          }\n          upload {\n            id\n            fileName\n          }\n        }\n      }\n    }\n    callTotals(where: $where) {\n      calls\n      price\n    }\n  }\n"): (typeof documents)["\n  query CallList($first: Int, $after: Cursor, $last: Int, $before: Cursor, $where: CallWhereInput) {\n    calls(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      where: $where\n      orderBy: { field: START, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          id\n          line\n          status\n          source\n          destination\n          account\n          chargeCode\n          start\n          duration\n          billableSeconds\n          band\n          rateDestination\n          price\n          cost\n          customer {\n            id\n            name\n            reference\n          }\n          upload {\n            id\n            fileName\n          }\n        }\n      }\n    }\n    callTotals(where: $where) {\n      calls\n      price\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpenUploads {\n    cdrUploads(first: 100, where: { statusNEQ: PROCESSED }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query OpenUploads {\n    cdrUploads(first: 100, where: { statusNEQ: PROCESSED }) {\n      edges {\n        node {\n          id\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CallUpload($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        id\n        fileName\n        callsReport: reportURL(kind: CALLS)\n      }\n    }\n  }\n"): (typeof documents)["\n  query CallUpload($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        id\n        fileName\n        callsReport: reportURL(kind: CALLS)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ChargeFields on Charge {\n    id\n    kind\n    description\n    recurrence\n    quantity\n    unitPrice\n    amount\n    taxRate\n    status\n    date\n    startDate\n    endDate\n    billedThrough\n    createdAt\n    product {\n      id\n      name\n      reference\n    }\n    invoice {\n      id\n      number\n      issueDate\n    }\n  }\n"): (typeof documents)["\n  fragment ChargeFields on Charge {\n    id\n    kind\n    description\n    recurrence\n    quantity\n    unitPrice\n    amount\n    taxRate\n    status\n    date\n    startDate\n    endDate\n    billedThrough\n    createdAt\n    product {\n      id\n      name\n      reference\n    }\n    invoice {\n      id\n      number\n      issueDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerCharges($id: ID!, $view: ChargeView!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    customer(id: $id) {\n      id\n      schedule {\n        id\n        name\n        frequency\n        anchorDay\n      }\n      charges(view: $view, first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...ChargeFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerCharges($id: ID!, $view: ChargeView!, $first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    customer(id: $id) {\n      id\n      schedule {\n        id\n        name\n        frequency\n        anchorDay\n      }\n      charges(view: $view, first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo {\n          hasNextPage\n          hasPreviousPage\n          startCursor\n          endCursor\n        }\n        edges {\n          node {\n            ...ChargeFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChargeProducts($where: ProductWhereInput) {\n    products(first: 50, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n          recurrence\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ChargeProducts($where: ProductWhereInput) {\n    products(first: 50, where: $where, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          reference\n          recurrence\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPriceForCustomer($productID: ID!, $customerID: ID!) {\n    productPrice(productID: $productID, customerID: $customerID)\n  }\n"): (typeof documents)["\n  query ProductPriceForCustomer($productID: ID!, $customerID: ID!) {\n    productPrice(productID: $productID, customerID: $customerID)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddCharge($customerID: ID!, $input: ChargeInput!) {\n    addCharge(customerID: $customerID, input: $input) {\n      ...ChargeFields\n    }\n  }\n"): (typeof documents)["\n  mutation AddCharge($customerID: ID!, $input: ChargeInput!) {\n    addCharge(customerID: $customerID, input: $input) {\n      ...ChargeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCharge($id: ID!, $input: ChargeInput!) {\n    updateCharge(id: $id, input: $input) {\n      ...ChargeFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateCharge($id: ID!, $input: ChargeInput!) {\n    updateCharge(id: $id, input: $input) {\n      ...ChargeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteCharge($id: ID!) {\n    deleteCharge(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteCharge($id: ID!) {\n    deleteCharge(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    settings {\n      currency\n      currencySymbol\n      minorUnitSymbol\n      minorUnitName\n      majorUnitName\n      timeZone\n      countryCode\n      callPriceDecimals\n      invoiceDecimals\n      rounding\n    }\n  }\n"): (typeof documents)["\n  query Settings {\n    settings {\n      currency\n      currencySymbol\n      minorUnitSymbol\n      minorUnitName\n      majorUnitName\n      timeZone\n      countryCode\n      callPriceDecimals\n      invoiceDecimals\n      rounding\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    schedule {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment CustomerDetails on Customer {\n    id\n    reference\n    name\n    billingType\n    parent {\n      id\n      name\n      reference\n    }\n    taxExempt\n    status\n    invoiceDelivery\n    deliveryEmail\n    callStatementFormat\n    paymentTerms\n    postalAddress\n    tariff {\n      id\n      name\n    }\n    schedule {\n      id\n      name\n    }\n    unbilledTotal\n    createdAt\n    updatedAt\n  }\n"];
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
export function graphql(source: "\n  query Dashboard($days: Int!, $dueWithin: Int!) {\n    dashboard {\n      revenueByMonth(months: 12) {\n        month\n        invoices\n        net\n        tax\n        total\n      }\n      unbilled(first: 8) {\n        total\n        customers\n        top {\n          amount\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n      callsPerDay(days: $days) {\n        day\n        calls\n        value\n      }\n      topDestinations(days: $days, first: 8) {\n        byValue {\n          destination\n          description\n          calls\n          value\n        }\n        byCount {\n          destination\n          description\n          calls\n          value\n        }\n      }\n      waitingUploads(first: 8) {\n        count\n        calls\n        total\n        uploads {\n          id\n          fileName\n          priced\n          totalPrice\n          analysedAt\n          provider {\n            id\n            name\n          }\n        }\n      }\n      invoicesDue(withinDays: $dueWithin, first: 8) {\n        count\n        overdue\n        total\n        invoices {\n          id\n          number\n          dueDate\n          total\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n    }\n    customers(first: 1) {\n      totalCount\n    }\n    cdrUploads(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($days: Int!, $dueWithin: Int!) {\n    dashboard {\n      revenueByMonth(months: 12) {\n        month\n        invoices\n        net\n        tax\n        total\n      }\n      unbilled(first: 8) {\n        total\n        customers\n        top {\n          amount\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n      callsPerDay(days: $days) {\n        day\n        calls\n        value\n      }\n      topDestinations(days: $days, first: 8) {\n        byValue {\n          destination\n          description\n          calls\n          value\n        }\n        byCount {\n          destination\n          description\n          calls\n          value\n        }\n      }\n      waitingUploads(first: 8) {\n        count\n        calls\n        total\n        uploads {\n          id\n          fileName\n          priced\n          totalPrice\n          analysedAt\n          provider {\n            id\n            name\n          }\n        }\n      }\n      invoicesDue(withinDays: $dueWithin, first: 8) {\n        count\n        overdue\n        total\n        invoices {\n          id\n          number\n          dueDate\n          total\n          customer {\n            id\n            reference\n            name\n          }\n        }\n      }\n    }\n    customers(first: 1) {\n      totalCount\n    }\n    cdrUploads(first: 1) {\n      totalCount\n    }\n  }\n"];
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
export function graphql(source: "\n  fragment ProductFields on Product {\n    id\n    name\n    reference\n    category\n    accountingCode\n    description\n    recurrence\n    taxRate\n    costPrice\n    prices {\n      id\n      price\n      tariff {\n        id\n        name\n        isDefault\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ProductFields on Product {\n    id\n    name\n    reference\n    category\n    accountingCode\n    description\n    recurrence\n    taxRate\n    costPrice\n    prices {\n      id\n      price\n      tariff {\n        id\n        name\n        isDefault\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: ProductWhereInput\n    $orderBy: ProductOrder\n  ) {\n    products(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductList(\n    $first: Int\n    $after: Cursor\n    $last: Int\n    $before: Cursor\n    $where: ProductWhereInput\n    $orderBy: ProductOrder\n  ) {\n    products(first: $first, after: $after, last: $last, before: $before, where: $where, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...ProductFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPricing {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n    settings {\n      company {\n        defaultTaxRate\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProductPricing {\n    tariffs(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      edges {\n        node {\n          id\n          name\n          isDefault\n        }\n      }\n    }\n    settings {\n      company {\n        defaultTaxRate\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProduct($input: ProductInput!) {\n    createProduct(input: $input) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProduct($id: ID!, $input: ProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...ProductFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProduct($id: ID!, $input: ProductInput!) {\n    updateProduct(id: $id, input: $input) {\n      ...ProductFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteProduct($id: ID!) {\n    deleteProduct(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CsvMappingFields on CsvMapping {\n    delimiter\n    header\n    source\n    destination\n    account\n    chargeCode\n    start\n    date\n    time\n    answer\n    duration\n    uniqueId\n    providerPrice\n    negativePrices\n    layouts\n    timeZone\n    durationUnit\n  }\n"): (typeof documents)["\n  fragment CsvMappingFields on CsvMapping {\n    delimiter\n    header\n    source\n    destination\n    account\n    chargeCode\n    start\n    date\n    time\n    answer\n    duration\n    uniqueId\n    providerPrice\n    negativePrices\n    layouts\n    timeZone\n    durationUnit\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProviderFields on Provider {\n    id\n    name\n    cdrFormat\n    timeZone\n    createdAt\n    csvMapping {\n      ...CsvMappingFields\n    }\n  }\n"): (typeof documents)["\n  fragment ProviderFields on Provider {\n    id\n    name\n    cdrFormat\n    timeZone\n    createdAt\n    csvMapping {\n      ...CsvMappingFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderList {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ProviderFields\n        }\n      }\n    }\n    cdrFormats {\n      value\n      label\n      description\n    }\n  }\n"): (typeof documents)["\n  query ProviderList {\n    providers(first: 100, orderBy: { field: NAME, direction: ASC }) {\n      totalCount\n      edges {\n        node {\n          ...ProviderFields\n        }\n      }\n    }\n    cdrFormats {\n      value\n      label\n      description\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProvider($input: CreateProviderInput!) {\n    createProvider(input: $input) {\n      ...ProviderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateProvider($id: ID!, $input: UpdateProviderInput!) {\n    updateProvider(id: $id, input: $input) {\n      ...ProviderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteProvider($id: ID!) {\n    deleteProvider(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CsvMappingPresets {\n    csvMappingPresets {\n      name\n      description\n      mapping {\n        ...CsvMappingFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query CsvMappingPresets {\n    csvMappingPresets {\n      name\n      description\n      mapping {\n        ...CsvMappingFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetProviderCsvMapping($providerID: ID!, $mapping: CsvMappingInput!) {\n    setProviderCsvMapping(providerID: $providerID, mapping: $mapping) {\n      ...ProviderFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetProviderCsvMapping($providerID: ID!, $mapping: CsvMappingInput!) {\n    setProviderCsvMapping(providerID: $providerID, mapping: $mapping) {\n      ...ProviderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PreviewCdrMapping($mapping: CsvMappingInput!, $file: Upload!, $timeZone: String) {\n    previewCdrMapping(mapping: $mapping, file: $file, lines: 10, timeZone: $timeZone) {\n      header\n      lines {\n        line\n        fields\n        source\n        destination\n        start\n        durationSeconds\n        uniqueId\n        problem\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation PreviewCdrMapping($mapping: CsvMappingInput!, $file: Upload!, $timeZone: String) {\n    previewCdrMapping(mapping: $mapping, file: $file, lines: 10, timeZone: $timeZone) {\n      header\n      lines {\n        line\n        fields\n        source\n        destination\n        start\n        durationSeconds\n        uniqueId\n        problem\n      }\n    }\n  }\n"];
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
export function graphql(source: "\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n"): (typeof documents)["\n  mutation UploadRateSheet($input: UploadRateSheetInput!) {\n    uploadRateSheet(input: $input) {\n      ...RateSheetVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RateSheetRows($id: ID!, $first: Int, $after: Cursor, $last: Int, $before: Cursor, $search: String) {\n    rateSheets(first: 1, where: { id: $id }) {\n      edges {\n        node {\n          id\n          rows(first: $first, after: $after, last: $last, before: $before, search: $search) {\n            totalCount\n            pageInfo {\n              hasNextPage\n              hasPreviousPage\n              startCursor\n              endCursor\n            }\n            edges {\n              node {\n                id\n                destination\n                description\n                minimumCharge\n                connectionFee\n                peak\n                offpeak\n                weekend\n                peakCost\n                offpeakCost\n                weekendCost\n                durationBlock\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScheduleFields on BillingSchedule {\n    id\n    name\n    frequency\n    anchorDay\n    customerCount\n    currentPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n    nextPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n  }\n"): (typeof documents)["\n  fragment ScheduleFields on BillingSchedule {\n    id\n    name\n    frequency\n    anchorDay\n    customerCount\n    currentPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n    nextPeriod {\n      name\n      start\n      last\n      days\n      dueAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScheduleList {\n    billingSchedules {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  query ScheduleList {\n    billingSchedules {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchedulePicker {\n    billingSchedules {\n      id\n      name\n      frequency\n      anchorDay\n    }\n  }\n"): (typeof documents)["\n  query SchedulePicker {\n    billingSchedules {\n      id\n      name\n      frequency\n      anchorDay\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSchedule($input: BillingScheduleInput!) {\n    createBillingSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateSchedule($input: BillingScheduleInput!) {\n    createBillingSchedule(input: $input) {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSchedule($id: ID!, $input: BillingScheduleInput!) {\n    updateBillingSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSchedule($id: ID!, $input: BillingScheduleInput!) {\n    updateBillingSchedule(id: $id, input: $input) {\n      ...ScheduleFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSchedule($id: ID!) {\n    deleteBillingSchedule(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSchedule($id: ID!) {\n    deleteBillingSchedule(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CompanySettingsFields on Settings {\n    emailPlaceholders\n    company {\n      name\n      address\n      vatNumber\n      logoURL\n      defaultTaxRate\n      paymentTermsDays\n      emailSenderName\n      emailSenderAddress\n      invoiceEmailSubject\n      invoiceEmailBody\n      nextInvoiceNumber\n    }\n  }\n"): (typeof documents)["\n  fragment CompanySettingsFields on Settings {\n    emailPlaceholders\n    company {\n      name\n      address\n      vatNumber\n      logoURL\n      defaultTaxRate\n      paymentTermsDays\n      emailSenderName\n      emailSenderAddress\n      invoiceEmailSubject\n      invoiceEmailBody\n      nextInvoiceNumber\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CompanySettings {\n    settings {\n      ...CompanySettingsFields\n    }\n  }\n"): (typeof documents)["\n  query CompanySettings {\n    settings {\n      ...CompanySettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...CompanySettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSettings($input: UpdateSettingsInput!) {\n    updateSettings(input: $input) {\n      ...CompanySettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadLogo($file: Upload!) {\n    uploadLogo(file: $file) {\n      ...CompanySettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UploadLogo($file: Upload!) {\n    uploadLogo(file: $file) {\n      ...CompanySettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveLogo {\n    removeLogo {\n      ...CompanySettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveLogo {\n    removeLogo {\n      ...CompanySettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetNextInvoiceNumber($number: Int!) {\n    setNextInvoiceNumber(number: $number) {\n      ...CompanySettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation SetNextInvoiceNumber($number: Int!) {\n    setNextInvoiceNumber(number: $number) {\n      ...CompanySettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UploadRow on CdrUpload {\n    id\n    fileName\n    direction\n    status\n    failureReason\n    createdAt\n    updatedAt\n    analysedAt\n    processedAt\n    sizeBytes\n    linesRead\n    priced\n    withoutCustomer\n    withoutRate\n    zeroDuration\n    duplicates\n    unreadable\n    notVoice\n    totalPrice\n    countsAddUp\n    provider {\n      id\n      name\n    }\n    progress {\n      phase\n      fraction\n      linesDone\n      linesPerSecond\n      etaSeconds\n    }\n  }\n"): (typeof documents)["\n  fragment UploadRow on CdrUpload {\n    id\n    fileName\n    direction\n    status\n    failureReason\n    createdAt\n    updatedAt\n    analysedAt\n    processedAt\n    sizeBytes\n    linesRead\n    priced\n    withoutCustomer\n    withoutRate\n    zeroDuration\n    duplicates\n    unreadable\n    notVoice\n    totalPrice\n    countsAddUp\n    provider {\n      id\n      name\n    }\n    progress {\n      phase\n      fraction\n      linesDone\n      linesPerSecond\n      etaSeconds\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadList($first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    cdrUploads(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...UploadRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UploadList($first: Int, $after: Cursor, $last: Int, $before: Cursor) {\n    cdrUploads(\n      first: $first\n      after: $after\n      last: $last\n      before: $before\n      orderBy: { field: CREATED_AT, direction: DESC }\n    ) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        hasPreviousPage\n        startCursor\n        endCursor\n      }\n      edges {\n        node {\n          ...UploadRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UploadDetail($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        ...UploadRow\n        totalCost\n        totalMargin\n        unmatchedClis(first: 100) {\n          source\n          account\n          calls\n          value\n        }\n        unratedDestinations(first: 100) {\n          prefix\n          example\n          calls\n        }\n        lineProblems(first: 100) {\n          line\n          reason\n        }\n        callsReport: reportURL(kind: CALLS)\n        pricedReport: reportURL(kind: PRICED)\n        noCustomerReport: reportURL(kind: NO_CUSTOMER)\n        noRateReport: reportURL(kind: NO_RATE)\n        zeroDurationReport: reportURL(kind: ZERO_DURATION)\n        duplicateReport: reportURL(kind: DUPLICATE)\n        unreadableReport: reportURL(kind: UNREADABLE)\n      }\n    }\n  }\n"): (typeof documents)["\n  query UploadDetail($id: ID!) {\n    node(id: $id) {\n      ... on CdrUpload {\n        ...UploadRow\n        totalCost\n        totalMargin\n        unmatchedClis(first: 100) {\n          source\n          account\n          calls\n          value\n        }\n        unratedDestinations(first: 100) {\n          prefix\n          example\n          calls\n        }\n        lineProblems(first: 100) {\n          line\n          reason\n        }\n        callsReport: reportURL(kind: CALLS)\n        pricedReport: reportURL(kind: PRICED)\n        noCustomerReport: reportURL(kind: NO_CUSTOMER)\n        noRateReport: reportURL(kind: NO_RATE)\n        zeroDurationReport: reportURL(kind: ZERO_DURATION)\n        duplicateReport: reportURL(kind: DUPLICATE)\n        unreadableReport: reportURL(kind: UNREADABLE)\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription UploadChanged($id: ID) {\n    uploadChanged(id: $id) {\n      ...UploadRow\n    }\n  }\n"): (typeof documents)["\n  subscription UploadChanged($id: ID) {\n    uploadChanged(id: $id) {\n      ...UploadRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UploadCdr($input: UploadCdrInput!) {\n    uploadCdr(input: $input) {\n      ...UploadRow\n    }\n  }\n"): (typeof documents)["\n  mutation UploadCdr($input: UploadCdrInput!) {\n    uploadCdr(input: $input) {\n      ...UploadRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReanalyseUpload($id: ID!) {\n    reanalyseUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n"): (typeof documents)["\n  mutation ReanalyseUpload($id: ID!) {\n    reanalyseUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUpload($id: ID!) {\n    deleteUpload(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteUpload($id: ID!) {\n    deleteUpload(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProcessUpload($id: ID!) {\n    processUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n"): (typeof documents)["\n  mutation ProcessUpload($id: ID!) {\n    processUpload(id: $id) {\n      ...UploadRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EarliestUnmatchedCall($where: CallWhereInput!) {\n    calls(first: 1, orderBy: { field: START, direction: ASC }, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          start\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EarliestUnmatchedCall($where: CallWhereInput!) {\n    calls(first: 1, orderBy: { field: START, direction: ASC }, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          start\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PricedCustomers($where: CallWhereInput!) {\n    calls(first: 100, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          customer {\n            id\n            name\n            reference\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PricedCustomers($where: CallWhereInput!) {\n    calls(first: 100, where: $where) {\n      totalCount\n      edges {\n        node {\n          id\n          customer {\n            id\n            name\n            reference\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      validFrom\n      customer {\n        id\n        name\n        reference\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignCli($input: CreateCliInput!) {\n    createCli(input: $input) {\n      id\n      value\n      validFrom\n      customer {\n        id\n        name\n        reference\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DefaultTariff {\n    tariffs(first: 1, where: { isDefault: true }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DefaultTariff {\n    tariffs(first: 1, where: { isDefault: true }) {\n      edges {\n        node {\n          id\n          name\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;