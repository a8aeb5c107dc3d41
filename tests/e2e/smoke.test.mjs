// Smoke tests of the built app: it loads in Chromium, runs its wasm, shows its heading, and
// nothing fails on the way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedServerAndBrowser, watch, waitForApp } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

test('the page loads, runs its wasm and shows the app heading', async () => {
  const page = await browser.newPage();
  const watcher = watch(page);
  await page.goto(server.url + '/');
  await waitForApp(page);
  const heading = page.getByRole('heading', { level: 1 });
  assert.match(await heading.first().innerText(), /KeKiz-Begleiter|Willkommen/);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.deepEqual(watcher.problems(), [], 'no console error and no failed request');
  assert.deepEqual(watcher.foreignRequests(), [], 'no request leaves the loopback address');
  await page.close();
});

test('the wasm is served as application/wasm, and the page needs no inline script', async () => {
  const page = await browser.newPage();
  const wasmTypes = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasmTypes.push(response.headers()['content-type']);
  });
  const response = await page.goto(server.url + '/');
  await waitForApp(page);
  assert.deepEqual(wasmTypes, ['application/wasm']);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  const inlineScripts = await page.$$eval('script:not([src])', (s) => s.length);
  assert.equal(inlineScripts, 0);
  await page.close();
});

test('the page has a title, a viewport, a theme colour and an icon', async () => {
  const page = await browser.newPage();
  await page.goto(server.url + '/');
  assert.equal(await page.title(), 'KeKiz-Begleiter');
  assert.match(await page.getAttribute('meta[name=viewport]', 'content'), /width=device-width/);
  assert.match(await page.getAttribute('meta[name=theme-color]', 'content'), /^#[0-9a-f]{6}$/i);
  const icon = await page.getAttribute('link[rel=icon]', 'href');
  const iconResponse = await page.request.get(server.url + icon);
  assert.equal(iconResponse.status(), 200);
  await page.close();
});
