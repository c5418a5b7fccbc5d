import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// These specs run against the second server of playwright.config.ts, the
// one with sign-in (TOLLGATE_AUTH=session), whose first admin was made by
// `tollgate user create --admin admin@example.com` before it started.
const base = `http://127.0.0.1:${process.env.TOLLGATE_E2E_SIGNIN_PORT}`;
test.use({ baseURL: base });

const password = 'four unrelated words here';

function adminLink(): string {
  const printed = readFileSync(join(process.env.TOLLGATE_E2E_SIGNIN_DIR!, 'admin-link.txt'), 'utf8');
  const link = printed.match(/https?:\/\/\S+\/welcome\?link=\S+/);
  if (!link) throw new Error(`no link in what tollgate user create printed: ${printed}`);
  return link[0];
}

async function expectSentToSignIn(page: Page, path: string) {
  await page.goto(path);
  await expect(page).toHaveURL(new RegExp(`/sign-in\\?next=${encodeURIComponent(path).replace(/[?]/g, '\\?')}$`));
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
}

test.describe.configure({ mode: 'serial' });

test('nobody signed in is sent to sign in from every page', async ({ page }) => {
  for (const path of ['/customers', '/invoices', '/uploads', '/settings/tokens']) {
    await expectSentToSignIn(page, path);
  }
  await page.screenshot({ path: 'test-results/signin-page.png' });
});

test('the invited admin chooses a password, works, signs out and signs back in', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();

  await page.goto(adminLink());
  const form = page.getByRole('form', { name: 'Choose your password' });
  await expect(form.getByText('admin@example.com')).toBeVisible();
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
  await expect(form.getByText('5 of at least 10 characters')).toBeVisible();
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await form.getByLabel('The password again').fill(`${password}!`);
  await expect(form.getByText('The two passwords differ')).toBeVisible();
  await form.getByLabel('The password again').fill(password);
  await page.screenshot({ path: 'test-results/signin-welcome.png' });
  await form.getByRole('button', { name: 'Save the password and sign in' }).click();

  // Signed in: the header says who, and a change goes through (the page
  // sends its CSRF token with the mutation).
  const who = page.getByRole('button', { name: 'Signed in as admin@example.com' });
  await expect(who).toBeVisible();
  await page.goto('/schedules');
  await page.getByRole('button', { name: 'New schedule' }).first().click();
  const schedule = page.getByRole('form', { name: 'Billing schedule' });
  await schedule.getByLabel('Name').fill('Signed-in monthly');
  await schedule.getByRole('button', { name: 'Create schedule' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Schedule created' })).toBeVisible();
  await page.screenshot({ path: 'test-results/signin-signed-in.png' });

  // The link is spent.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(adminLink());
  await expect(second.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
  await expect(second.getByRole('alert')).toContainText('was used already');
  await other.close();

  // Sign out: this browser is nobody again, everywhere.
  await who.click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectSentToSignIn(page, '/schedules');

  // A wrong password is refused in words; the right one goes back to the page asked for.
  const signIn = page.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('Email').fill('admin@example.com');
  await signIn.getByRole('textbox', { name: 'Password', exact: true }).fill('not my password');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(signIn.getByRole('alert')).toContainText('the email address or the password is not right');
  await signIn.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/schedules$/);
  await expect(page.getByText('Signed-in monthly').first()).toBeVisible();
  await context.close();
});

test('an admin invites a clerk on the Users page; the clerk signs in in another browser, and is out once disabled', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await admin.goto('/sign-in');
  const signIn = admin.getByRole('form', { name: 'Sign in' });
  await signIn.getByLabel('Email').fill('admin@example.com');
  await signIn.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByRole('button', { name: 'Signed in as admin@example.com' })).toBeVisible();

  await admin.goto('/settings/users');
  await admin.getByRole('button', { name: 'Invite a user' }).click();
  const invite = admin.getByRole('form', { name: 'Invite a user' });
  await invite.getByLabel('Email').fill('Clerk@Example.com');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = (await admin.getByLabel('One-time link').textContent())!.trim();
  expect(link).toMatch(/\/welcome\?link=/);
  await admin.screenshot({ path: 'test-results/signin-users-link.png' });
  await admin.getByRole('button', { name: 'Done' }).click();
  const row = admin.getByRole('row').filter({ hasText: 'clerk@example.com' });
  await expect(row).toContainText('Never: invited');
  await expect(row.getByRole('combobox', { name: 'Role of clerk@example.com' })).toHaveValue('Billing');

  const clerkContext = await browser.newContext();
  const clerk = await clerkContext.newPage();
  await clerk.goto(link);
  const choose = clerk.getByRole('form', { name: 'Choose your password' });
  await expect(choose.getByText('clerk@example.com')).toBeVisible();
  await choose.getByRole('textbox', { name: 'Password', exact: true }).fill('the clerk chose this');
  await choose.getByLabel('The password again').fill('the clerk chose this');
  await choose.getByRole('button', { name: 'Save the password and sign in' }).click();
  await expect(clerk.getByRole('button', { name: 'Signed in as clerk@example.com' })).toBeVisible();
  await clerk.goto('/customers');
  await expect(clerk.getByRole('heading', { name: 'Customers' })).toBeVisible();
  // A billing user's Settings has no Users, API tokens or audit log.
  await clerk.goto('/settings');
  await expect(clerk.getByRole('tab', { name: 'Company' })).toBeVisible();
  await expect(clerk.getByRole('tab', { name: 'Users' })).toHaveCount(0);
  await expect(clerk.getByRole('tab', { name: 'API tokens' })).toHaveCount(0);

  // Disabled: the clerk's next page load is the sign-in page.
  await admin.reload();
  await admin.getByRole('button', { name: 'Actions for clerk@example.com' }).click();
  await admin.getByRole('menuitem', { name: 'Disable' }).click();
  await admin.getByRole('button', { name: 'Disable' }).click();
  await expect(row.getByText('Disabled')).toBeVisible();
  await admin.screenshot({ path: 'test-results/signin-users.png', fullPage: true });
  await clerk.goto('/customers');
  await expect(clerk).toHaveURL(/\/sign-in\?next=%2Fcustomers$/);
  await clerkContext.close();
  await adminContext.close();
});

test('a forgotten password: the email in the outbox holds a link that sets a new one', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Forgotten your password?' }).click();
  const forgot = page.getByRole('form', { name: 'Reset the password' });
  await forgot.getByLabel('Your email').fill('admin@example.com');
  await forgot.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(forgot.getByRole('status')).toContainText('If admin@example.com has an account, an email with a reset link');
  await page.screenshot({ path: 'test-results/signin-forgot.png' });

  // Embedded mode writes the email to the data directory's outbox.
  const outbox = join(process.env.TOLLGATE_E2E_SIGNIN_DIR!, 'outbox');
  let link = '';
  await expect
    .poll(() => {
      for (const f of readdirSync(outbox).filter((n) => n.endsWith('.eml'))) {
        const eml = readFileSync(join(outbox, f), 'utf8').replace(/=\r?\n/g, '').replace(/=3D/g, '=');
        if (!/To:.*admin@example\.com/.test(eml)) continue;
        link = eml.match(/https?:\/\/\S+\/welcome\?link=[A-Za-z0-9_-]+/)?.[0] ?? '';
      }
      return link;
    })
    .toMatch(/welcome\?link=/);

  await page.goto(link);
  const form = page.getByRole('form', { name: 'Choose a new password' });
  await form.getByRole('textbox', { name: 'Password', exact: true }).fill('a brand new passphrase');
  await form.getByLabel('The password again').fill('a brand new passphrase');
  await form.getByRole('button', { name: 'Save the password and sign in' }).click();
  await expect(page.getByRole('button', { name: 'Signed in as admin@example.com' })).toBeVisible();
});
