// Accessibility and phone fit (issues 4-6): axe finds no violation on any screen, in light and
// dark mode; at 320 px nothing overflows sideways and every control is at least 44 px tall.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { sharedServerAndBrowser, waitForApp, isoDay, onboard, chooseTown, dataLoaded } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

/** Visits every screen in turn and calls `check(name)` on each. */
async function everyScreen(page, check) {
  await page.goto(server.url + '/');
  await waitForApp(page);
  await check('onboarding');
  await page.getByRole('button', { name: 'Speichern und Angebote zeigen' }).click();
  await check('onboarding with errors');
  await onboard(page, { query: 'Merzenich', option: /Merzenich/, birth: isoDay(-61) });
  await check('family page');
  await page.locator('li.offer h3 a').first().click();
  await page.getByRole('heading', { level: 1, name: /Merzenich/ }).waitFor();
  await check('offer details');
  await page.goto(server.url + '/#/einstellungen');
  await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
  await check('settings');
  await page.goto(server.url + '/#/kind-hinzufuegen');
  await page.getByRole('heading', { level: 1, name: 'Weiteres Kind hinzufügen' }).waitFor();
  await check('add a child');
  await page.goto(server.url + '/#/besuch');
  await page.getByRole('heading', { level: 1, name: 'Besuchsmodus' }).waitFor();
  await check('visit start');
  await chooseTown(page, 'Lünen', /Lünen/);
  await page.getByLabel('Geburtsdatum').fill(isoDay(-200));
  await page.getByRole('button', { name: 'Angebote der Familie zeigen' }).click();
  await dataLoaded(page);
  await check('visit family');
  await page.goto(server.url + '/#/info');
  await page.getByRole('heading', { level: 1, name: /Über den KeKiz-Begleiter/ }).waitFor();
  await check('about');
  await page.goto(server.url + '/#/notfall');
  await page.getByRole('heading', { level: 1, name: 'Hilfe im Notfall' }).waitFor();
  await page.locator('li.helpline').first().waitFor();
  await check('emergency help');
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no violation on any screen (${colorScheme})`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, colorScheme });
    const page = await context.newPage();
    const found = [];
    await everyScreen(page, async (name) => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations) found.push(`${name}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`);
    });
    assert.deepEqual(found, []);
    await context.close();
  });
}

test('at 320 px nothing overflows sideways and every control is at least 44 px tall', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  const problems = [];
  await everyScreen(page, async (name) => {
    const result = await page.evaluate(() => {
      const wide = document.documentElement.scrollWidth > window.innerWidth;
      const small = [...document.querySelectorAll('a[href], button, input, select, [role=option]')]
        .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
        .filter((el) => !(el.type === 'radio' || el.type === 'file'))
        .filter((el) => !el.closest('.link, .as-of, .skip-link'))
        .filter((el) => el.getBoundingClientRect().height < 44)
        .map((el) => `${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.getAttribute('aria-label') || '').slice(0, 30)}" ${Math.round(el.getBoundingClientRect().height)}px`);
      return { wide, small };
    });
    if (result.wide) problems.push(`${name}: wider than the screen`);
    for (const s of result.small) problems.push(`${name}: ${s}`);
  });
  assert.deepEqual(problems, []);
  await context.close();
});

test('no layout shift while loading: onboarding and the family page keep still', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  // The browser's own layout-shift entries (Layout Instability API), summed per page load.
  await page.addInitScript(() => {
    window.kekizShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.kekizShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.waitForTimeout(300);
  const onboardingShift = await page.evaluate(() => window.kekizShift);
  await onboard(page, { query: 'Merzenich', option: /Merzenich/, birth: isoDay(-61) });
  await page.reload();
  await waitForApp(page);
  await dataLoaded(page);
  await page.waitForTimeout(300);
  const familyShift = await page.evaluate(() => window.kekizShift);
  assert.ok(onboardingShift < 0.05, `onboarding layout shift ${onboardingShift}`);
  assert.ok(familyShift < 0.01, `family page layout shift ${familyShift}`);
  await context.close();
});
