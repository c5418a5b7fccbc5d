import { expect, test, type Page } from '@playwright/test';

// Console errors fail the test: a clerk should never meet a broken page.
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

test('a clerk creates a customer, gives it two CLIs and finds them after a reload', async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  // The server starts on an empty data directory; a unique reference still keeps reruns apart.
  const suffix = Date.now().toString(36).toUpperCase();
  const reference = `E2E-${suffix}`;
  const name = `Leeds Plumbing ${suffix}`;

  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Customers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Customers' })).toBeVisible();

  // Create the customer.
  await page.getByRole('link', { name: 'New customer' }).first().click();
  await page.getByRole('textbox', { name: 'Reference' }).fill(reference);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByLabel('Delivery email').fill('accounts@leeds-plumbing.test');
  await page.getByLabel('Payment terms').fill('30 days');
  await page.getByRole('button', { name: 'Create customer' }).click();

  // Creating lands on the CLIs tab of the new customer.
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('tab', { name: /CLIs/ })).toHaveAttribute('aria-selected', 'true');

  // Add two CLIs, one national and one international.
  const addCli = page.getByRole('form', { name: 'Add a CLI' });
  const clis = page.getByRole('table', { name: 'CLIs' });
  for (const [typed, shown] of [
    ['01134960000', '0113 496 0000'],
    ['+441134960001', '0113 496 0001'],
  ]) {
    await addCli.getByLabel('Number or account code').fill(typed);
    await addCli.getByRole('button', { name: 'Add CLI' }).click();
    // The server normalises the number to match calls by; the table shows it
    // as a UK clerk writes it, however it was typed (issue 10, item 10).
    await expect(clis.getByRole('cell', { name: shown, exact: true })).toBeVisible();
  }

  // After a reload everything comes back from the server.
  await page.reload();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('table', { name: 'CLIs' }).getByRole('row')).toHaveCount(3); // header + 2
  await expect(page.getByRole('cell', { name: '0113 496 0000', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '0113 496 0001', exact: true })).toBeVisible();

  // And the customer is found by searching its reference in the list.
  await page.getByRole('link', { name: 'Customers', exact: true }).first().click();
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(reference.toLowerCase());
  await expect(page).toHaveURL(new RegExp(`q=${reference.toLowerCase()}`));
  const row = page.getByRole('table', { name: 'Customers' }).getByRole('row', { name: new RegExp(reference) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('link', { name })).toBeVisible();

  expect(consoleErrors).toEqual([]);
});

test('a CLI the server refuses shows the reason next to the field', async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  const suffix = Date.now().toString(36).toUpperCase();
  const name = `Overlap Test ${suffix}`;
  await page.goto('/customers/new');
  await page.getByRole('textbox', { name: 'Reference' }).fill(`DUP-${suffix}`);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByLabel('Delivery email').fill('accounts@overlap.test');
  await page.getByRole('button', { name: 'Create customer' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  const addCli = page.getByRole('form', { name: 'Add a CLI' });
  const value = addCli.getByLabel('Number or account code');
  await value.fill('01134960099');
  await addCli.getByRole('button', { name: 'Add CLI' }).click();
  await expect(page.getByRole('cell', { name: '0113 496 0099', exact: true })).toBeVisible();

  // The same number again over the same dates: the server refuses it and the
  // clerk reads why under the number, which keeps what was typed.
  await value.fill('01134960099');
  await addCli.getByRole('button', { name: 'Add CLI' }).click();
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(value).toHaveValue('01134960099');
  await expect(page.getByRole('table', { name: 'CLIs' }).getByRole('row')).toHaveCount(2);

  // Deleting asks first; "Keep it" keeps it, confirming removes it.
  await page.getByRole('button', { name: 'Delete CLI 0113 496 0099' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete CLI 0113 496 0099?' });
  await dialog.getByRole('button', { name: 'Keep it' }).click();
  await expect(page.getByRole('cell', { name: '0113 496 0099', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete CLI 0113 496 0099' }).click();
  await dialog.getByRole('button', { name: 'Delete CLI' }).click();
  await expect(page.getByText('No CLIs yet')).toBeVisible();

  // The browser logs the refused request itself; anything else is a bug.
  expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
});
