import { expect, test } from '@playwright/test';

// GraphiQL at /graphiql comes from the binary: with every request to
// another host refused (a machine without internet), the page still opens,
// runs a query and shows the answer.
test('GraphiQL opens and runs a query with no internet', async ({ page, baseURL }) => {
  const ours = new URL(baseURL!).host;
  const elsewhere: string[] = [];
  await page.route(
    (url) => url.host !== ours && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => {
      elsewhere.push(route.request().url());
      return route.abort('internetdisconnected');
    },
  );
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/graphiql');
  await expect(page).toHaveTitle('Tollgate GraphiQL');
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await expect(editor).toBeVisible({ timeout: 30_000 });

  // Replace the example query with one of ours and run it.
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText('{ tariffs(first: 5) { totalCount edges { node { name isDefault } } } }');
  await page.getByRole('button', { name: /Execute query/ }).click();

  const response = page.locator('.graphiql-response');
  await expect(response).toContainText('"totalCount"', { timeout: 30_000 });
  await expect(response).toContainText('"Standard"');
  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
});
