// Data an installed phone can trust (issue 11), against nginx with the project's configuration:
// new data replaces the kept copy only after the app has read it with its own types, a newer
// data file degrades instead of breaking, data-only deploys are quiet, a half-finished deploy
// changes nothing, a full storage is said, no data can put a script into a link, and open tabs
// follow an update together.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { waitForApp, isoDay, onboard, sectionText, servedCopyWithPage, ROOT } from './harness.mjs';

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A served copy of dist/ that the test may change, and a page with a family in Lünen on it. */
async function familyOnline() {
  const { root, server, browser, context, page } = await servedCopyWithPage(cleanups);
  await onboard(page, { query: 'Lünen', option: /Lünen/, birth: isoDay(-61) });
  await page.locator('li.offer').first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.waitForFunction(async () => {
    const keys = await (await caches.open('kekiz-data-v2')).keys();
    return keys.some((r) => r.url.includes('/data/offices/stadt-luenen')) && keys.some((r) => r.url.endsWith('/data/index.json'));
  });
  return { root, server, browser, context, page };
}

const OFFICE = 'stadt-luenen';
function editOffice(root, edit) {
  const path = join(root, 'data', 'offices', `${OFFICE}.json`);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, typeof edit === 'function' ? edit(text) : edit);
  return text;
}
const cachedOffice = (page, cache = 'kekiz-data-v2') =>
  page.evaluate(async ([name, url]) => {
    const hit = await (await caches.open(name)).match(url);
    return hit ? hit.text() : null;
  }, [cache, `/data/offices/${OFFICE}.json`]);

async function reloadOffline(context, page) {
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /Angebote für/ }).waitFor();
  await page.locator('li.offer').first().waitFor();
}

test('a data update with an unknown category is taken over, works offline, and shows the offer apart', async () => {
  const { root, context, page } = await familyOnline();
  editOffice(root, (text) => {
    const file = JSON.parse(text);
    file.offers.push({ ...file.offers[0], id: 'luenen-neu', title: 'Ganz neues Angebot', category: 'eine-neue-art', age: { from_months: 0, to_months: 36 } });
    return JSON.stringify(file);
  });
  await page.reload();
  await waitForApp(page);
  await page.getByText('Ganz neues Angebot').waitFor({ timeout: 15_000 });
  assert.match(await sectionText(page, 'Weitere Angebote'), /Ganz neues Angebot/);
  assert.doesNotMatch(await sectionText(page, 'Angebote jetzt'), /Ganz neues Angebot/);
  assert.match(await cachedOffice(page), /eine-neue-art/, 'the new copy replaced the kept one');
  await reloadOffline(context, page);
  assert.match(await sectionText(page, 'Weitere Angebote'), /Ganz neues Angebot/);
});

test('a data file that is valid JSON but fails the app\'s types keeps the old data, offline too', async () => {
  const { root, server, context, page } = await familyOnline();
  const before = await sectionText(page, 'Angebote jetzt');
  const served = server.requestsFor(`/data/offices/${OFFICE}.json`);
  const original = editOffice(root, (text) => {
    const file = JSON.parse(text);
    delete file.offers[0].title; // the worker's JSON check passes, the Rust types do not
    return JSON.stringify(file);
  });
  await page.reload();
  await waitForApp(page);
  await page.getByText(/Neue Daten vom Server passen nicht zu dieser Version der App/).waitFor({ timeout: 15_000 });
  assert.ok(server.requestsFor(`/data/offices/${OFFICE}.json`) > served, 'the broken file was fetched');
  assert.equal(await cachedOffice(page), original, 'the kept copy is the old one');
  assert.equal(await cachedOffice(page, 'kekiz-data-pending-v2'), null, 'the refused copy is gone');
  await reloadOffline(context, page);
  assert.equal(await sectionText(page, 'Angebote jetzt'), before);
});

test('a data-only deploy: no update banner, the new Stand appears, unchanged files cost a 304', async () => {
  const { root, server, page } = await familyOnline();
  const worker = readFileSync(join(root, 'sw.js'), 'utf8');
  const indexFetches = server.statusesFor('/data/index.json').length;
  const today = isoDay(0);
  editOffice(root, (text) => {
    const file = JSON.parse(text);
    file.as_of = today;
    file.offers[0].as_of = today;
    return JSON.stringify(file);
  });
  // The deploy runs the same build step that lists the app's files.
  execFileSync('node', [join(ROOT, 'scripts', 'post-build.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
  assert.equal(readFileSync(join(root, 'sw.js'), 'utf8'), worker, 'a data change does not change the worker');
  await page.reload();
  await waitForApp(page);
  const [y, m, d] = today.split('-');
  await page.locator('.as-of-data').getByText(`Stand der Angebote: ${d}.${m}.${y}`).waitFor({ timeout: 15_000 });
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
  await page.waitForTimeout(1500);
  assert.equal(await page.getByText('Neue Version verfügbar.').count(), 0);
  // The town index did not change: its refreshes are conditional requests answered with 304.
  const statuses = server.statusesFor('/data/index.json');
  assert.equal(statuses[0], 200, 'the first visit downloads it');
  const later = statuses.slice(indexFetches);
  assert.ok(later.length >= 1, `the reload refreshed it: ${statuses}`);
  assert.ok(later.every((status) => status === 304), `every later refresh is a 304: ${statuses}`);
});

test('a half-finished deploy (one app file missing): the running version keeps working, no banner', async () => {
  const { root, context, page } = await familyOnline();
  const before = await sectionText(page, 'Angebote jetzt');
  const index = join(root, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="kekiz-test-version" content="2">'));
  execFileSync('node', [join(ROOT, 'scripts', 'post-build.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
  // The deploy stops half-way: the stylesheet of the new version never arrives.
  const css = readdirSync(root).find((name) => name.endsWith('.css'));
  unlinkSync(join(root, css));
  await page.reload();
  await waitForApp(page);
  await page.evaluate(async () => (await navigator.serviceWorker.ready).update().catch(() => null));
  await page.waitForTimeout(2000);
  assert.equal(await page.getByText('Neue Version verfügbar.').count(), 0, 'an incomplete version never waits');
  assert.equal(await page.locator('meta[name=kekiz-test-version]').count(), 0);
  assert.equal(await sectionText(page, 'Angebote jetzt'), before);
  await reloadOffline(context, page);
  assert.equal(await sectionText(page, 'Angebote jetzt'), before, 'offline, the old version still has everything');
});

test('storage full while the family\'s data arrives: it is shown, and the app says it is not kept', async () => {
  const { root, server, browser, context, page } = await servedCopyWithPage(cleanups);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // The browser's real quota for this origin, set to what is already used: every new write fails.
  const cdp = await context.newCDPSession(page);
  const { usage } = await page.evaluate(() => navigator.storage.estimate());
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: server.url, quotaSize: usage });
  await onboard(page, { query: 'Lünen', option: /Lünen/, birth: isoDay(-61) });
  assert.match(await sectionText(page, 'Angebote jetzt'), /\S/);
  await page.locator('li.offer').first().waitFor();
  await page.getByText(/Speicher des Geräts ist voll|nicht für die Nutzung ohne Netz gespeichert/).first().waitFor({ timeout: 15_000 });
  const kept = await page.evaluate(async () => !!(await (await caches.open('kekiz-data-v2')).match('/data/offices/stadt-luenen.json')));
  assert.equal(kept, false, 'nothing was stored, and the app said so');
});

test('a javascript: web address in a served data file never becomes a link', async () => {
  const { root, context, page } = await familyOnline();
  const before = await sectionText(page, 'Begrüßungsbesuch');
  editOffice(root, (text) => {
    const file = JSON.parse(text);
    file.office.contact = { ...file.office.contact, web: 'javascript:alert(document.domain)' };
    file.offers[0].contact = { web: 'javascript:alert(2)' };
    return JSON.stringify(file);
  });
  await page.reload();
  await waitForApp(page);
  // The app's types check every web address when they read a file: this one is refused whole.
  await page.getByText(/Neue Daten vom Server passen nicht zu dieser Version der App/).waitFor({ timeout: 15_000 });
  assert.match(await cachedOffice(page), /^(?!.*javascript:)/s, 'the kept copy has no such address');
  await reloadOffline(context, page);
  assert.equal(await sectionText(page, 'Begrüßungsbesuch'), before);
  await page.locator('li.offer h3 a').first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const bad = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => !/^(https:|tel:|mailto:|#|\/)/.test(h)));
  assert.deepEqual(bad, []);
});

test('two open tabs: an update in one brings both to the new version', async () => {
  const { root, context, page } = await familyOnline();
  const second = await context.newPage();
  await second.goto(page.url());
  await waitForApp(second);
  const index = join(root, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="kekiz-test-version" content="2">'));
  execFileSync('node', [join(ROOT, 'scripts', 'post-build.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
  await page.reload();
  await waitForApp(page);
  await page.getByText('Neue Version verfügbar.').waitFor({ timeout: 15_000 });
  assert.equal(await second.locator('meta[name=kekiz-test-version]').count(), 0);
  const reloaded = second.waitForEvent('load', { timeout: 15_000 });
  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Jetzt aktualisieren' }).click()]);
  await reloaded;
  await waitForApp(second);
  assert.equal(await page.locator('meta[name=kekiz-test-version]').getAttribute('content'), '2');
  assert.equal(await second.locator('meta[name=kekiz-test-version]').getAttribute('content'), '2');
});
