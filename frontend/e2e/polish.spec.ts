import { expect, test, type Page } from '@playwright/test';
import { open, routes, seed } from './pages';

// The pages' rough edges (issue 10, items 16–18): colours in dark mode, a
// phone-sized screen, toasts, the skip link, the quote's 24-hour time, console
// warnings on every route and the favicon.

/** The relative luminance (0 black … 1 white) of a computed `rgb(…)` colour. */
function luminance(rgb: string): number {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(rgb);
  if (!m) throw new Error(`not an rgb colour: ${rgb}`);
  const [r, g, b] = m.slice(1, 4).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor).then(luminance);

test.describe('16: dark mode', () => {
  test.use({ colorScheme: 'dark' });

  // The scheme is set by an effect after the click, and a media change reaches
  // the page a moment later: every colour is polled, not read once.
  test('follows the system, and the header toggle steps through light, dark and the system, remembered', async ({ page }) => {
    await open(page, '/customers');
    await expect.poll(() => background(page)).toBeLessThan(0.05);
    const toggle = page.getByRole('banner').getByRole('button', { name: /^Colours:/ });
    await expect(toggle).toHaveAccessibleName(/follows your system/);

    await toggle.click();
    await expect(toggle).toHaveAccessibleName(/^Colours: light/);
    await expect.poll(() => background(page)).toBeGreaterThan(0.9);
    // Remembered across a reload, whatever the system says.
    await page.reload();
    await expect(toggle).toHaveAccessibleName(/^Colours: light/);
    await expect.poll(() => background(page)).toBeGreaterThan(0.9);

    await toggle.click();
    await expect(toggle).toHaveAccessibleName(/^Colours: dark/);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBeLessThan(0.05);

    // Back to the system's choice, which is light now.
    await toggle.click();
    await expect(toggle).toHaveAccessibleName(/follows your system/);
    await expect.poll(() => background(page)).toBeGreaterThan(0.9);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBeLessThan(0.05);
  });

  test('no light panel is left on the pages in dark mode', async ({ page, request }) => {
    test.setTimeout(240_000);
    const s = await seed(request);
    for (const route of routes(s).filter((r) => r !== '/portal')) {
      await open(page, route);
      // Every card, table row and tinted panel is drawn on a dark colour.
      const light = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('main *')]
          // Panels, not a switch's thumb or a chart's dot.
          .filter((el) => el.offsetWidth >= 40 && el.offsetHeight >= 20 && el.closest('[data-light-on-purpose]') === null)
          .map((el) => ({ el, bg: getComputedStyle(el).backgroundColor }))
          .filter(({ bg }) => {
            const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*([\d.]+))?/.exec(bg);
            if (!m || (m[4] !== undefined && Number(m[4]) < 0.5)) return false;
            return Number(m[1]) + Number(m[2]) + Number(m[3]) > 3 * 200;
          })
          .map(({ el, bg }) => `${el.tagName.toLowerCase()}.${el.className} ${bg}`),
      );
      expect(light, `light backgrounds on ${route}`).toEqual([]);
    }
  });
});

test.describe('17: a phone-sized screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no page scrolls sideways at 390 px, and the navigation folds into a burger', async ({ page, request }) => {
    test.setTimeout(240_000);
    const s = await seed(request);
    for (const route of routes(s)) {
      await open(page, route);
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(widths.scroll, `${route} is ${widths.scroll} px wide`).toBeLessThanOrEqual(widths.inner);
    }

    await open(page, '/uploads');
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav).not.toBeInViewport();
    await page.getByRole('button', { name: 'Toggle navigation' }).click();
    await expect(nav).toBeInViewport();
    await nav.getByRole('link', { name: 'Customers', exact: true }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(nav).not.toBeInViewport();
  });
});

test('18: a toast opens below the header and leaves its buttons free', async ({ page }) => {
  const name = `Toast check ${Date.now().toString(36)}`;
  await open(page, '/schedules');
  await page.getByRole('button', { name: 'New schedule' }).first().click();
  const form = page.getByRole('form', { name: 'Billing schedule' });
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create schedule' }).click();
  const toast = page.getByRole('alert').filter({ hasText: 'Schedule created' });
  await expect(toast).toBeVisible();

  const header = (await page.getByRole('banner').filter({ hasText: 'Tollgate' }).boundingBox())!;
  const box = (await toast.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
  // The header's right-hand button is what a click there reaches.
  const toggle = page.getByRole('banner').filter({ hasText: 'Tollgate' }).getByRole('button', { name: /^Colours:/ });
  const t = (await toggle.boundingBox())!;
  // The schedule's dialog fades out over the page after the toast opens;
  // until its overlay has gone nothing in the header can be clicked at all,
  // which is the dialog's doing, not the toast's.
  await expect(form).toBeHidden();
  await toast.hover(); // a toast under the pointer stays open
  await expect
    .poll(() =>
      page.evaluate(
        ([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label') ?? '',
        [t.x + t.width / 2, t.y + t.height / 2],
      ),
    )
    .toMatch(/^Colours:/);
  // All the while the toast was open.
  await expect(toast).toBeVisible();
});

test('18: "Skip to content" is the first tab stop, shows when focused and moves past the navigation', async ({ page }) => {
  await open(page, '/customers');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).not.toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next stop is on the page, not in the header or the navigation.
  await page.keyboard.press('Tab');
  const inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
  expect(inMain).toBe(true);
});

test.describe('18: the quote in a 12-hour browser', () => {
  test.use({ locale: 'en-US' });

  test("the quote's start time is a 24-hour field", async ({ page }) => {
    await open(page, '/tariffs/quote');
    const form = page.getByRole('form', { name: 'Quote a call' });
    const hour = form.getByLabel('Start hour');
    const minute = form.getByLabel('Start minute');
    // Filled with the time now, in two digits each.
    await expect(hour).toHaveValue(/^([01]\d|2[0-3])$/);
    await expect(minute).toHaveValue(/^[0-5]\d$/);
    await hour.fill('18');
    await minute.fill('45');
    await expect(hour).toHaveValue('18');
    await expect(minute).toHaveValue('45');
    await expect(form.getByText(/^(AM|PM)$/)).toHaveCount(0);
  });
});

test('18: no console warning or error on any page', async ({ page, request }) => {
  test.setTimeout(240_000);
  const s = await seed(request);
  const messages: string[] = [];
  let at = '';
  page.on('console', (msg) => {
    if (msg.type() === 'warning' || msg.type() === 'error') messages.push(`${at}: ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => messages.push(`${at}: ${err.message}`));
  for (const route of routes(s)) {
    at = route;
    await open(page, route);
  }
  // And once more by the navigation, each lazily loaded page opening in place.
  await open(page, '/');
  for (const name of ['Customers', 'Tariffs & rates', 'Peak times', 'Providers', 'Uploads (CDR)', 'Calls', 'Invoices', 'Products', 'Schedules', 'Settings']) {
    at = `navigation: ${name}`;
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name, exact: true }).click();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(messages).toEqual([]);
});

test('18: the favicon is served by the binary and linked from both pages', async ({ page, request }) => {
  const res = await request.get('/favicon.svg');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^image\/svg\+xml/);
  expect(await res.text()).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  for (const route of ['/customers', '/graphiql']) {
    await page.goto(route);
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  }
});
