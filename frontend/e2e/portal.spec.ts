import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, asteriskCdr, billCustomers, consoleErrorsOf, ensureEmailSender, newAsteriskProvider, prepareRating, uploadAndWait } from './clerk';

// The customer portal, on the second server of playwright.config.ts (the one
// with sign-in and TOLLGATE_PORTAL_REGISTRATION on). Its staff admin is
// portal-admin@example.com, made before the server started, so the sign-in
// spec's own first admin link stays unused.
const base = `http://127.0.0.1:${process.env.TOLLGATE_E2E_SIGNIN_PORT}`;
test.use({ baseURL: base });

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = path.resolve(here, '../../testdata/rates/sample.csv');
const SHOTS = process.env.TOLLGATE_E2E_PORTAL_SHOTS ?? '/tmp/portal-shots';
const password = 'portal admin passphrase';

function printedLink(file: string): string {
  const printed = readFileSync(join(process.env.TOLLGATE_E2E_SIGNIN_DIR!, file), 'utf8');
  const link = printed.match(/https?:\/\/\S+\/welcome\?link=\S+/);
  if (!link) throw new Error(`no link in what tollgate user create printed: ${printed}`);
  return link[0];
}

/** A day as the CDR and the billing run write it, in Europe/London: "2026-11-30". */
function londonDay(msAgo: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() - msAgo));
}

/** The calendar month before today's: its first and last days. */
function lastMonth(): { first: string; last: string } {
  const [y, m] = londonDay(0).split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 10);
  const last = new Date(Date.UTC(y, m - 1, 0)).toISOString().slice(0, 10);
  return { first, last };
}

async function choosePassword(page: Page, link: string, chosen: string) {
  await page.goto(link);
  const form = page.getByRole('form', { name: 'Choose your password' });
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(chosen);
  await form.getByLabel('The password again').fill(chosen);
  await form.getByRole('button', { name: 'Save the password and sign in' }).click();
}

/** The staff's GraphQL, with the signed-in browser's cookie and its CSRF token. */
async function staffApi(page: Page): Promise<APIRequestContext> {
  const session = await (await page.request.get('/auth/session')).json();
  return playwrightRequest.newContext({
    baseURL: base,
    storageState: await page.context().storageState(),
    extraHTTPHeaders: { 'X-CSRF-Token': session.csrfToken },
  });
}

test('a customer invited to the portal sees its own invoices and calls, and nobody else’s', async ({ browser }) => {
  test.setTimeout(180_000);
  const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();

  // Staff: the portal's admin chooses a password and is signed in.
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await choosePassword(staff, printedLink('portal-admin-link.txt'), password);
  await expect(staff.getByRole('button', { name: 'Signed in as portal-admin@example.com' })).toBeVisible();
  const request = await staffApi(staff);

  // Two customers with a CLI each, calls for both, an invoice for each.
  await prepareRating(request, readFileSync(SAMPLE_SHEET));
  await api(request, `mutation { updateSettings(input: { companyName: "Northern Voice Ltd" }) { currency } }`);
  await ensureEmailSender(request);
  const digits = String(1000 + (Date.now() % 9000));
  const cliA = `0113496${digits}`;
  const cliB = `0113497${digits}`;
  const newCustomer = async (tag: string, cli: string) => {
    const { createCustomer } = await api<{ createCustomer: { id: string } }>(
      request,
      `mutation($input: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) { createCustomer(input: $input, clis: $clis) { id } }`,
      { input: { reference: `PORT${tag}-${suffix}`, name: `Portal ${tag} Ltd ${suffix}` }, clis: [{ value: cli }] },
    );
    return createCustomer.id;
  };
  const customerA = await newCustomer('A', cliA);
  const customerB = await newCustomer('B', cliB);
  const month = lastMonth();
  const provider = await newAsteriskProvider(request, `Portal Carrier ${suffix}`);
  const cdr = Buffer.concat([
    asteriskCdr(cliA, `pa${suffix}`, [
      [month.last, '10:00', '01614960123', 61],
      [month.last, '11:30', '01614960456', 125],
    ]),
    asteriskCdr(cliB, `pb${suffix}`, [
      [month.last, '09:15', '07700900123', 30],
      [month.last, '14:45', '07700900456', 45],
      [month.last, '15:05', '07700900789', 50],
    ]),
  ]);
  await uploadAndWait(request, provider, `portal-${suffix}.csv`, cdr, true);
  const invoiceIDs = await billCustomers(request, [customerA, customerB], `${month.first}..${month.last}`);
  expect(invoiceIDs).toHaveLength(2);
  const numberOf = async (id: string) =>
    (await api<{ node: { number: number } }>(request, `query($id: ID!) { node(id: $id) { ... on Invoice { number } } }`, { id })).node.number;
  const [numberA, numberB] = [await numberOf(invoiceIDs[0]), await numberOf(invoiceIDs[1])];

  // Staff invite A's accountant from A's page and read the link there.
  const portalEmail = `accounts-${suffix.toLowerCase()}@portal-a.test`;
  await staff.goto(`/customers/${customerA}`);
  const access = staff.getByRole('region', { name: 'Portal access' });
  await expect(access.getByText('Nobody yet.')).toBeVisible();
  await access.getByRole('button', { name: 'Invite to portal' }).click();
  const invite = staff.getByRole('form', { name: 'Invite to portal' });
  await invite.getByLabel('Email').fill(portalEmail);
  await invite.getByLabel('Name').fill('Alex Accounts');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = (await staff.getByLabel('Activation link').textContent())!.trim();
  expect(link).toMatch(/\/welcome\?link=/);
  await staff.screenshot({ path: `${SHOTS}/staff-invitation.png` });
  await staff.getByRole('button', { name: 'Done' }).click();
  await expect(access.getByRole('row').filter({ hasText: portalEmail })).toContainText('Never');

  // The customer opens the link in a browser of their own and lands on their portal.
  const customerContext = await browser.newContext();
  const customer = await customerContext.newPage();
  const errors = consoleErrorsOf(customer);
  await choosePassword(customer, link, 'our accounts passphrase');
  await expect(customer).toHaveURL(/\/portal$/);
  await expect(customer.getByTestId('portal-company')).toHaveText('Northern Voice Ltd');
  await expect(customer.getByRole('button', { name: `Signed in as ${portalEmail}` })).toBeVisible();
  const latest = customer.getByTestId('portal-latest-invoice');
  await expect(latest).toContainText(`Invoice ${numberA}`);
  const outstanding = customer.getByRole('region', { name: 'Outstanding invoices' });
  await expect(outstanding.getByRole('link', { name: `Invoice ${numberA}`, exact: true })).toBeVisible();
  await expect(outstanding.getByRole('link', { name: `Invoice ${numberB}`, exact: true })).toHaveCount(0);
  await expect(customer.getByText(`Invoice ${numberB}`)).toHaveCount(0);

  // Invoices: A's only; its page has its lines.
  await customer.getByRole('navigation', { name: 'Portal' }).getByRole('link', { name: 'Invoices' }).click();
  const invoices = customer.getByRole('table', { name: 'Invoices' });
  await expect(invoices.getByRole('row')).toHaveCount(2);
  await expect(invoices.getByRole('link', { name: String(numberA), exact: true })).toBeVisible();
  await expect(invoices.getByRole('link', { name: String(numberB), exact: true })).toHaveCount(0);
  await expect(invoices).toContainText('Outstanding');
  await invoices.getByRole('link', { name: String(numberA), exact: true }).click();
  await expect(customer.getByRole('heading', { name: `Invoice ${numberA}` })).toBeVisible();
  await expect(customer.getByRole('table', { name: 'Invoice lines' })).toContainText('Call');
  // Another customer's invoice is not found, not shown.
  await customer.goto(`/portal/invoices/${invoiceIDs[1]}`);
  await expect(customer.getByText('No such invoice')).toBeVisible();

  // Calls: A's two, none of B's; the CSV has the same rows.
  await customer.goto('/portal/calls');
  const calls = customer.getByRole('table', { name: 'Calls' });
  await expect(calls.getByRole('row')).toHaveCount(3);
  await expect(customer.getByTestId('portal-calls-totals')).toContainText('2 calls');
  await expect(calls).toContainText('0161');
  await expect(calls).not.toContainText('07700');
  await expect(calls).not.toContainText('7700 900');
  const [download] = await Promise.all([customer.waitForEvent('download'), customer.getByRole('link', { name: 'Export CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8').trim().split(/\r?\n/);
  expect(csv).toHaveLength(3);
  expect(csv.slice(1).every((row) => /161/.test(row) && !/7700/.test(row))).toBe(true);
  // Filtered by number: one call, and the export link carries the filter.
  await customer.getByLabel('Number contains').fill('4960456');
  await expect(customer.getByTestId('portal-calls-totals')).toContainText('1 call match');
  await expect(customer.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', /number=4960456/);

  // The staff app is not theirs: its pages send them to their portal.
  await customer.goto('/customers');
  await expect(customer).toHaveURL(/\/portal$/);

  // Screenshots of the three pages, wide and narrow, light and dark, for a person to look at.
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await customer.emulateMedia({ colorScheme: scheme });
    for (const width of [1440, 390]) {
      await customer.setViewportSize({ width, height: 900 });
      for (const [name, route] of [
        ['home', '/portal'],
        ['invoices', '/portal/invoices'],
        ['calls', '/portal/calls'],
      ]) {
        await customer.goto(route);
        await customer.waitForLoadState('networkidle');
        await expect(customer.locator('main')).not.toBeEmpty();
        const scroll = await customer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(scroll, `${route} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
        await customer.screenshot({ path: `${SHOTS}/${name}-${width}-${scheme}.png`, fullPage: true });
      }
    }
  }
  expect(errors).toEqual([]);

  // Staff disable the portal user: their next page is the sign-in page.
  await staff.reload();
  await access.getByRole('button', { name: `Disable ${portalEmail}` }).click();
  await expect(access.getByRole('row').filter({ hasText: portalEmail })).toContainText('Disabled');
  await customer.goto('/portal/calls');
  await expect(customer).toHaveURL(/\/sign-in\?next=%2Fportal%2Fcalls$/);

  await request.dispose();
  await customerContext.close();
  await staffContext.close();
});

test('nobody signed in is sent to sign in from the portal, and may ask to register', async ({ page }) => {
  for (const path of ['/portal', '/customers', '/portal/invoices']) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}$`));
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  }
  await page.getByRole('link', { name: 'Register for the portal' }).click();
  await expect(page).toHaveURL(/\/portal\/register$/);
  const form = page.getByRole('form', { name: 'Register for the portal' });
  await form.getByLabel('Email').fill('someone@nowhere.test');
  await form.getByLabel('Customer reference').fill('NO-SUCH-REF');
  await form.getByLabel('Invoice number').fill('999999');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByRole('status')).not.toBeEmpty();
  await page.screenshot({ path: `${SHOTS}/register.png` });
});
