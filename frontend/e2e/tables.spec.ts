import { expect, test, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, asteriskCdr, consoleErrorsOf, newAsteriskProvider, prepareRating, uploadAndWait } from './clerk';

// Issue 10, items 10-12: numbers as the clerk writes them, the calls export
// of any filter, and tables that fit, sort and change many rows at once.

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = path.resolve(here, '../../testdata/rates/sample.csv');

/** Four random digits, so this spec's numbers belong to nobody else on the shared server. */
function digits4(): string {
  return String(1000 + Math.floor(Math.random() * 9000));
}

/** Whether a cell's content is cut off (an ellipsis, or scrolled out of sight). */
async function overflows(l: Locator): Promise<boolean> {
  return l.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
}

test('a new customer takes its CLIs; the list sorts and puts many customers on a tariff at once', async ({ page, request }) => {
  const consoleErrors = consoleErrorsOf(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const suffix = Date.now().toString(36).toUpperCase();
  const number = digits4();
  const range = digits4().slice(0, 3);
  const tariffName = `Trade ${suffix}`;
  await api(request, `mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }`, {
    input: { name: tariffName },
  });

  // The new-customer form takes the CLIs, checked before saving.
  await page.goto('/customers/new');
  await page.getByRole('textbox', { name: 'Reference' }).fill(`TBL-A-${suffix}`);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(`Alder Joinery ${suffix}`);
  await page.getByLabel('Delivery email').fill('accounts@alder.test');
  const clis = page.getByRole('textbox', { name: 'Numbers its calls come from' });
  await clis.fill(`0113 497 ${number}\nTRUNK*`);
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(clis).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('TRUNK*: Only a number can be a range')).toBeVisible();
  await clis.fill(`0113 497 ${number}\n0113 498 ${range}*`);
  await expect(page.getByText('2 CLIs created with the customer')).toBeVisible();
  await page.screenshot({ path: 'test-results/issue10-new-customer-clis.png', fullPage: true });
  await page.getByRole('button', { name: 'Create customer' }).click();

  // Issue 10, item 10: shown as a UK clerk writes them, the range with its *.
  await expect(page.getByRole('heading', { name: `Alder Joinery ${suffix}` })).toBeVisible();
  const table = page.getByRole('table', { name: 'CLIs' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('cell', { name: `0113 497 ${number}`, exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: `0113 498 ${range}* range` })).toBeVisible();
  await page.screenshot({ path: 'test-results/issue10-cli-tab.png' });

  // A second customer, and a third the search leaves out.
  for (const [ref, name] of [
    [`TBL-B-${suffix}`, `Birch Dental ${suffix}`],
    [`TBL-C-${suffix}`, `Cedar Vets ${suffix}`],
  ]) {
    await api(request, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }`, {
      input: { reference: ref, name, invoiceDelivery: 'NONE' },
    });
  }

  // Sorting: by reference, then the other way round, kept in the address.
  await page.goto(`/customers?q=${suffix.toLowerCase()}`);
  const list = page.getByRole('table', { name: 'Customers' });
  await expect(list.getByRole('row')).toHaveCount(4);
  await list.getByRole('button', { name: 'Reference' }).click();
  await expect(page).toHaveURL(/sort=REFERENCE/);
  await expect(list.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(list.getByRole('row').nth(1)).toContainText(`TBL-A-${suffix}`);
  await list.getByRole('button', { name: 'Reference' }).click();
  await expect(list.getByRole('columnheader', { name: 'Reference' })).toHaveAttribute('aria-sort', 'descending');
  await expect(list.getByRole('row').nth(1)).toContainText(`TBL-C-${suffix}`);
  await page.reload();
  await expect(list.getByRole('row').nth(1)).toContainText(`TBL-C-${suffix}`);

  // Bulk: choose two and put them on the Trade tariff in one change.
  await list.getByRole('checkbox', { name: `Choose Alder Joinery ${suffix}` }).check();
  await list.getByRole('checkbox', { name: `Choose Birch Dental ${suffix}` }).check();
  const bar = page.getByRole('region', { name: 'Change the chosen customers' });
  await expect(bar).toContainText('2 customers chosen');
  await bar.getByRole('combobox', { name: 'Put them on' }).click();
  await page.getByRole('option', { name: tariffName }).click();
  await page.screenshot({ path: 'test-results/issue10-bulk-tariff.png' });
  await bar.getByRole('button', { name: 'Set tariff of 2 customers' }).click();
  await expect(page.getByText(`2 customers are now on ${tariffName}`)).toBeVisible();
  await expect(bar).toBeHidden();
  await expect(list.getByRole('row', { name: new RegExp(`TBL-A-${suffix}`) })).toContainText(tariffName);
  await expect(list.getByRole('row', { name: new RegExp(`TBL-B-${suffix}`) })).toContainText(tariffName);
  await expect(list.getByRole('row', { name: new RegExp(`TBL-C-${suffix}`) })).not.toContainText(tariffName);

  expect(consoleErrors).toEqual([]);
});

test('the calls list fits at 1440 px, shows the rate applied, sorts, and exports whatever it is filtered by', async ({
  page,
  request,
}) => {
  const consoleErrors = consoleErrorsOf(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await prepareRating(request, readFileSync(SAMPLE_SHEET));
  const suffix = Date.now().toString(36).toUpperCase();
  const cli = `0113497${digits4()}`;
  const shown = `0113 497 ${cli.slice(7)}`;
  await api(
    request,
    `mutation($input: CreateCustomerInput!, $clis: [CreateCliWithCustomerInput!]) { createCustomer(input: $input, clis: $clis) { id } }`,
    {
      input: { reference: `CALLS-${suffix}`, name: `Calls Fit Ltd ${suffix}`, invoiceDelivery: 'NONE' },
      clis: [{ value: cli }],
    },
  );
  const provider = await newAsteriskProvider(request, `Fit PBX ${suffix}`);
  const file = asteriskCdr(cli, `fit${suffix}`, [
    ['2026-06-01', '10:00', '07700900123', 61],
    ['2026-06-02', '11:00', '02079460123', 300],
    ['2026-06-03', '12:00', '12125550100', 45],
  ]);
  await uploadAndWait(request, provider, `fit-${suffix}.csv`, file, false);

  // Searching by the number as shown finds its calls.
  await page.goto('/calls');
  await page.getByRole('textbox', { name: 'CLI' }).fill(shown);
  const calls = page.getByRole('table', { name: 'Calls' });
  await expect(calls.getByRole('row')).toHaveCount(4);

  // Issue 10, item 10: numbers as people write them.
  const mobile = calls.getByRole('row', { name: /07700 900123/ });
  await expect(mobile).toContainText(shown);
  await expect(calls.getByRole('row', { name: /020 7946 0123/ })).toBeVisible();
  await expect(calls.getByRole('row', { name: /\+1 212-555-0100/ })).toBeVisible();

  // Issue 10, item 12: the rate per minute applied, and the row it came from on its own.
  // The sample sheet's UK Mobile row (+447) charges 7.2p a minute at Peak.
  await expect(mobile.getByTestId('call-rate')).toHaveText('7.2p/min Peak');
  await mobile.getByTestId('call-rate').getByText('7.2p/min').hover();
  await expect(page.getByRole('tooltip')).toHaveText('UK Mobile (07*)');
  await page.mouse.move(0, 0);
  // Everything fits at 1440 px: no sideways scrolling, no badge cut to "PRI…", the upload column in view.
  const scroller = page.locator('.mantine-ScrollArea-viewport').filter({ has: calls });
  expect(await overflows(scroller), 'the calls table scrolls sideways at 1440 px').toBe(false);
  for (const badge of await calls.locator('.mantine-Badge-label').all()) {
    expect(await overflows(badge), `badge "${await badge.textContent()}" is cut`).toBe(false);
  }
  await expect(calls.getByRole('link', { name: `fit-${suffix}.csv` }).first()).toBeInViewport();
  await page.screenshot({ path: 'test-results/issue10-calls-1440.png' });

  // Sorting by duration, longest first.
  await calls.getByRole('button', { name: 'Secs' }).click();
  await expect(calls.getByRole('columnheader', { name: 'Secs' })).toHaveAttribute('aria-sort', 'descending');
  await expect(calls.getByRole('row').nth(1)).toContainText('020 7946 0123');
  await expect(page.getByText('3 calls, longest first')).toBeVisible();

  // Issue 10, item 11: Export CSV with no upload chosen exports what the filters select.
  const exportLink = page.getByRole('link', { name: 'Export CSV' });
  await expect(exportLink).toHaveAttribute('href', new RegExp(`source=44${cli.slice(1)}`));
  const exported = await request.get((await exportLink.getAttribute('href'))!);
  expect(exported.ok()).toBe(true);
  expect(exported.headers()['content-disposition']).toContain('attachment');
  const lines = (await exported.text()).trim().split('\n');
  expect(lines).toHaveLength(4); // header + the 3 calls
  expect(lines.slice(1).every((l) => l.includes(`44${cli.slice(1)}`))).toBe(true);

  // A date range narrows the export as it narrows the list.
  await page.goto(`/calls?cli=${encodeURIComponent(shown)}&from=2026-06-02&to=2026-06-02`);
  await expect(calls.getByRole('row')).toHaveCount(2);
  const day = await request.get((await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!);
  expect((await day.text()).trim().split('\n')).toHaveLength(2);

  expect(consoleErrors).toEqual([]);
});
