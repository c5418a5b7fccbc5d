import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { consoleErrorsOf, newAsteriskProvider } from './clerk';

/** A PNG's first bytes under a .csv name: what a clerk picks by mistake. */
function pngNamedCsv(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tollgate-png-')), 'june-calls.csv');
  writeFileSync(file, Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]));
  return file;
}

test('a PNG renamed .csv is refused as a CDR file, saying it is an image', async ({ page, request }) => {
  const consoleErrors = consoleErrorsOf(page);
  const name = `Asterisk ${Date.now().toString(36).toUpperCase()}`;
  await newAsteriskProvider(request, name);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/uploads');
  const form = page.getByRole('form', { name: 'Upload a CDR file' });
  await form.getByRole('combobox', { name: 'Provider' }).click();
  await page.getByRole('option', { name: `${name} (Asterisk)` }).click();
  await form.getByLabel('CDR file').setInputFiles(pngNamedCsv());
  await form.getByRole('button', { name: 'Upload and analyse' }).click();
  await expect(form.getByRole('alert')).toContainText(
    'june-calls.csv cannot be a CDR file: this is a PNG image, not a CSV text file',
  );
  await page.screenshot({ path: test.info().outputPath('png-refused-1440.png'), fullPage: true });
  await expect(page.getByRole('link', { name: 'june-calls.csv' })).toHaveCount(0);
  // The refusal is a 4xx the browser logs; anything else is a bug.
  expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
});
