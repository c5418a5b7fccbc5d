import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Console errors fail the test: a clerk should never meet a broken page.
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

async function gql<T = Record<string, unknown>>(
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

/** The default tariff's name (other specs share the server), and a tariff of this run's own. */
async function prepareTariffs(request: APIRequestContext, suffix: string) {
  type Tariffs = { tariffs: { edges: { node: { id: string; name: string } }[] } };
  let { tariffs } = await gql<Tariffs>(request, `{ tariffs(first: 1, where: { isDefault: true }) { edges { node { id name } } } }`);
  if (!tariffs.edges.length) {
    ({ tariffs } = await gql<Tariffs>(request, `{ tariffs(first: 1, where: { name: "Standard" }) { edges { node { id name } } } }`));
    await gql(request, `mutation($id: ID!) { updateTariff(id: $id, input: { isDefault: true }) { id } }`, { id: tariffs.edges[0].node.id });
  }
  const business = await gql<{ createTariff: { id: string; name: string } }>(
    request,
    `mutation($name: String!) { createTariff(input: { name: $name }) { id name } }`,
    { name: `Business ${suffix}` },
  );
  return { defaultName: tariffs.edges[0].node.name, business: business.createTariff };
}

test('a clerk prices a product per tariff, sets up a schedule, puts a customer on it and charges it', async ({ page, request }, testInfo) => {
  const consoleErrors = collectConsoleErrors(page);
  const suffix = Date.now().toString(36).toUpperCase();
  const { defaultName, business } = await prepareTariffs(request, suffix);
  const rental = `Line rental ${suffix}`;
  const scheduleName = `Monthly on the 1st ${suffix}`;

  // A customer on the Business tariff, and a one-off product made over the API.
  const { createCustomer: customer } = await gql<{ createCustomer: { id: string } }>(
    request,
    `mutation($ref: String!, $tariff: ID!) { createCustomer(input: { reference: $ref, name: "Moorside Dental", tariffID: $tariff }) { id } }`,
    { ref: `MOOR-${suffix}`, tariff: business.id },
  );
  const { tariffs: def } = await gql<{ tariffs: { edges: { node: { id: string } }[] } }>(
    request,
    `{ tariffs(first: 1, where: { isDefault: true }) { edges { node { id } } } }`,
  );
  await gql(
    request,
    `mutation($ref: String!, $name: String!, $t: ID!) { createProduct(input: { name: $name, reference: $ref, recurrence: ONE_OFF, prices: [{ tariffID: $t, price: "45" }] }) { id } }`,
    { ref: `SET-${suffix}`, name: `Set-up fee ${suffix}`, t: def.edges[0].node.id },
  );

  // Products: a monthly line rental, dearer on the default tariff than on Business.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Products', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Products', level: 2 })).toBeVisible();
  await page.getByRole('button', { name: 'New product' }).click();
  const productForm = page.getByRole('form', { name: 'Product' });
  await productForm.getByLabel('Name').fill(rental);
  await productForm.getByLabel('Reference').fill(`LR-${suffix}`);
  await productForm.getByLabel('Category').fill('Lines');
  await productForm.getByRole('radio', { name: 'Monthly' }).check();
  // Without the default tariff's price the product is refused on that field.
  await productForm.getByRole('button', { name: 'Create product' }).click();
  await expect(productForm.getByText(`Set the price on ${defaultName}`)).toBeVisible();
  await productForm.getByLabel(`Price on ${defaultName}`).fill('12.50');
  // A tariff left empty shows what its customers will pay: the default price.
  await expect(productForm.getByRole('row', { name: new RegExp(business.name) })).toContainText('Pays £12.50 (default tariff)');
  await productForm.getByLabel(`Price on ${business.name}`).fill('9.99');
  await productForm.getByRole('button', { name: 'Create product' }).click();
  await expect(productForm).toBeHidden();
  await page.getByLabel('Search products').fill(suffix);
  // The search reaches the address after its debounce; leaving before then
  // would be pulled back to the list.
  await expect(page).toHaveURL(new RegExp(`q=${suffix}`));
  const row = page.getByRole('row', { name: new RegExp(rental) });
  await expect(row).toContainText('Monthly');
  await expect(row).toContainText('£12.50');
  await expect(row).toContainText(`${business.name} £9.99`);
  await page.screenshot({ path: testInfo.outputPath('products.png'), fullPage: true });

  // Schedules: an anchor out of range is refused, then a monthly schedule on the 1st.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Schedules', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Billing schedules', level: 2 })).toBeVisible();
  // Another spec's schedules may be listed; on an empty list the empty state offers the button too.
  await page.getByRole('button', { name: 'New schedule' }).first().click();
  const scheduleForm = page.getByRole('form', { name: 'Billing schedule' });
  await scheduleForm.getByLabel('Name').fill(scheduleName);
  await scheduleForm.getByLabel('Each month starts on day').fill('29');
  await scheduleForm.getByRole('button', { name: 'Create schedule' }).click();
  await expect(scheduleForm.getByText('Periods start on a day from 1 to 28')).toBeVisible();
  await scheduleForm.getByLabel('Each month starts on day').fill('1');
  await scheduleForm.getByRole('button', { name: 'Create schedule' }).click();
  await expect(scheduleForm).toBeHidden();
  const scheduleRow = page.getByRole('row', { name: new RegExp(scheduleName) });
  await expect(scheduleRow).toContainText('Every month from the 1st');
  await expect(scheduleRow).toContainText(/run due \d+ \w+ \d{4}, 00:00/);
  await expect(scheduleRow.getByRole('cell').nth(4)).toHaveText('0');

  // The same name again, in other letters, is refused by the server on the name.
  await page.getByRole('button', { name: 'New schedule' }).first().click();
  await scheduleForm.getByLabel('Name').fill(scheduleName.toUpperCase());
  await scheduleForm.getByRole('button', { name: 'Create schedule' }).click();
  await expect(scheduleForm.getByText(`there is already a schedule called ${scheduleName}`)).toBeVisible();
  await scheduleForm.getByRole('button', { name: 'Cancel' }).click();
  await page.screenshot({ path: testInfo.outputPath('schedules.png'), fullPage: true });

  // The customer goes on the schedule from its Edit page.
  await page.goto(`/customers/${customer.id}/edit`);
  await page.getByRole('combobox', { name: 'Billing schedule' }).click();
  await page.getByRole('option', { name: scheduleName }).click();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('link', { name: scheduleName })).toBeVisible();

  // Charges: line rental × 3 at the Business price, recurring from today.
  await page.getByRole('tab', { name: 'Charges' }).click();
  await expect(page.getByText('No one-off charges are waiting to be billed.')).toBeVisible();
  await page.getByRole('button', { name: 'Add charge' }).first().click();
  const chargeForm = page.getByRole('form', { name: 'Charge' });
  await chargeForm.getByRole('combobox', { name: 'Product' }).fill(`LR-${suffix}`);
  await page.getByRole('option', { name: new RegExp(rental) }).click();
  await chargeForm.getByLabel('Quantity').fill('3');
  await expect(chargeForm.getByText('Empty: £9.99, the price on its tariff')).toBeVisible();
  await expect(chargeForm.getByText('Each whole month: 3 × £9.99 = £29.97, billed in advance')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('charge-form.png'), fullPage: true });
  await chargeForm.getByRole('button', { name: 'Add charge' }).click();
  await expect(chargeForm).toBeHidden();
  const charges = page.getByRole('table', { name: 'Charges' });
  await expect(page.getByRole('radio', { name: 'Recurring' })).toBeChecked();
  await expect(charges.getByRole('row', { name: new RegExp(rental) })).toContainText('3 × £9.99');
  await expect(charges.getByRole('row', { name: new RegExp(rental) })).toContainText('£29.97 a month');
  await expect(charges.getByRole('row', { name: new RegExp(rental) })).toContainText('not billed yet');
  await page.screenshot({ path: testInfo.outputPath('charges-recurring.png'), fullPage: true });

  // A one-off set-up fee waits under Pending; the rental is not there.
  await page.getByRole('button', { name: 'Add charge' }).click();
  await chargeForm.getByRole('combobox', { name: 'Product' }).fill(`SET-${suffix}`);
  await page.getByRole('option', { name: new RegExp(`Set-up fee ${suffix}`) }).click();
  await expect(chargeForm.getByText(/Billed once, by the first run whose period ends after .*: 1 × £45.00 = £45.00/)).toBeVisible();
  await chargeForm.getByRole('button', { name: 'Add charge' }).click();
  await expect(chargeForm).toBeHidden();
  await expect(page.getByRole('radio', { name: 'Pending' })).toBeChecked();
  await expect(charges.getByRole('row', { name: new RegExp(`Set-up fee ${suffix}`) })).toContainText('£45.00');
  await expect(charges.getByRole('row', { name: new RegExp(rental) })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('charges-pending.png'), fullPage: true });

  // The schedule now counts its customer.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Schedules', exact: true }).click();
  await expect(page.getByRole('row', { name: new RegExp(scheduleName) }).getByRole('cell').nth(4)).toHaveText('1');

  expect(consoleErrors).toEqual([]);
});
