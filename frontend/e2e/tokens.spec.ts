import { expect, test } from '@playwright/test';
import { consoleErrorsOf } from './clerk';

// An admin makes an API token (its secret shown once), the token calls the
// API, the admin revokes it and the token is refused; the audit log shows
// both, filtered. The e2e server runs with the development admin.
test('API tokens: make, use, revoke; the audit log shows it', async ({ page, playwright, baseURL }) => {
  const errors = consoleErrorsOf(page);
  const name = `E2E token ${Math.random().toString(36).slice(2, 8)}`;

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('tab', { name: 'API tokens' }).click();
  await expect(page).toHaveURL(/\/settings\/tokens$/);

  await page.getByRole('button', { name: 'New token' }).first().click();
  const form = page.getByRole('dialog', { name: 'New API token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Role', { exact: true }).click();
  await page.getByRole('option', { name: 'Billing' }).click();
  await page.screenshot({ path: '/tmp/tokens-new.png' });
  await form.getByRole('button', { name: 'Make token' }).click();

  const shown = page.getByRole('dialog', { name: `Token “${name}” made` });
  await expect(shown.getByText('This is the only time it is shown')).toBeVisible();
  await expect(shown.getByRole('button', { name: 'Copy' })).toBeVisible();
  const secret = (await shown.getByLabel('The new token').innerText()).trim();
  expect(secret).toMatch(/^tg_[A-Za-z0-9_-]{43}$/);
  await page.screenshot({ path: '/tmp/tokens-secret.png' });
  await shown.getByRole('button', { name: 'I have copied it' }).click();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Billing');
  await expect(row).toContainText('Active');
  await expect(row).toContainText(secret.slice(0, 10));
  await expect(row).not.toContainText(secret.slice(10));

  // The token works, as a billing token.
  const integration = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${secret}` } });
  const who = await integration.post('/graphql', { data: { query: '{ viewer { kind role name } }' } });
  expect(who.status()).toBe(200);
  expect((await who.json()).data.viewer).toEqual({ kind: 'TOKEN', role: 'BILLING', name: `token ${name}` });

  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: name })).not.toContainText('Not yet');

  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Revoke the token “${name}”?` });
  await expect(confirm).toContainText('refused from its next request on');
  await confirm.getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  await page.screenshot({ path: '/tmp/tokens-list.png', fullPage: true });

  const refused = await integration.post('/graphql', { data: { query: '{ viewer { kind } }' } });
  expect(refused.status()).toBe(401);
  expect((await refused.json()).errors[0].message).toContain('was revoked on');
  await integration.dispose();

  // The audit log: the token made, and the revoked token refused.
  await page.getByRole('tab', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  const log = page.getByRole('table', { name: 'Audit log' });
  await page.getByLabel('Action').fill('createApiToken');
  await expect(page).toHaveURL(/action=createApiToken/);
  await expect(log.getByRole('row').nth(1)).toContainText('createApiToken');
  await expect(log.getByRole('row').nth(1)).toContainText('developer');
  await page.getByLabel('Action').fill('refused:token');
  await expect(log.getByRole('row').filter({ hasText: `token ${name}` }).first()).toContainText('UNAUTHENTICATED');
  await page.screenshot({ path: '/tmp/audit-filtered.png', fullPage: true });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/settings\/audit$/);
  await expect(log.getByRole('row').nth(1)).toBeVisible();
  await page.screenshot({ path: '/tmp/audit-all.png', fullPage: true });

  expect(errors).toEqual([]);
});

// Under the content security policy the SPA and GraphiQL run with no
// violation; a page of the SPA may not be framed, a download may be, by
// this server's own pages (the invoice page frames the invoice PDF).
test('the content security policy lets the SPA and GraphiQL run and frames only downloads', async ({ page }) => {
  const errors = consoleErrorsOf(page);
  await page.goto('/graphiql');
  await expect(page.locator('.graphiql-query-editor .monaco-editor').first()).toBeVisible({ timeout: 30_000 });
  expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);

  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  const framed = await page.evaluate(async () => {
    const load = (src: string) =>
      new Promise<string>((resolve) => {
        const f = document.createElement('iframe');
        f.src = src;
        f.onload = () => {
          try {
            resolve(f.contentDocument?.body?.innerText ?? '(blocked)');
          } catch {
            resolve('(blocked)');
          }
        };
        document.body.appendChild(f);
      });
    return { download: await load('/download/invoices/987654321/pdf'), page: await load('/customers') };
  });
  expect(framed.download).toContain('987654321');
  // Chromium puts its error page in the refused frame: another origin to the script.
  expect(framed.page).toBe('(blocked)');
  expect(errors.some((e) => /frame-ancestors/.test(e))).toBe(true);
  expect(errors.filter((e) => !/frame-ancestors|status of 404/.test(e))).toEqual([]);
});
