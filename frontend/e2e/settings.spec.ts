import { expect, test, type Page } from '@playwright/test';
import { deflateSync } from 'node:zlib';

// Console errors fail the test: a clerk should never meet a broken page.
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** A small opaque PNG (w × h, one colour), written by hand so the test needs no image library. */
function png(w: number, h: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, Buffer.from([20, 90, 160]))]);
  const pixels = deflateSync(Buffer.concat(Array.from({ length: h }, () => row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

test('a clerk fills in the company settings, corrects a refused field, saves and finds them after a reload', async ({ page }) => {
  const consoleErrors = collectConsoleErrors(page);
  const name = `Northern Voice ${Date.now().toString(36).toUpperCase()} Ltd`;

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();

  // The deployment's values are shown, and only shown.
  const deployment = page.getByRole('table', { name: 'Deployment settings' });
  await expect(deployment.getByRole('row', { name: /Currency/ })).toContainText('GBP (£)');
  await expect(deployment.getByRole('row', { name: /Time zone/ })).toContainText('Europe/London');
  await expect(page.getByLabel('Default tax rate')).toHaveValue('20');
  await expect(page.getByLabel('Payment terms')).toHaveValue('30');

  await page.getByLabel('Company name').fill(name);
  await page.getByLabel('Address', { exact: true }).fill('1 Park Row\nLeeds\nLS1 5AB');
  await page.getByLabel('VAT number').fill('GB123456789');
  await page.getByLabel('Default tax rate').fill('-5');
  await page.getByLabel('Payment terms').fill('14');
  await page.getByLabel('Sender address').fill('billing@northernvoice.example');
  await page.getByLabel('Invoice email subject').fill('Invoice {{number}} from {{company_name}}');
  await page.getByRole('button', { name: 'Save settings' }).click();

  // The server refuses two fields; each message stands under its field and nothing was saved.
  await expect(page.getByText('The tax rate cannot be negative; enter 0 for no tax')).toBeVisible();
  await expect(page.getByLabel('Default tax rate')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/uses \{\{number\}\}, which is not a placeholder/)).toBeVisible();
  await expect(page.getByLabel('Invoice email subject')).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Default tax rate').fill('17.5');
  await page.getByLabel('Invoice email subject').fill('Invoice {{invoice_number}} from {{company_name}}');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved')).toBeVisible();

  // The logo: the PNG uploaded is what the page shows.
  await page.getByLabel('Logo file').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(240, 80) });
  const logo = page.getByRole('img', { name: 'Company logo' });
  await expect(logo).toBeVisible();
  await expect.poll(() => logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);

  // The next number cannot go below 1.
  await page.getByLabel('Next invoice number').fill('0');
  await page.getByRole('button', { name: 'Set next number' }).click();
  await expect(page.getByText('invoice numbers start at 1; 0 cannot be the next one')).toBeVisible();
  await page.getByLabel('Next invoice number').fill('1001');
  await page.getByRole('button', { name: 'Set next number' }).click();
  await expect(page.getByRole('region', { name: 'Invoice numbering' }).getByText('The next invoice is number')).toContainText('1001');

  await page.reload();
  await expect(page.getByLabel('Company name')).toHaveValue(name);
  await expect(page.getByLabel('Address', { exact: true })).toHaveValue('1 Park Row\nLeeds\nLS1 5AB');
  await expect(page.getByLabel('VAT number')).toHaveValue('GB123456789');
  await expect(page.getByLabel('Default tax rate')).toHaveValue('17.5');
  await expect(page.getByLabel('Payment terms')).toHaveValue('14');
  await expect(page.getByLabel('Sender address')).toHaveValue('billing@northernvoice.example');
  await expect(page.getByLabel('Invoice email subject')).toHaveValue('Invoice {{invoice_number}} from {{company_name}}');
  await expect(page.getByRole('region', { name: 'Invoice numbering' }).getByText('The next invoice is number')).toContainText('1001');
  await expect(page.getByRole('img', { name: 'Company logo' })).toBeVisible();
  await page.screenshot({ path: 'test-results/settings-page.png', fullPage: true });

  // Removing the logo leaves the company without one.
  await page.getByRole('button', { name: 'Remove logo' }).click();
  await expect(page.getByText('No logo: invoices print the company name only.')).toBeVisible();

  expect(consoleErrors).toEqual([]);
});
