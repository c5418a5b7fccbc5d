import { expect, type APIRequestContext, type Page } from '@playwright/test';

// Small API helpers for the specs that set up their data through GraphQL
// and then look at one page as a clerk would.

/** Console errors a page logs; a test fails on any it did not expect. */
export function consoleErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** Runs a GraphQL operation that must succeed. */
export async function api<T = Record<string, unknown>>(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const res = await request.post('/graphql', { data: { query, variables } });
  expect(res.ok()).toBe(true);
  const body = await res.json();
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data as T;
}

/** Sends one file as the Upload variable `file` of a multipart GraphQL request; answers the whole body. */
export async function apiWithFile(
  request: APIRequestContext,
  query: string,
  variables: Record<string, unknown>,
  filePath: string,
  file: { name: string; buffer: Buffer; mimeType?: string },
): Promise<{ data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await request.post('/graphql', {
    multipart: {
      operations: JSON.stringify({ query, variables }),
      map: JSON.stringify({ file: [filePath] }),
      file: { name: file.name, mimeType: file.mimeType ?? 'text/csv', buffer: file.buffer },
    },
  });
  return res.json();
}

/** A new Asterisk provider with a unique name; answers its id. */
export async function newAsteriskProvider(request: APIRequestContext, name: string): Promise<string> {
  const { createProvider } = await api<{ createProvider: { id: string } }>(
    request,
    `mutation($input: CreateProviderInput!) { createProvider(input: $input) { id } }`,
    { input: { name, cdrFormat: 'ASTERISK' } },
  );
  return createProvider.id;
}

/** Uploads a CDR file for a provider; answers the upload's id. */
export async function uploadCdr(request: APIRequestContext, providerID: string, name: string, buffer: Buffer) {
  const body = await apiWithFile(
    request,
    `mutation($input: UploadCdrInput!) { uploadCdr(input: $input) { id } }`,
    { input: { providerID, file: null } },
    'variables.input.file',
    { name, buffer },
  );
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return (body.data!.uploadCdr as { id: string }).id;
}

/**
 * The rating every call-making spec relies on, through the API: the seeded
 * "Standard" tariff is the default and has the UK sample sheet
 * (testdata/rates/sample.csv) in force from 2026-01-01, and no peak-time
 * blocks, so every call is Peak.
 */
export async function prepareRating(request: APIRequestContext, sampleSheet: Buffer) {
  const { tariffs } = await api<{
    tariffs: { edges: { node: { id: string; isDefault: boolean; rateSheets: { id: string }[] | null } }[] };
  }>(request, `{ tariffs(first: 1, where: { name: "Standard" }) { edges { node { id isDefault rateSheets { id } } } } }`);
  const standard = tariffs.edges[0]?.node;
  expect(standard, 'the seeded Standard tariff').toBeTruthy();
  if (!standard.isDefault) {
    await api(request, `mutation($id: ID!) { updateTariff(id: $id, input: { isDefault: true }) { id } }`, { id: standard.id });
  }
  if (!standard.rateSheets?.length) {
    const body = await apiWithFile(
      request,
      `mutation($input: UploadRateSheetInput!) { uploadRateSheet(input: $input) { id } }`,
      { input: { tariffID: standard.id, effectiveFrom: '2026-01-01T00:00:00Z', file: null } },
      'variables.input.file',
      { name: 'sample.csv', buffer: sampleSheet },
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  }
  await api(request, `mutation { replacePeakTimes(blocks: []) { id } }`);
  return standard.id;
}

/** Asterisk Master.csv lines from `cli`: [day, hh:mm, number dialled, billed seconds]; `tag` keeps their unique ids apart. */
export function asteriskCdr(cli: string, tag: string, calls: [string, string, string, number][]): Buffer {
  return Buffer.from(
    calls
      .map(([day, time, to, billsec], i) => {
        const start = `${day} ${time}:00`;
        const end = `${day} ${time}:${String(billsec % 60).padStart(2, '0')}`;
        return `"","${cli}","${to}","outbound-calls","""Desk"" <${cli}>","PJSIP/201-1","PJSIP/carrier-2","Dial","PJSIP/${to}@carrier,90,T","${start}","${start}","${end}",${billsec},${billsec},"ANSWERED","DOCUMENTATION","${tag}.${i}",""`;
      })
      .join('\n') + '\n',
  );
}

/** Uploads a CDR file and waits for its analysis; with `process`, processes it too. Answers the upload's id. */
export async function uploadAndWait(request: APIRequestContext, providerID: string, name: string, file: Buffer, process: boolean) {
  const id = await uploadCdr(request, providerID, name, file);
  const status = async () =>
    (await api<{ node: { status: string } }>(request, `query($id: ID!) { node(id: $id) { ... on CdrUpload { status } } }`, { id })).node.status;
  await expect.poll(status, { timeout: 30_000 }).toBe('READY');
  if (process) {
    await api(request, `mutation($id: ID!) { processUpload(id: $id) { id } }`, { id });
    await expect.poll(status, { timeout: 30_000 }).toBe('PROCESSED');
  }
  return id;
}

/** Makes sure invoice emails have a sender and a company name (a fresh server has neither); keeps what is set. */
export async function ensureEmailSender(request: APIRequestContext) {
  const { settings } = await api<{ settings: { company: { name: string; emailSenderAddress: string } } }>(
    request,
    `{ settings { company { name emailSenderAddress } } }`,
  );
  const input: Record<string, string> = {};
  if (!settings.company.name) input.companyName = 'Northern Voice Ltd';
  if (!settings.company.emailSenderAddress) input.emailSenderAddress = 'billing@northernvoice.example';
  if (Object.keys(input).length) await api(request, `mutation($input: UpdateSettingsInput!) { updateSettings(input: $input) { currency } }`, { input });
  return settings.company.emailSenderAddress || 'billing@northernvoice.example';
}

/** A customer on email delivery with a one-off charge of `amount` dated `date`; answers its id. */
export async function newEmailCustomerWithCharge(
  request: APIRequestContext,
  customer: { reference: string; name: string; email: string },
  charge: { description: string; amount: string; date: string },
): Promise<string> {
  const { email, ...names } = customer;
  const { createCustomer } = await api<{ createCustomer: { id: string } }>(
    request,
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    { input: { ...names, invoiceDelivery: 'EMAIL', deliveryEmail: email } },
  );
  await api(
    request,
    `mutation($id: ID!, $input: ChargeInput!) { addCharge(customerID: $id, input: $input) { id } }`,
    { id: createCustomer.id, input: { description: charge.description, quantity: '1', unitPrice: charge.amount, date: charge.date } },
  );
  return createCustomer.id;
}

/** Bills the customers for a manual period ("2026-11-01..2026-11-30") with emails, waits for the run, and answers its invoices' ids. */
export async function billCustomers(request: APIRequestContext, customerIDs: string[], period: string): Promise<string[]> {
  const { startBillingRun } = await api<{ startBillingRun: { id: string } }>(
    request,
    `mutation($input: BillingRunInput!) { startBillingRun(input: $input) { id } }`,
    { input: { customerIDs, period, sendEmails: true } },
  );
  type Run = { node: { status: string; failureReason: string; invoiceCount: number } };
  await expect
    .poll(
      async () => {
        const { node } = await api<Run>(
          request,
          `query($id: ID!) { node(id: $id) { ... on BillingRun { status failureReason invoiceCount } } }`,
          { id: startBillingRun.id },
        );
        if (node.status === 'FAILED') throw new Error(`the billing run failed: ${node.failureReason}`);
        return node.status;
      },
      { timeout: 30_000 },
    )
    .toBe('COMPLETED');
  const ids: string[] = [];
  for (const customerID of customerIDs) {
    const { node } = await api<{ node: { invoiceList: { edges: { node: { id: string } }[] } } }>(
      request,
      `query($id: ID!) { node(id: $id) { ... on Customer { invoiceList(view: ALL, first: 5) { edges { node { id } } } } } }`,
      { id: customerID },
    );
    ids.push(...node.invoiceList.edges.map((e) => e.node.id));
  }
  return ids;
}
