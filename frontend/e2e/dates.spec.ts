import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, apiWithFile, consoleErrorsOf, newAsteriskProvider, uploadCdr } from './clerk';

// Issue 10, items 8 and 15: every time is the deployment's (UK time in these
// specs' server), whatever the browser's zone, labelled where it could be
// misread; a page that finds nothing says what it was looking for.

const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = readFileSync(path.resolve(here, '../../testdata/rates/sample.csv'));
const ASTERISK_SAMPLE = readFileSync(path.resolve(here, '../../testdata/cdr/asterisk-sample.csv'));

/** "2026-12-02T10:15:00Z" → "2 Dec 2026, 10:15" in zone: how the page should show an instant. */
function shown(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

async function versionsOf(page: Page, tariffId: string) {
  await page.goto(`/tariffs/${encodeURIComponent(tariffId)}`);
  const versions = page.getByRole('table', { name: 'Any provider · Outbound versions' });
  await expect(versions).toBeVisible();
  return versions;
}

for (const browserZone of ['UTC', 'America/New_York']) {
  test.describe(`a browser in ${browserZone}`, () => {
    test.use({ timezoneId: browserZone });

    test('sees rate sheet versions and uploads in UK time, labelled', async ({ page, request }) => {
      const consoleErrors = consoleErrorsOf(page);
      const suffix = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
      const { createTariff } = await api<{ createTariff: { id: string } }>(
        request,
        `mutation($input: CreateTariffInput!) { createTariff(input: $input) { id } }`,
        { input: { name: `Summer ${suffix}` } },
      );
      // 1 June 00:00 in London (BST) is 31 May 23:00 UTC, and 19:00 on 31 May in New York.
      const body = await apiWithFile(
        request,
        `mutation($input: UploadRateSheetInput!) { uploadRateSheet(input: $input) { id effectiveFrom } }`,
        { input: { tariffID: createTariff.id, effectiveFrom: '2026-05-31T23:00:00Z', file: null } },
        'variables.input.file',
        { name: 'summer.csv', buffer: SAMPLE_SHEET },
      );
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();

      const versions = await versionsOf(page, createTariff.id);
      await expect(versions.getByRole('columnheader', { name: 'Effective (UK time)' })).toBeVisible();
      const v1 = versions.getByRole('row', { name: /v1/ });
      await expect(v1).toContainText('1 Jun 2026, 00:00 →');
      await expect(v1).not.toContainText('31 May');
      await page.screenshot({ path: `/tmp/clerk-dates-versions-${browserZone.replace('/', '-')}.png` });

      // An upload's time, in the list and on its page, is UK time too.
      const provider = await newAsteriskProvider(request, `Asterisk ${suffix}`);
      const name = `dates-${suffix}.csv`;
      const id = await uploadCdr(request, provider, name, Buffer.concat([ASTERISK_SAMPLE, Buffer.from(`a note ${suffix}\n`)]));
      const { node } = await api<{ node: { createdAt: string } }>(
        request,
        `query($id: ID!) { node(id: $id) { ... on CdrUpload { createdAt } } }`,
        { id },
      );
      await page.goto('/uploads');
      await expect(page.getByRole('columnheader', { name: 'Uploaded (UK time)' })).toBeVisible();
      const row = page.getByRole('row').filter({ has: page.getByRole('link', { name }) });
      await expect(row).toContainText(shown(node.createdAt, 'Europe/London'));
      if (browserZone !== 'UTC') await expect(row).not.toContainText(shown(node.createdAt, browserZone));
      await page.screenshot({ path: `/tmp/clerk-dates-uploads-${browserZone.replace('/', '-')}.png` });
      await page.getByRole('link', { name }).click();
      await expect(page.getByText(`uploaded ${shown(node.createdAt, 'Europe/London')} GMT`)).toBeVisible();
      expect(consoleErrors).toEqual([]);
    });
  });
}

test('an address that names nothing says what was not found, with the way back', async ({ page }) => {
  await page.goto('/customers/999');
  await expect(page.getByRole('alert').filter({ hasText: 'No customer with id 999' })).toBeVisible();
  await expect(page.getByText('It may have been deleted')).toBeVisible();
  await page.screenshot({ path: '/tmp/clerk-dates-missing-customer.png' });
  await page.getByRole('link', { name: 'Back to the customer list' }).click();
  await expect(page).toHaveURL(/\/customers$/);

  await page.goto('/no-such-page');
  await expect(page.getByText('No page at /no-such-page', { exact: true })).toBeVisible();
  await page.screenshot({ path: '/tmp/clerk-dates-no-page.png' });
});
