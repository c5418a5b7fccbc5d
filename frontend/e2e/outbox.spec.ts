import { expect, test } from '@playwright/test';
import { billCustomers, consoleErrorsOf, ensureEmailSender, newEmailCustomerWithCharge } from './clerk';

// A billing run emails the invoice; the clerk finds the email in the
// Outbox, reads it as sent with its attachments, then resends the invoice
// from its page and sees the second email, in the Outbox too.
test('a clerk reads an invoice email in the Outbox and resends the invoice', async ({ page, request }) => {
  const consoleErrors = consoleErrorsOf(page);
  const suffix = Date.now().toString(36).toUpperCase();
  const email = `accounts-${suffix.toLowerCase()}@fellside.example`;
  const sender = await ensureEmailSender(request);
  const customerID = await newEmailCustomerWithCharge(
    request,
    { reference: `FELL-${suffix}`, name: `Fellside Farm ${suffix}`, email },
    { description: 'Router installation', amount: '85.00', date: '2026-11-10' },
  );
  const [invoiceID] = await billCustomers(request, [customerID], '2026-11-01..2026-11-30');
  const { node: invoice } = await (
    await request.post('/graphql', {
      data: { query: `query($id: ID!) { node(id: $id) { ... on Invoice { number } } }`, variables: { id: invoiceID } },
    })
  ).json().then((b) => b.data as { node: { number: number } });
  const number = invoice.number;

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outbox' }).click();
  await expect(page.getByRole('heading', { name: 'Outbox', level: 2 })).toBeVisible();
  await expect(page.getByText('Embedded mode: nothing leaves this machine.')).toBeVisible();

  // The run's email, sent once the worker has stored the documents.
  const open = page.getByRole('button', { name: `Open the email of invoice ${number} to ${email}` });
  await expect(open).toHaveCount(1);
  const row = page.getByRole('row').filter({ has: open });
  await expect(row.getByText('Sent', { exact: true })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: '/tmp/outbox-page.png', fullPage: true });

  await open.click();
  const drawer = page.getByRole('dialog', { name: 'Email as sent' });
  const headers = drawer.getByLabel('Email headers');
  await expect(headers).toContainText(sender);
  await expect(headers).toContainText(email);
  await expect(headers).toContainText(String(number));
  await expect(drawer.getByLabel('Email text')).toContainText(`Fellside Farm ${suffix}`);
  const attachments = drawer.getByRole('table', { name: 'Attachments' });
  await expect(attachments.getByRole('link', { name: `Invoice ${number}.pdf` })).toBeVisible();
  // No calls were billed, so no call statement rides along: the PDF is all.
  await expect(attachments.getByRole('link')).toHaveCount(1);
  // The attachment link serves the PDF the customer got.
  const pdf = await request.get((await attachments.getByRole('link', { name: `Invoice ${number}.pdf` }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.screenshot({ path: '/tmp/outbox-message.png', fullPage: true });

  // From the email to its invoice, and resend it there.
  await drawer.getByRole('link', { name: String(number), exact: true }).click();
  await expect(page.getByRole('heading', { name: `Invoice ${number}`, level: 2 })).toBeVisible();
  const emails = page.getByRole('table', { name: 'Emails of the invoice' });
  await expect(emails.getByRole('row')).toHaveCount(2); // the header and the run's email
  await page.getByRole('button', { name: 'Resend', exact: true }).click();
  await expect(page.getByText(`Invoice ${number} resent`)).toBeVisible();
  await expect(emails.getByRole('row')).toHaveCount(3);
  await expect(emails.getByText('Sent', { exact: true })).toHaveCount(2, { timeout: 20_000 });

  // Send to another address: a bad one is refused in the dialog.
  await page.getByRole('button', { name: 'Send to another address…' }).click();
  const dialog = page.getByRole('dialog', { name: `Send invoice ${number} to another address` });
  await dialog.getByLabel('Email address').fill('Accounts <bad>');
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog.getByText('Write one email address such as accounts@example.com')).toBeVisible();
  await dialog.getByLabel('Email address').fill(`director-${suffix.toLowerCase()}@fellside.example`);
  await dialog.getByRole('button', { name: 'Send' }).click();
  await expect(dialog).toBeHidden();
  await expect(emails.getByRole('row')).toHaveCount(4);
  await expect(emails.getByText('Sent', { exact: true })).toHaveCount(3, { timeout: 20_000 });
  await page.screenshot({ path: '/tmp/outbox-invoice.png', fullPage: true });

  // The Outbox's Sent filter lists both emails to the customer's address.
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Outbox' }).click();
  await page.getByText(/^Sent \(\d+\)$/).click();
  await expect(page).toHaveURL(/status=SENT/);
  await expect(page.getByRole('button', { name: `Open the email of invoice ${number} to ${email}` })).toHaveCount(2);
  expect(consoleErrors).toEqual([]);
});
