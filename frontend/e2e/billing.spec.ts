import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, asteriskCdr, consoleErrorsOf, newAsteriskProvider, prepareRating, uploadAndWait } from './clerk';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = path.resolve(here, '../../testdata/rates/sample.csv');
const SHOTS = process.env.TOLLGATE_E2E_SHOTS ?? 'test-results';

/** Today in the deployment's zone (Europe/London unless set otherwise), "2026-07-14". */
function todayIn(zone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
}

/** The calendar month before the one holding `today`: its name and a day in it. */
function lastMonth(today: string): { name: string; day: (d: number) => string; first: string } {
  const [y, m] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 2, 1));
  const name = start.toISOString().slice(0, 7);
  return { name, first: `${name}-01`, day: (d) => `${name}-${String(d).padStart(2, '0')}` };
}

/** a / b rounded half-up, both positive. */
function divHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/** "17.5" → [175n, 10n]. */
function fraction(decimal: string): [bigint, bigint] {
  const [whole, frac = ''] = decimal.split('.');
  const scale = 10n ** BigInt(frac.length);
  return [BigInt(whole + frac), scale];
}

/** Hundredths → "£39.04". */
function money(symbol: string, cents: bigint): string {
  const whole = (cents / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${symbol}${whole}.${(cents % 100n).toString().padStart(2, '0')}`;
}

test('pending charges and calls → the wizard → preview → run → the invoice PDF in the page → the email in the outbox', async ({ page, request }) => {
  test.setTimeout(180_000);
  const consoleErrors = consoleErrorsOf(page);
  const defaultTariff = await prepareRating(request, readFileSync(SAMPLE_SHEET));
  const suffix = Date.now().toString(36).toUpperCase();
  const { settings } = await api<{
    settings: { timeZone: string; currencySymbol: string; invoiceDecimals: number; rounding: string; company: { defaultTaxRate: string } };
  }>(request, `{ settings { timeZone currencySymbol invoiceDecimals rounding company { defaultTaxRate } } }`);
  // The arithmetic below is BILLING.md's at the defaults this server runs with.
  expect(settings.invoiceDecimals).toBe(2);
  expect(settings.rounding).toBe('half-up');
  const month = lastMonth(todayIn(settings.timeZone));

  // Emails need a sender; a fresh server has none yet.
  const { settings: mail } = await api<{ settings: { company: { emailSenderAddress: string } } }>(
    request,
    `{ settings { company { emailSenderAddress } } }`,
  );
  if (!mail.company.emailSenderAddress) {
    await api(request, `mutation { updateSettings(input: { emailSenderName: "Tollgate Billing", emailSenderAddress: "billing@tollgate.test" }) { currency } }`);
  }

  // A monthly schedule of this run's own, so the run bills this customer alone.
  const scheduleName = `Wizard monthly ${suffix}`;
  const { createBillingSchedule: schedule } = await api<{ createBillingSchedule: { id: string } }>(
    request,
    `mutation($name: String!) { createBillingSchedule(input: { name: $name, frequency: MONTHLY, anchorDay: 1 }) { id } }`,
    { name: scheduleName },
  );
  const customerName = `Harbour Vets ${suffix}`;
  const email = `accounts+${suffix.toLowerCase()}@harbour-vets.test`;
  const cli = `011349600${String(10 + (Date.now() % 60)).padStart(2, '0')}`;
  const { createCustomer: customer } = await api<{ createCustomer: { id: string } }>(
    request,
    `mutation($input: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) { createCustomer(input: $input, clis: $clis) { id } }`,
    {
      input: { reference: `VET-${suffix}`, name: customerName, invoiceDelivery: 'EMAIL', deliveryEmail: email, scheduleID: schedule.id },
      clis: [{ value: cli }],
    },
  );

  // Three processed calls last month, all Peak (no peak-time blocks), priced per testdata/README.md's rules:
  // price = max(conn + rate × S / 60, min) pence, to 4 places of a pound half-up; in ten-thousandths of a pound
  // that is rate-in-hundredths-of-a-penny × S / 60.
  const calls: { to: string; seconds: number; ratePer60: bigint; billable: number }[] = [
    { to: '01614960123', seconds: 61, ratePer60: 240n, billable: 61 }, // +44161 2.4p, per second
    { to: '02920180123', seconds: 50, ratePer60: 255n, billable: 50 }, // +4429 2.55p: 2.125p rounds up
    { to: '07700900123', seconds: 30, ratePer60: 720n, billable: 60 }, // +447 7.2p, 60/1: the first minute whole
  ];
  const provider = await newAsteriskProvider(request, `Wizard Carrier ${suffix}`);
  await uploadAndWait(
    request,
    provider,
    `wizard-${suffix}.csv`,
    asteriskCdr(
      cli,
      `wz${suffix}`,
      calls.map((c, i) => [month.day(15 + i), '10:00', c.to, c.seconds]),
    ),
    true,
  );
  const callUnits = calls.reduce((sum, c) => sum + divHalfUp(c.ratePer60 * BigInt(c.billable), 60n), 0n);

  // A pending one-off charge dated last month: 3 × 12.35 of a product taxed at 5%.
  const { createProduct: product } = await api<{ createProduct: { id: string } }>(
    request,
    `mutation($input: ProductInput!) { createProduct(input: $input) { id } }`,
    {
      input: {
        name: `Router install ${suffix}`,
        reference: `RTR-${suffix}`,
        recurrence: 'ONE_OFF',
        taxRate: '5',
        prices: [{ tariffID: defaultTariff, price: '12.35' }],
      },
    },
  );
  await api(request, `mutation($c: ID!, $input: ChargeInput!) { addCharge(customerID: $c, input: $input) { id } }`, {
    c: customer.id,
    input: { productID: product.id, quantity: '3', date: month.day(20) },
  });

  // BILLING.md: Call Charges = round(Σ call prices, 2) at the default rate; a line = round(qty × unit price, 2);
  // tax per rate = round(Σ net at the rate × rate / 100, 2); total = net + tax.
  const callCharges = divHalfUp(callUnits, 100n);
  const chargeLine = 3n * 1235n;
  const [rate, scale] = fraction(settings.company.defaultTaxRate);
  const tax = divHalfUp(callCharges * rate, 100n * scale) + divHalfUp(chargeLine * 5n, 100n);
  const net = callCharges + chargeLine;
  const expectedTotal = money(settings.currencySymbol, net + tax);

  // The wizard, from the main navigation.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Billing runs' }).click();
  await expect(page.getByRole('heading', { name: 'Billing runs', level: 2 })).toBeVisible();

  // Step 1: the schedule and its period; last month, the newest ended one, is offered.
  await page.getByRole('combobox', { name: 'Schedule' }).click();
  await page.getByRole('option', { name: `${scheduleName} (1 customer)` }).click();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue(new RegExp(`^${month.name} · `));
  await expect(page.getByRole('radio', { name: /Everything due/ })).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/billing-1-what.png`, fullPage: true });
  await page.getByRole('button', { name: 'Next: how to issue' }).click();

  // Step 2: an issue date inside the period is refused by the server, next to the field, in its words.
  await page.getByRole('textbox', { name: 'Issue date' }).fill(month.first);
  await page.getByRole('textbox', { name: 'Issue date' }).blur();
  await expect(page.getByRole('radio', { name: /Next in sequence/ })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Email the invoices to customers on email delivery' })).toBeChecked();
  await page.screenshot({ path: `${SHOTS}/billing-2-issue.png`, fullPage: true });
  await page.getByRole('button', { name: 'Preview the invoices' }).click();
  const issueDate = page.getByRole('textbox', { name: 'Issue date' });
  await expect(issueDate).toHaveAccessibleDescription(/before the end of the period/);
  await page.screenshot({ path: `${SHOTS}/billing-2-refused.png`, fullPage: true });
  await issueDate.fill('');
  await issueDate.blur();
  await expect(issueDate).toHaveValue('');
  await page.getByRole('button', { name: 'Preview the invoices' }).click();

  // Step 3: the preview, exactly as it will be issued.
  const preview = page.getByRole('table', { name: 'Invoices the run would issue' });
  const row = preview.getByRole('row', { name: new RegExp(customerName) });
  await expect(row).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('Call Charges (3 calls), Router install');
  await expect(row).toContainText(email);
  await expect(row.getByRole('cell', { name: expectedTotal, exact: true })).toBeVisible();
  await expect(page.getByLabel('Total', { exact: true })).toHaveText(expectedTotal);
  await row.getByRole('button', { name: /Show the lines of invoice/ }).click();
  const lines = page.getByRole('table', { name: /Lines of invoice/ });
  await expect(lines.getByRole('row', { name: /Call Charges/ })).toContainText(money(settings.currencySymbol, callCharges));
  await expect(lines.getByRole('row', { name: /Router install/ })).toContainText(money(settings.currencySymbol, chargeLine));
  await page.screenshot({ path: `${SHOTS}/billing-3-preview.png`, fullPage: true });

  // Step 4: run it and watch the progress reach done.
  await page.getByRole('button', { name: 'Run billing' }).click();
  await expect(page.getByTestId('run-summary')).toHaveText(/^Done · 1 customer · 1 invoice issued$/, { timeout: 60_000 });
  await page.screenshot({ path: `${SHOTS}/billing-4-done.png`, fullPage: true });
  await page.getByRole('link', { name: 'Open the invoice of this run' }).click();
  const runInvoices = page.getByRole('table', { name: 'Invoices of this run' });
  const invoiceRow = runInvoices.getByRole('row', { name: new RegExp(customerName) });
  await expect(invoiceRow).toContainText(expectedTotal);
  await page.screenshot({ path: `${SHOTS}/billing-5-run.png`, fullPage: true });
  const number = (await invoiceRow.getByRole('link').textContent())!.trim();
  expect(number).toMatch(/^\d+$/);

  // The invoice, with its PDF in the page once the worker has rendered it.
  // A click while the run's page refreshes its rows (the worker storing the
  // documents) has been seen to go nowhere: try again until the invoice opens.
  await expect(async () => {
    await invoiceRow.getByRole('link', { name: number }).click();
    await expect(page).toHaveURL(/\/invoices\/[^/]+$/, { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  const pdfFrame = page.locator(`iframe[title="Invoice ${number} PDF"]`);
  await expect(async () => {
    await page.reload();
    await expect(pdfFrame).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
  const src = await pdfFrame.getAttribute('src');
  expect(src).toMatch(/^\/download\/invoices\/[^/]+\/pdf$/);
  const pdf = await request.get(src!);
  expect(pdf.ok()).toBe(true);
  const bytes = await pdf.body();
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tollgate-pdf-')), `${number}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  expect(text).toContain(number);
  expect(text).toContain(customerName);
  expect(text).toContain(expectedTotal.replace(settings.currencySymbol, ''));
  await page.screenshot({ path: `${SHOTS}/billing-6-invoice.png`, fullPage: true });

  // The email to the customer's address, sent once the documents are stored.
  const invoiceID = src!.split('/')[3];
  await expect
    .poll(
      async () =>
        (
          await api<{ node: { deliveries: { recipient: string; status: string }[] } }>(
            request,
            `query($id: ID!) { node(id: $id) { ... on Invoice { deliveries { recipient status } } } }`,
            { id: invoiceID },
          )
        ).node.deliveries,
      { timeout: 60_000 },
    )
    .toEqual([{ recipient: email, status: 'SENT' }]);

  expect(consoleErrors).toEqual([]);
});
