import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api, consoleErrorsOf, newAsteriskProvider, uploadCdr } from './clerk';

const here = path.dirname(fileURLToPath(import.meta.url));
const FCS_SAMPLE = readFileSync(path.resolve(here, '../../testdata/cdr/fcs-sample.csv'));
const ASTERISK_SAMPLE = readFileSync(path.resolve(here, '../../testdata/cdr/asterisk-sample.csv'));

test('a failed upload is deleted with what it found, and the same file can be sent again', async ({ page, request }) => {
  const consoleErrors = consoleErrorsOf(page);
  const suffix = Date.now().toString(36).toUpperCase();
  const provider = await newAsteriskProvider(request, `Asterisk ${suffix}`);
  // An FCS file sent as Asterisk fails its analysis; a unique last line keeps its hash new.
  const file = Buffer.concat([FCS_SAMPLE, Buffer.from(`a note ${suffix}\n`)]);
  const name = `wrong-format-${suffix}.csv`;
  const id = await uploadCdr(request, provider, name, file);

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/uploads/${encodeURIComponent(id)}`);
  await expect(page.getByRole('alert').filter({ hasText: 'The analysis failed' })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: test.info().outputPath('failed-upload-1440.png'), fullPage: true });
  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: `Delete ${name}?` });
  await expect(confirm).toContainText('The file and what its analysis found are deleted');
  await confirm.getByRole('button', { name: 'Delete upload' }).click();
  await expect(page).toHaveURL(/\/uploads$/);
  await expect(page.getByText('Upload deleted')).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  // The file is no longer "already uploaded".
  await uploadCdr(request, provider, name, file);
  expect(consoleErrors).toEqual([]);
});

test('a processed upload offers no delete, and the server refuses one naming the file', async ({ page, request }) => {
  const suffix = Date.now().toString(36).toUpperCase();
  const provider = await newAsteriskProvider(request, `Asterisk ${suffix}`);
  const name = `june-${suffix}.csv`;
  const id = await uploadCdr(request, provider, name, Buffer.concat([ASTERISK_SAMPLE, Buffer.from(`a note ${suffix}\n`)]));
  await page.goto(`/uploads/${encodeURIComponent(id)}`);
  await expect(page.getByText('Ready', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Delete…' })).toBeEnabled();
  await api(request, `mutation($id: ID!) { processUpload(id: $id) { id } }`, { id });
  await expect(page.getByText('Processed', { exact: true }).first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);

  const res = await request.post('/graphql', { data: { query: `mutation($id: ID!) { deleteUpload(id: $id) }`, variables: { id } } });
  const body = await res.json();
  expect(body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  expect(body.errors?.[0]?.message).toContain(`${name} has been processed`);
});
