// All of NRW (issue 10): towns outside the four starting Kreise find their youth office by name,
// an assignment no source settles is shown as not yet confirmed, and Köln's welcome visit can
// be called with one tap. Runs the built app with the real statewide directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser, watch, waitForApp, isoDay, onboard, sectionText } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

async function familyIn(query, option) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + '/');
  await waitForApp(page);
  await onboard(page, { query, option, birth: isoDay(-61) });
  await page.locator('section.welcome .loading').waitFor({ state: 'detached' });
  return { context, page, watcher };
}

for (const [query, option, office] of [
  ['Bielefeld', /^Bielefeld/, 'Jugendamt der Stadt Bielefeld'],
  ['Brilon', /^Brilon/, 'Jugendamt des Hochsauerlandkreises'],
  ['Lennestadt', /^Lennestadt/, 'Jugendamt des Kreises Olpe'],
]) {
  test(`${query}, outside the starting Kreise, names its youth office`, async () => {
    const { context, page, watcher } = await familyIn(query, option);
    const welcome = await sectionText(page, 'Begrüßungsbesuch');
    assert.ok(welcome.includes(office), `${office} in: ${welcome}`);
    assert.doesNotMatch(welcome, /zuständige Jugendamt in der App noch nicht hinterlegt/);
    assert.doesNotMatch(welcome, /noch nicht bestätigt/, 'a confirmed or derived assignment carries no warning');
    // Every entry says how old its source is, or that the source gives no date.
    assert.match(welcome, /Stand: (\d{2}\.\d{2}\.)?\d{4}|Stand unbekannt/);
    assert.deepEqual(watcher.problems(), []);
    await context.close();
  });
}

test('a town whose assignment is unverified names the office and says it is not yet confirmed', async () => {
  const { context, page } = await familyIn('Frechen', /^Frechen/);
  const welcome = await sectionText(page, 'Begrüßungsbesuch');
  assert.match(welcome, /Jugendamt der Stadt Frechen/);
  assert.match(welcome, /Dass dieses Jugendamt für Frechen zuständig ist, ist noch nicht bestätigt/);
  assert.match(welcome, /Rathaus/);
  await context.close();
});

test('Köln shows its welcome-visit service with a tap-to-call link and an honest Stand', async () => {
  const { context, page } = await familyIn('Köln', /^Köln/);
  const welcome = await sectionText(page, 'Begrüßungsbesuch');
  assert.match(welcome, /Kinder-Willkommen-Besuche \(KiWi\)/);
  assert.equal(await page.locator('section.welcome a[href^="tel:"]').getAttribute('href'), 'tel:+4922122128591');
  // The press releases behind it give no date: the app says so instead of choosing a year.
  assert.match(welcome, /Stand unbekannt · Quelle: stadt-koeln\.de/);
  await context.close();
});
