// Offline-first and updates (issue 5), against nginx with the project's configuration: the
// family's page without network and without server, a new version waiting for the person's
// click, data refreshed safely in the background, installability, and no foreign request.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  startServer, launchPersistent, waitForApp, isoDay, onboard, sectionText, servedCopyWithPage, ROOT,
} from './harness.mjs';

const cleanups = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A served copy of dist/ that the test may change, and a browser page with a family on it. */
async function familyOnline({ query = 'Lünen', option = /Lünen/ } = {}) {
  const { root, server, browser, context, page, watcher } = await servedCopyWithPage(cleanups);
  await onboard(page, { query, option, birth: isoDay(-61) });
  await page.locator('li.offer').first().waitFor();
  // The worker has installed, taken over the page, and the family's office file is stored.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await page.waitForFunction(async () => {
    const keys = await (await caches.open('kekiz-data-v2')).keys();
    return keys.some((r) => r.url.includes('/data/offices/')) && keys.some((r) => r.url.endsWith('/data/index.json'));
  });
  return { root, server, browser, context, page, watcher };
}

async function familyPageShows(page) {
  await page.getByRole('heading', { level: 1, name: /Angebote für/ }).waitFor();
  await page.locator('li.offer').first().waitFor();
  const now = await sectionText(page, 'Angebote jetzt');
  assert.match(await sectionText(page, 'Begrüßungsbesuch'), /Stand: /);
  return now;
}

test('offline after the first visit: a reload shows the family\'s page from the cache', async () => {
  const { context, page, watcher } = await familyOnline();
  const online = await familyPageShows(page);
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  assert.equal(await familyPageShows(page), online);
  assert.match(await page.locator('.connection').innerText(), /Offline/);
  assert.deepEqual(watcher.foreignRequests(), [], 'no request leaves the loopback address');
});

test('web server stopped: a new page load still shows everything', async () => {
  const { server, context, page } = await familyOnline();
  const before = await familyPageShows(page);
  await server.stop();
  const second = await context.newPage();
  await second.goto(server.url + '/');
  await waitForApp(second);
  assert.equal(await familyPageShows(second), before);
  // And an address of the app other than / (a bookmark, a handed-over link) works too, in a
  // new page so that it is a real navigation answered by the worker.
  const third = await context.newPage();
  await third.goto(server.url + '/einstellungen?von=lesezeichen#/einstellungen');
  await third.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
});

test('a new build deployed: the banner appears, the old page works on, the button brings the new version', async () => {
  const { root, page } = await familyOnline();
  // Deploy a new version: a changed page, and the build step that lists every file's hash.
  const index = join(root, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<head>', '<head><meta name="kekiz-test-version" content="2">'));
  execFileSync('node', [join(ROOT, 'scripts', 'post-build.mjs')], { env: { ...process.env, TRUNK_STAGING_DIR: root } });
  await page.reload();
  await waitForApp(page);
  await page.getByText('Neue Version verfügbar.').waitFor({ timeout: 15_000 });
  // The old version keeps running: its page, its navigation.
  assert.equal(await page.locator('meta[name=kekiz-test-version]').count(), 0);
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
  await page.goBack();
  await familyPageShows(page);
  assert.equal(await page.locator('meta[name=kekiz-test-version]').count(), 0);
  await Promise.all([
    page.waitForEvent('load'),
    page.getByRole('button', { name: 'Jetzt aktualisieren' }).click(),
  ]);
  await waitForApp(page);
  assert.equal(await page.locator('meta[name=kekiz-test-version]').getAttribute('content'), '2');
  assert.equal(await page.getByText('Neue Version verfügbar.').count(), 0);
  await familyPageShows(page);
});

/** Rewrites an office file of the served copy. */
function editOffice(root, id, edit) {
  const path = join(root, 'data', 'offices', `${id}.json`);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, edit(text));
  return text;
}

test('a changed data file online: the new Stand appears without losing the page', async () => {
  const { root, page } = await familyOnline();
  const before = await page.locator('.as-of-data').innerText();
  const today = isoDay(0);
  editOffice(root, 'stadt-luenen', (text) => {
    const file = JSON.parse(text);
    file.as_of = today;
    file.offers[0].as_of = today;
    return JSON.stringify(file);
  });
  await page.reload();
  await waitForApp(page);
  const [y, m, d] = today.split('-');
  const expected = `Stand der Angebote: ${d}.${m}.${y}`;
  await page.locator('.as-of-data').getByText(expected).waitFor({ timeout: 15_000 });
  assert.notEqual(before, expected);
});

test('a truncated data file served: the old data stays', async () => {
  const { root, server, page } = await familyOnline();
  const before = await familyPageShows(page);
  const original = editOffice(root, 'stadt-luenen', (text) => text.slice(0, Math.floor(text.length / 2)));
  const served = server.requestsFor('/data/offices/stadt-luenen.json');
  await page.reload();
  await waitForApp(page);
  assert.equal(await familyPageShows(page), before);
  // The worker's background refresh really fetched the broken file...
  const deadline = Date.now() + 10_000;
  while (server.requestsFor('/data/offices/stadt-luenen.json') <= served && Date.now() < deadline) {
    await page.waitForTimeout(100);
  }
  assert.ok(server.requestsFor('/data/offices/stadt-luenen.json') > served, 'the broken file was fetched');
  await page.waitForTimeout(300);
  // ...and the cache kept the good one.
  const cached = await page.evaluate(async () => (await (await caches.open('kekiz-data-v2')).match('/data/offices/stadt-luenen.json')).text());
  assert.equal(cached, original);
  await page.reload();
  await waitForApp(page);
  assert.equal(await familyPageShows(page), before);
});

test('installable: Chromium reports no installability error', async () => {
  const server = await startServer();
  const { context, dispose } = await launchPersistent();
  cleanups.push(async () => {
    await dispose();
    await server.dispose();
  });
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const manifest = await (await page.request.get(server.url + '/manifest.webmanifest')).json();
  assert.ok(manifest.icons.some((i) => i.purpose === 'maskable'));
  for (const icon of manifest.icons) {
    const response = await page.request.get(server.url + icon.src);
    assert.equal(response.status(), 200, icon.src);
  }
});

test('the web server sends the headers that matter', async () => {
  const server = await startServer();
  cleanups.push(() => server.dispose());
  const head = async (path, extra = {}) => {
    const response = await fetch(server.url + path, { headers: extra });
    return response.headers;
  };
  assert.equal((await head('/')).get('cache-control'), 'no-cache');
  assert.equal((await head('/sw.js')).get('cache-control'), 'no-cache');
  const sw = readFileSync(join(ROOT, 'dist', 'sw.js'), 'utf8');
  const build = JSON.parse(sw.split('\n').find((l) => l.startsWith('const BUILD = ')).slice(14, -1));
  const wasm = build.shell.find((e) => e.url.endsWith('.wasm')).url;
  const wasmHeaders = await head(wasm, { 'Accept-Encoding': 'gzip' });
  assert.equal(wasmHeaders.get('content-type'), 'application/wasm');
  assert.match(wasmHeaders.get('cache-control'), /immutable/);
  assert.equal(wasmHeaders.get('content-encoding'), 'gzip');
  assert.match((await head('/')).get('content-security-policy'), /default-src 'self'/);
});
