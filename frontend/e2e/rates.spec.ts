import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository's own fixtures (testdata/README.md works out every price).
// The package is an ES module: no __dirname, so derive it from this file's URL.
const here = path.dirname(fileURLToPath(import.meta.url));
const SAMPLE_SHEET = path.resolve(here, '../../testdata/rates/sample.csv');

// Console errors fail the test: a clerk should never meet a broken page.
function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}

/** A sheet with a negative rate on line 3 and a rate that is not a number on line 4. */
function writeBadSheet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tollgate-rates-'));
  const file = path.join(dir, 'bad-rates.csv');
  writeFileSync(
    file,
    [
      'Destination,Minimum Charge,Connection Fee,Peak Rate,Offpeak Rate,Weekend Rate',
      '+441,0,0,1.2,0.6,0.4',
      '+442,0,0,-1.2,0.6,0.4',
      '+443,0,0,abc,0.6,0.4',
      '',
    ].join('\n'),
  );
  return file;
}

async function pick(page: Page, select: string, option: string) {
  await page.getByRole('combobox', { name: select, exact: true }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a clerk sets up a tariff, its rate sheet and peak times, then quotes a call', async ({ page, request }) => {
  const consoleErrors = collectConsoleErrors(page);
  const suffix = Date.now().toString(36).toUpperCase();
  const tariffName = `Standard ${suffix}`;

  // Create the tariff.
  await page.goto('/');
  await page.getByRole('link', { name: 'Tariffs & rates' }).click();
  await expect(page.getByRole('heading', { name: 'Tariffs & rates' })).toBeVisible();
  await page.getByRole('button', { name: 'New tariff' }).first().click();
  const tariffForm = page.getByRole('dialog', { name: 'New tariff' });
  await tariffForm.getByLabel('Name').fill(tariffName);
  await tariffForm.getByLabel('Default tariff').check();
  await tariffForm.getByRole('button', { name: 'Create tariff' }).click();
  await expect(page.getByRole('heading', { name: tariffName })).toBeVisible();
  await expect(page.getByText('No rate sheet yet — drop a CSV here').first()).toBeVisible();

  // Drop the sample sheet on the empty state: the upload dialog opens with it.
  await page.getByLabel('Rate sheet file').setInputFiles(SAMPLE_SHEET);
  const upload = page.getByRole('dialog', { name: `Upload a rate sheet to ${tariffName}` });
  await expect(upload.getByText('sample.csv')).toBeVisible();
  await expect(upload.getByRole('combobox', { name: 'Provider' })).toHaveValue('Any provider');
  // A first version is offered from the start; choose a date instead: 00:00 on it, in the deployment's zone.
  await expect(upload.getByRole('radio', { name: /From the start/ })).toBeChecked();
  await upload.getByRole('radio', { name: /On a date/ }).check();
  await expect(upload.getByLabel('Hour', { exact: true })).toHaveValue('00');
  await expect(upload.getByLabel('Minute', { exact: true })).toHaveValue('00');
  // Issue 10, item 7: Esc on the open calendar closes the calendar, not the dialog with its file.
  await upload.getByLabel('Date', { exact: true }).click();
  const calendar = page.getByRole('table').filter({ has: page.getByText('Mo', { exact: true }) });
  await expect(calendar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(calendar).toBeHidden();
  await expect(upload).toBeVisible();
  await expect(upload.getByText('sample.csv')).toBeVisible();
  // In force from the start of 2026, so the June call quoted below finds it.
  await upload.getByLabel('Date', { exact: true }).fill('2026-01-01');
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload).toBeHidden();
  await expect(page.getByText('Rate sheet version 1 uploaded')).toBeVisible();

  // Version 1 is in force with the sample's 13 rates.
  const versions = page.getByRole('table', { name: 'Any provider · Outbound versions' });
  const v1 = versions.getByRole('row', { name: /v1/ });
  await expect(v1).toContainText('In force');
  await expect(v1.getByRole('cell', { name: '13', exact: true })).toBeVisible();
  await expect(v1).toContainText('sample.csv');

  // The download link serves the version as CSV.
  const href = await v1.getByRole('link', { name: 'Download version 1' }).getAttribute('href');
  expect(href).toBeTruthy();
  const download = await request.get(href!);
  expect(download.ok()).toBe(true);
  expect(await download.text()).toContain('44161');

  // Search the rates.
  const rates = page.getByRole('table', { name: 'Rates' });
  await expect(rates.getByRole('row')).toHaveCount(14); // header + 13
  await page.getByRole('searchbox', { name: 'Search rates' }).fill('Manchester');
  await expect(rates.getByRole('row')).toHaveCount(2);
  await expect(rates.getByRole('cell', { name: '+44161', exact: true })).toBeVisible();
  await expect(rates.getByRole('row', { name: /Manchester/ })).toContainText('2.4');

  // A bad sheet is rejected whole, with every bad line listed; version 1 stays in force.
  await page.getByRole('button', { name: 'Upload rate sheet' }).click();
  await expect(upload).toBeVisible();
  await upload.getByLabel('Rate sheet file').setInputFiles(writeBadSheet());
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(upload.getByText(/rejected: 2 problems\. Nothing was changed/)).toBeVisible();
  await expect(upload.getByText('Version 1 stays in force for Any provider · Outbound.', { exact: false })).toBeVisible();
  const problems = upload.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row')).toHaveCount(3); // header + 2
  await expect(problems.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(problems.getByRole('row').nth(1)).toContainText('-1.2');
  await expect(problems.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('4');
  await expect(problems.getByRole('row').nth(2)).toContainText('abc');
  await upload.getByRole('button', { name: 'Close' }).click();
  await expect(upload).toBeHidden();
  await expect(versions.getByRole('row')).toHaveCount(2); // header + v1
  await expect(v1).toContainText('In force');

  // Peak times: the docs/rating.md sample, typed block by block.
  await page.getByRole('link', { name: 'Peak times' }).click();
  await expect(page.getByRole('heading', { name: 'Peak times', exact: true })).toBeVisible();
  await expect(page.getByText('Time not covered by any block is peak')).toBeVisible();
  const removeFirst = page.getByRole('button', { name: 'Remove block 1' });
  while (await removeFirst.count()) await removeFirst.click();
  await expect(page.getByText('No blocks: the whole week is peak.')).toBeVisible();

  const sample = [
    { band: 'Peak', days: 'weekdays', start: '08:00', end: '18:00' },
    { band: 'Off-peak', days: 'weekdays', start: '18:00', end: '24:00' },
    { band: 'Off-peak', days: 'weekdays', start: '00:00', end: '08:00' },
    { band: 'Weekend', days: 'weekend', start: '00:00', end: '24:00' },
  ];
  for (const [i, b] of sample.entries()) {
    const n = i + 1;
    await page.getByRole('button', { name: 'Add block' }).click();
    await pick(page, `Band of block ${n}`, b.band);
    if (b.days === 'weekend') {
      for (const d of ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']) await page.getByLabel(`${d}, block ${n}`).uncheck();
      for (const d of ['Sat', 'Sun']) await page.getByLabel(`${d}, block ${n}`).check();
    }
    await page.getByLabel(`Start of block ${n}`).fill(b.start);
    await page.getByLabel(`End of block ${n}`).fill(b.end);
  }

  // An overlap is named on both blocks before anything is sent.
  await page.getByLabel('Start of block 2').fill('17:00');
  await expect(page.getByText('Overlaps block 2 on Mon–Fri 17:00–18:00')).toBeVisible();
  await expect(page.getByText('Overlaps block 1 on Mon–Fri 17:00–18:00')).toBeVisible();
  await page.getByLabel('Start of block 2').fill('18:00');
  await expect(page.getByText(/Overlaps block/)).toHaveCount(0);

  await expect(page.getByText('Preview of unsaved changes')).toBeVisible();
  await page.getByRole('button', { name: 'Save peak times' }).click();
  await expect(page.getByText('Peak times saved')).toBeVisible();
  await expect(page.getByText('Preview of unsaved changes')).toBeHidden();
  await expect(page.getByRole('img', { name: 'Mon 10:00 Peak' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Mon 19:00 Off-peak' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Sat 12:00 Weekend' })).toBeVisible();

  // After a reload the schedule comes back from the server, and exports as CSV.
  await page.reload();
  await expect(page.getByLabel('End of block 4')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Tue 08:00 Peak' })).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const exported = readFileSync((await csv.path())!, 'utf8');
  expect(exported).toMatch(/^band,days,start,end/);
  expect(exported).toMatch(/peak,.*08:00,18:00/);
  expect(exported).toMatch(/weekend,.*00:00,24:00/);

  // Quote a call on the tariff: Monday 1 June 2026 10:00 London (peak), 61 s to Manchester:
  // 2.4p/min × 61 s = 2.44p → 0.0244 (testdata/README.md).
  await page.getByRole('link', { name: 'Tariffs & rates' }).click();
  await page.getByRole('link', { name: tariffName }).click();
  await page.getByRole('tab', { name: 'Quote a call' }).click();
  const quote = page.getByRole('form', { name: 'Quote a call' });
  await quote.getByLabel('Dialled number').fill('01614960123');
  await quote.getByLabel('Start date').fill('2026-06-01');
  await quote.getByLabel('Start hour').fill('10');
  await quote.getByLabel('Start minute').fill('00');
  await expect(quote.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/London');
  await quote.getByLabel('Duration (seconds)').fill('61');
  await quote.getByRole('button', { name: 'Quote' }).click();

  const result = page.getByRole('region', { name: 'Quote result' });
  await expect(result).toBeVisible();
  await expect(result.getByText('Rated', { exact: true })).toBeVisible();
  await expect(result.getByText('£0.0244', { exact: true })).toBeVisible();
  await expect(result.getByText('Peak', { exact: true }).first()).toBeVisible();
  await expect(result).toContainText('Manchester');
  await expect(result).toContainText('version 1');

  // The refused upload is logged by the browser only if the server answered 4xx; anything else is a bug.
  expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
});
