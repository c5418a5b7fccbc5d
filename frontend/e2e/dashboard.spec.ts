import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api as gql, asteriskCdr, consoleErrorsOf as collectConsoleErrors, prepareRating, uploadAndWait } from './clerk';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = path.resolve(here, '../../testdata/rates/sample.csv');

/** The calendar day `back` days before today in London, "2026-06-01". */
function daysAgo(back: number): string {
  const d = new Date(Date.now() - back * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

test('the dashboard shows unbilled calls, calls per day, destinations and the uploads waiting, each linking on', async ({ page, request }) => {
  const consoleErrors = collectConsoleErrors(page);
  await prepareRating(request, readFileSync(SAMPLE_SHEET));
  const suffix = Date.now().toString(36).toUpperCase();
  const customerName = `Dashboard Dental ${suffix}`;
  const cli = '01134960077';

  const { createProvider } = await gql<{ createProvider: { id: string } }>(
    request,
    `mutation($input: CreateProviderInput!) { createProvider(input: $input) { id } }`,
    { input: { name: `Dash Carrier ${suffix}`, cdrFormat: 'ASTERISK', timeZone: 'Europe/London' } },
  );
  const { createCustomer } = await gql<{ createCustomer: { id: string } }>(
    request,
    `mutation($input: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) { createCustomer(input: $input, clis: $clis) { id } }`,
    { input: { reference: `DASH-${suffix}`, name: customerName }, clis: [{ value: cli }] },
  );

  // Processed: 61 s to Manchester 0.0244, 50 s to Cardiff 0.0213 (yesterday), 30 s
  // to a mobile 0.0720 (its 2p minimum is below 7.2p; the day before): 0.1177 in all
  // (testdata/README.md works out each price).
  await uploadAndWait(
    request,
    createProvider.id,
    `dash-processed-${suffix}.csv`,
    asteriskCdr(cli, `p${suffix}`, [
      [daysAgo(1), '10:00', '01614960123', 61],
      [daysAgo(1), '17:30', '02920180123', 50],
      [daysAgo(2), '07:30', '07700900123', 30],
    ]),
    true,
  );
  // Waiting: 120 s to Manchester, 2.4p × 2 = 0.0480.
  const waitingName = `dash-waiting-${suffix}.csv`;
  const waitingID = await uploadAndWait(request, createProvider.id, waitingName, asteriskCdr(cli, `w${suffix}`, [[daysAgo(1), '12:00', '01614960123', 120]]), false);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 2 })).toBeVisible();

  // Unbilled calls: the customer's 0.1177, at the invoice's 2 places.
  const unbilled = page.getByRole('table', { name: 'Unbilled calls by customer' });
  const row = unbilled.getByRole('row', { name: new RegExp(customerName) });
  await expect(row).toContainText('£0.12');
  await expect(row).toContainText(`DASH-${suffix}`);

  // Calls per day: the three processed calls; the waiting upload's call is not counted yet.
  await expect(page.getByTestId('calls-summary')).toContainText('3 priced calls in the last 30 days, worth £0.12');
  await expect(page.getByRole('region', { name: 'Calls per day' }).locator('.recharts-bar-rectangle path').first()).toBeVisible();

  // Top destinations, named from the rate sheet.
  const destinations = page.getByRole('table', { name: 'Top destinations' });
  await expect(destinations.getByRole('row', { name: /UK Mobile \(447\)/ })).toContainText('£0.07');
  await expect(destinations.getByRole('row', { name: /Manchester \(44161\)/ })).toContainText('£0.02');
  await page.getByRole('region', { name: 'Top destinations' }).getByText('By calls').click();
  await expect(destinations.getByRole('row', { name: /Manchester \(44161\)/ })).toContainText('1 call');

  // The waiting upload with its value, linking to its page.
  const waiting = page.getByRole('table', { name: 'Uploads waiting to be processed' });
  const waitingRow = waiting.getByRole('row', { name: new RegExp(waitingName) });
  await expect(waitingRow).toContainText('£0.05');
  await expect(page.getByTestId('figure-waiting')).toContainText('upload');

  // 60 days asks again and still counts the same calls.
  await page.getByRole('region', { name: 'Calls per day' }).getByText('60 days').click();
  await expect(page.getByTestId('calls-summary')).toContainText('3 priced calls in the last 60 days');

  await page.screenshot({ path: 'test-results/dashboard-1440.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(row).toBeVisible();
  await page.screenshot({ path: 'test-results/dashboard-390.png', fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await waitingRow.getByRole('link', { name: waitingName }).click();
  await expect(page).toHaveURL(new RegExp(`/uploads/${waitingID}$`));
  await expect(page.getByRole('heading', { name: waitingName })).toBeVisible();

  await page.goBack();
  await row.getByRole('link', { name: customerName }).click();
  await expect(page).toHaveURL(new RegExp(`/customers/${createCustomer.id}/calls$`));

  expect(consoleErrors).toEqual([]);
});
