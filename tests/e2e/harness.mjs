// Shared end-to-end machinery: a real nginx serving a built folder on a free loopback port,
// and Debian's Chromium driven by playwright-core. Every test file imports from here.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');

// Flags proven on these machines: no sandbox as root, and no background traffic to Google.
export const CHROMIUM_ARGS = [
  // A German browser, as most of the app's tests read German screens; tests of other languages
  // set the context's locale or pick a language.
  '--lang=de-DE',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Copies dist/ into a fresh folder, so a test may change the served files freely. */
export function copyOfDist(from = DIST) {
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-site-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/**
 * Starts nginx (scripts/serve.sh, the project's deploy/nginx configuration) on a free port and
 * waits until it answers. Returns { url, port, root, stop(), restart() }.
 */
export async function startServer(root = DIST, port) {
  port = port || (await freePort());
  const prefix = mkdtempSync(join(tmpdir(), 'kekiz-nginx-'));
  let child;
  const launch = async () => {
    child = spawn(join(ROOT, 'scripts', 'serve.sh'), [String(port), root], {
      env: { ...process.env, KEKIZ_NGINX_PREFIX: prefix },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nginx did not answer on port ${port}: ${stderr}`);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  };
  await launch();
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    root,
    stop,
    /** How many requests for `path` nginx has answered so far (from its access log). */
    requestsFor(path) {
      const log = join(prefix, 'access.log');
      if (!existsSync(log)) return 0;
      return readFileSync(log, 'utf8').split('\n').filter((line) => line.includes(`GET ${path} `) || line.includes(`GET ${path}?`)).length;
    },
    /** The HTTP status of each answered request for `path`, in order (from its access log). */
    statusesFor(path) {
      const log = join(prefix, 'access.log');
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8').split('\n')
        .filter((line) => line.includes(`GET ${path} `))
        .map((line) => Number(line.split('" ')[1]?.split(' ')[0]));
    },
    async restart() {
      await stop();
      await launch();
    },
    async dispose() {
      await stop();
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium, headless. */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A persistent context in a fresh profile folder (needed for installability checks). */
export async function launchPersistent(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'de-DE',
    ...options,
  });
  return { context, dispose: async () => { await context.close(); rmSync(dir, { recursive: true, force: true }); } };
}

/**
 * Watches a page: console errors, failed requests, and every request's host (of the whole
 * `context` when given). `problems()` lists what went wrong; `foreignRequests()` lists requests
 * that left the loopback address.
 */
export function watch(page, context) {
  const errors = [];
  const failed = [];
  const urls = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText}`));
  (context || page).on('request', (request) => urls.push(request.url()));
  return {
    problems: () => [...errors, ...failed],
    errors: () => errors,
    failed: () => failed,
    urls: () => urls,
    foreignRequests: () =>
      urls.filter((u) => {
        const { protocol, hostname } = new URL(u);
        if (protocol === 'data:' || protocol === 'blob:') return false;
        return hostname !== '127.0.0.1';
      }),
  };
}

/** Waits until the app has replaced the static first screen (the wasm runs). */
export async function waitForApp(page) {
  await page.waitForSelector('[data-app-ready]', { timeout: 15_000 });
}

/** The local date `days` days from today as YYYY-MM-DD (negative: in the past). */
export function isoDay(days = 0) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Types `query` into "Wohnort" and chooses the suggestion whose text matches `option`. */
export async function chooseTown(page, query, option) {
  const field = page.getByRole('combobox', { name: 'Wohnort' });
  await field.fill(query);
  await page.getByRole('option', { name: option }).first().click();
}

/** Completes onboarding with a town and a birth (or, with `due`, a due) date. */
export async function onboard(page, { query, option, birth, due, name }) {
  await chooseTown(page, query, option);
  if (due) {
    await page.getByLabel('Ich bin schwanger').check();
    await page.getByLabel('Entbindungstermin').fill(due);
  } else {
    await page.getByLabel('Geburtsdatum').fill(birth);
  }
  if (name) await page.getByLabel('Name des Kindes').fill(name);
  await page.getByRole('button', { name: 'Speichern und Angebote zeigen' }).click();
  await page.getByRole('heading', { level: 1, name: /Angebote für/ }).waitFor();
  await dataLoaded(page);
}

/** Waits until no section says that data is still loading. */
export async function dataLoaded(page) {
  await page.waitForFunction(() => !document.querySelector('.loading') && !!document.querySelector('#checkups-heading'));
}

/** The text of the page section whose heading is `heading`. */
export async function sectionText(page, heading) {
  return page.locator('section', { has: page.getByRole('heading', { level: 2, name: heading, exact: true }) }).innerText();
}

/**
 * For a test file that shares one nginx on dist/ and one browser: registers the node:test
 * hooks that start and stop them. Returns `server` (its `url`) and `browser` (`newContext`,
 * `newPage`), usable inside tests once the hooks have run.
 */
export function sharedServerAndBrowser({ before, after }) {
  let started;
  let launched;
  before(async () => {
    started = await startServer();
    launched = await launchBrowser();
  });
  after(async () => {
    await launched?.close();
    await started?.dispose();
  });
  return {
    server: { get url() { return started.url; } },
    browser: {
      newContext: (options) => launched.newContext({ locale: 'de-DE', ...options }),
      newPage: (options) => launched.newPage({ locale: 'de-DE', ...options }),
    },
  };
}

/**
 * A served copy of dist/ that a test may change, a browser and a page on the app's start:
 * returns { root, server, browser, context, page, watcher }. `cleanups` gets what ends them.
 */
export async function servedCopyWithPage(cleanups) {
  const root = copyOfDist();
  const server = await startServer(root);
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'de-DE' });
  const page = await context.newPage();
  // Every request of the context, the service worker's included where Chromium reports them.
  const watcher = watch(page, context);
  cleanups.push(async () => {
    await browser.close();
    await server.dispose();
    rmSync(root, { recursive: true, force: true });
  });
  await page.goto(server.url + '/');
  await waitForApp(page);
  return { root, server, browser, context, page, watcher };
}
