import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api as gql, asteriskCdr, consoleErrorsOf as collectConsoleErrors, prepareRating, uploadAndWait } from './clerk';

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = path.resolve(here, '../../testdata/rates/sample.csv');

/** The calendar day `back` days before today in London, "2026-06-01". */
/** "0.1177" → 1177n: money in ten-thousandths, added up exactly. */
function units(decimal: string): bigint {
  const [whole, frac = ''] = decimal.split('.');
  return BigInt(whole) * 10000n + BigInt(frac.padEnd(4, '0').slice(0, 4));
}

/** Ten-thousandths as the dashboard shows money: pounds at 2 places, half up. */
function pounds(u: bigint): string {
  const p = (u + 50n) / 100n;
  return `£${p / 100n}.${String(p % 100n).padStart(2, '0')}`;
}

/** What the dashboard already counts before this spec adds its calls: other specs share the server. */
async function countedBefore(request: Parameters<typeof gql>[0]) {
  type Dest = { destination: string; calls: number; value: string };
  const { dashboard } = await gql<{
    dashboard: { d30: { calls: number; value: string }[]; d60: { calls: number }[]; topDestinations: { byValue: Dest[] } };
  }>(
    request,
    `{ dashboard { d30: callsPerDay(days: 30) { calls value } d60: callsPerDay(days: 60) { calls } topDestinations(days: 30, first: 25) { byValue { destination calls value } } } }`,
  );
  const destination = (digits: string) => {
    const d = dashboard.topDestinations.byValue.find((x) => x.destination.replace(/\D/g, '') === digits);
    return { calls: d?.calls ?? 0, value: units(d?.value ?? '0') };
  };
  return {
    calls30: dashboard.d30.reduce((n, d) => n + d.calls, 0),
    value30: dashboard.d30.reduce((v, d) => v + units(d.value), 0n),
    calls60: dashboard.d60.reduce((n, d) => n + d.calls, 0),
    mobile: destination('447'),
    manchester: destination('44161'),
  };
}

function daysAgo(back: number): string {
  const d = new Date(Date.now() - back * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

test('the dashboard shows unbilled calls, calls per day, destinations and the uploads waiting, each linking on', async ({ page, request }) => {
  const consoleErrors = collectConsoleErrors(page);
  await prepareRating(request, readFileSync(SAMPLE_SHEET));
  const before = await countedBefore(request);
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
  const calls = (n: number) => `${n} priced call${n === 1 ? '' : 's'}`;
  await expect(page.getByTestId('calls-summary')).toContainText(
    `${calls(before.calls30 + 3)} in the last 30 days, worth ${pounds(before.value30 + 1177n)}`,
  );
  await expect(page.getByRole('region', { name: 'Calls per day' }).locator('.recharts-bar-rectangle path').first()).toBeVisible();

  // Top destinations, named from the rate sheet.
  const destinations = page.getByRole('table', { name: 'Top destinations' });
  await expect(destinations.getByRole('row', { name: /UK Mobile \(447\)/ })).toContainText(pounds(before.mobile.value + 720n));
  await expect(destinations.getByRole('row', { name: /Manchester \(44161\)/ })).toContainText(pounds(before.manchester.value + 244n));
  await page.getByRole('region', { name: 'Top destinations' }).getByText('By calls').click();
  await expect(destinations.getByRole('row', { name: /Manchester \(44161\)/ })).toContainText(`${before.manchester.calls + 1} call`);

  // The waiting upload with its value, linking to its page.
  const waiting = page.getByRole('table', { name: 'Uploads waiting to be processed' });
  const waitingRow = waiting.getByRole('row', { name: new RegExp(waitingName) });
  await expect(waitingRow).toContainText('£0.05');
  await expect(page.getByTestId('figure-waiting')).toContainText('upload');

  // 60 days asks again and still counts the same calls.
  await page.getByRole('region', { name: 'Calls per day' }).getByText('60 days').click();
  await expect(page.getByTestId('calls-summary')).toContainText(`${calls(before.calls60 + 3)} in the last 60 days`);

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
