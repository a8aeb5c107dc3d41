// "Hilfe im Notfall": after onboarding online, the list opens without network from the family
// page, 112 first with a tap-to-call link, then 116 117 and the Giftnotruf, every entry with its
// Stand; the header leads there from every screen, before onboarding too; axe finds nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import { sharedServerAndBrowser, waitForApp, isoDay, onboard, watch } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

/** The emergency screen is shown and its list is there. */
async function emergencyScreen(page) {
  await page.getByRole('heading', { level: 1, name: 'Hilfe im Notfall' }).waitFor();
  await page.locator('li.helpline').first().waitFor();
  return page.locator('li.helpline');
}

test('offline, the family page leads to the emergency numbers: 112 first, then 116 117 and 0228 19240, each with its Stand', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const watcher = watch(page, context);
  await page.goto(server.url + '/');
  await waitForApp(page);
  await onboard(page, { query: 'Lünen', option: /Lünen/, birth: isoDay(-61) });
  // The worker controls the page and holds the index (where the help lines are).
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.waitForFunction(async () => {
    const keys = await (await caches.open('kekiz-data-v2')).keys();
    return keys.some((r) => r.url.endsWith('/data/index.json'));
  });

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /Angebote für/ }).waitFor();
  assert.match(await page.locator('.connection').innerText(), /Offline/);
  const teaser = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Hilfe im Notfall' }) });
  await teaser.getByRole('link').click();

  const entries = await emergencyScreen(page);
  assert.equal(new URL(page.url()).hash, '#/notfall');
  const first = entries.first();
  assert.equal(await first.locator('a[href="tel:112"]').count(), 1, 'the first entry calls 112');
  assert.match(await first.locator('a[href="tel:112"]').innerText(), /112/);

  const texts = await entries.allInnerTexts();
  const at = (needle) => texts.findIndex((text) => text.includes(needle));
  assert.ok(at('116 117') > 0, `116 117 is listed after 112: ${texts.length} entries`);
  assert.ok(at('0228 19240') > at('116 117'), 'the Giftnotruf comes after 116 117');
  assert.equal(await entries.nth(at('116 117')).locator('a[href="tel:116117"]').count(), 1);
  assert.equal(await entries.nth(at('0228 19240')).locator('a[href="tel:+4922819240"]').count(), 1);
  for (const [i, text] of texts.entries()) {
    assert.match(text, /Stand/, `entry ${i + 1} shows its Stand`);
    assert.match(text, /Quelle: /, `entry ${i + 1} names its source`);
  }
  // The research's "do not use" numbers are nowhere.
  const all = texts.join('\n');
  for (const old of ['287-3211', '08000 116 016', '0800 111 0 333', '116 123']) {
    assert.ok(!all.includes(old), `${old} is not shown`);
  }

  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(violations.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`), []);
  assert.deepEqual(watcher.foreignRequests(), [], 'no request leaves the loopback address');
  await context.close();
});

test('the header leads to the emergency numbers on every screen, before onboarding too', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const address of ['/', '/#/besuch', '/#/info']) {
    await page.goto(server.url + address);
    await waitForApp(page);
    const link = page.locator('header').getByRole('link', { name: 'Hilfe im Notfall' });
    assert.ok(await link.isVisible(), `the header link is visible on ${address}`);
    await link.click();
    await emergencyScreen(page);
  }
  await context.close();
});
