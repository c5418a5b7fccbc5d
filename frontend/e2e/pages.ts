import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { api, newAsteriskProvider, uploadCdr } from './clerk';

// Every page of the app with something on it, for the specs that look at all
// of them (colours, widths, console messages).

export interface Seeded {
  customer: string;
  tariff: string;
  upload: string;
  invoice: string;
}

/**
 * One of everything a detail page shows, made through the API under unique
 * names: a customer with a CLI and an invoice for a one-off charge, a CDR
 * upload from a provider of its own, and the default tariff.
 */
export async function seed(request: APIRequestContext): Promise<Seeded> {
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const reference = `POL-${suffix}`;
  const { tariffs } = await api<{ tariffs: { edges: { node: { id: string } }[] } }>(
    request,
    `{ tariffs(first: 1, where: { isDefault: true }) { edges { node { id } } } }`,
  );
  const tariff = tariffs.edges[0].node.id;
  const { createCustomer } = await api<{ createCustomer: { id: string } }>(
    request,
    `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`,
    { input: { reference, name: `Polish Plumbing ${suffix}`, tariffID: tariff, postalAddress: '1 Long Lane\nLeeds LS1 1AA' } },
  );
  const customer = createCustomer.id;
  await api(request, `mutation($c: ID!, $input: ChargeInput!) { addCharge(customerID: $c, input: $input) { id } }`, {
    c: customer,
    input: { description: `Set-up ${suffix}`, recurrence: 'ONE_OFF', quantity: '1', unitPrice: '25', date: '2026-06-10' },
  });
  await api(request, `mutation($input: BillingRunInput!) { startBillingRun(input: $input) { id } }`, {
    input: { customerIDs: [customer], period: '2026-06-01..2026-06-30' },
  });

  const provider = await newAsteriskProvider(request, `Polish Carrier ${suffix}`);
  const upload = await uploadCdr(request, provider, `polish-${suffix}.csv`, masterCsv(suffix));

  // The run issues the invoice in the background.
  let invoice = '';
  await expect
    .poll(
      async () => {
        const { invoiceList } = await api<{ invoiceList: { edges: { node: { id: string } }[] } }>(
          request,
          `query($q: String) { invoiceList(view: ALL, search: $q, first: 1) { edges { node { id } } } }`,
          { q: reference },
        );
        invoice = invoiceList.edges[0]?.node.id ?? '';
        return invoice;
      },
      { timeout: 30_000 },
    )
    .not.toBe('');
  return { customer, tariff, upload, invoice };
}

/**
 * An Asterisk Master.csv of its own (a file already uploaded is refused): calls
 * from CLIs nobody owns, one unanswered, and a line that is not a call.
 */
function masterCsv(tag: string): Buffer {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() - 86_400_000));
  const call = (i: number, cli: string, to: string, billsec: number) => {
    const start = `${day} 1${i}:00:00`;
    const end = `${day} 1${i}:0${Math.floor(billsec / 60)}:${String(billsec % 60).padStart(2, '0')}`;
    const disposition = billsec ? 'ANSWERED' : 'NO ANSWER';
    return `"","${cli}","${to}","outbound-calls","""Desk"" <${cli}>","PJSIP/201-1","PJSIP/carrier-2","Dial","PJSIP/${to}@carrier,90,T","${start}","${start}","${end}",${billsec},${billsec},"${disposition}","DOCUMENTATION","${tag}.${i}",""`;
  };
  const lines = [
    call(0, '01134960871', '01614960123', 61),
    call(1, '01134960871', '02920180123', 125),
    call(2, '01134960872', '07700900123', 30),
    call(3, '01134960872', '01614960123', 0),
    'not,a,call',
  ];
  return Buffer.from(lines.join('\n') + '\n');
}

/** Every page of the staff app, the portal and a path that is not a page. */
export function routes(s: Seeded): string[] {
  const c = `/customers/${s.customer}`;
  return [
    '/',
    '/customers',
    '/customers/new',
    c,
    `${c}/clis`,
    `${c}/sites`,
    `${c}/calls`,
    `${c}/charges`,
    `${c}/invoices`,
    `${c}/edit`,
    '/tariffs',
    '/tariffs/quote',
    `/tariffs/${s.tariff}`,
    `/tariffs/${s.tariff}/quote`,
    '/peak-times',
    '/providers',
    '/uploads',
    `/uploads/${s.upload}`,
    '/calls',
    '/billing-runs',
    '/invoices',
    `/invoices/${s.invoice}`,
    '/products',
    '/schedules',
    '/settings',
    '/no-such-page',
    '/portal',
  ];
}

/** Opens a route and waits until its page has drawn and its requests (lazily loaded code too) are answered. */
export async function open(page: Page, route: string) {
  await page.goto(route);
  await page.waitForLoadState('networkidle');
  await expect(page.locator('#root')).not.toBeEmpty();
}

