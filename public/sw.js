// KeKiz-Begleiter service worker. Hand-written; loads nothing from any other host.
// - install: precache every built app file (the BUILD list below) and the town index;
// - navigations: answered with the cached page, so the app starts without signal;
// - app files: cache first (their names or the BUILD version change with their content);
// - catalogues (/lang/<code>.txt): cached in the app cache when the family's language is first
//   fetched, and carried over to each new version at install (fetched anew, hash-checked);
// - data files (/data/…): answered from the cache at once and refreshed in the background with
//   a conditional request; a changed copy never replaces the good one here: it waits in the
//   pending cache until the app has read it with its own types (last known good data);
// - a new version waits until the page asks it to take over (SKIP_WAITING), never by itself;
// - activate: deletes the caches of older versions and of older data formats.
// The build (scripts/post-build.mjs) replaces the BUILD line with the list of every app file
// and its content hash (data files are not part of a version), and DATA_FORMAT with the data
// format number of crates/core/src/directory.rs.
const BUILD = null; // replaced at build time by scripts/post-build.mjs
const DATA_FORMAT = null; // replaced at build time by scripts/post-build.mjs
const APP_CACHE = `kekiz-app-${BUILD.version}`;
// Data files keep their names across app versions; their caches are named after the data
// format, so a waiting new version never replaces what the running one reads.
const DATA_CACHE = `kekiz-data-v${DATA_FORMAT}`;
const PENDING_CACHE = `kekiz-data-pending-v${DATA_FORMAT}`;
const INDEX_URL = '/data/index.json';

// A fresh copy from the server, past the HTTP cache and without leaving a copy there.
const fetchFresh = (url) => fetch(new Request(url, { cache: 'no-store' }));

// Whether a data file's text is complete JSON of this format: a cheap first filter only; the
// app decides with its real types whether a new copy may replace the good one.
function validData(text) {
  try {
    const value = JSON.parse(text);
    return !!value && value.format === DATA_FORMAT;
  } catch {
    return false;
  }
}

const jsonResponse = (text, etag) =>
  new Response(text, { headers: etag ? { 'Content-Type': 'application/json', ETag: etag } : { 'Content-Type': 'application/json' } });

// Stores a copy; a full storage (quota) must not lose the file the network delivered.
async function putSafely(cacheName, url, text, etag) {
  try {
    await (await caches.open(cacheName)).put(url, jsonResponse(text, etag));
    return true;
  } catch {
    await tellClients({ type: 'STORAGE_FAILED', url });
    return false;
  }
}

async function tellClients(message) {
  const clients = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
  for (const client of clients) client.postMessage(message);
}

// Asks the server for a data file, conditionally when a copy is kept. Resolves to
// { text, etag } for a complete new body, 'unchanged' for 304, or null on any failure.
async function download(url, known) {
  const etag = known && known.headers.get('ETag');
  let response;
  try {
    response = await fetch(new Request(url, { cache: 'no-store', headers: etag ? { 'If-None-Match': etag } : {} }));
  } catch {
    return null;
  }
  if (response.status === 304) return 'unchanged';
  if (!response.ok) return null;
  const text = await response.text();
  return validData(text) ? { text, etag: response.headers.get('ETag') } : null;
}

// Refreshes a kept data file: a changed copy goes to the pending cache and the app is told.
// Without a kept copy (first time) the file is stored directly, unless `onlyIfKept` (a file
// deleted meanwhile, "Alle Daten löschen", is not written back). Resolves to the text to serve
// when there was no kept copy, else null.
async function refreshData(url, onlyIfKept = false) {
  const good = await (await caches.open(DATA_CACHE)).match(url);
  const pending = await (await caches.open(PENDING_CACHE)).match(url);
  const fresh = await download(url, pending || good);
  if (fresh === null || fresh === 'unchanged') return null;
  if (!good) {
    if (onlyIfKept) return null;
    await putSafely(DATA_CACHE, url, fresh.text, fresh.etag);
    return fresh.text;
  }
  if ((await good.clone().text()) === fresh.text) return null;
  if (await putSafely(PENDING_CACHE, url, fresh.text, fresh.etag)) {
    await tellClients({ type: 'DATA_PENDING', url: new URL(url, self.location.origin).pathname });
  }
  return null;
}

// Hex of the first 8 bytes of a body's SHA-256, as scripts/post-build.mjs writes it.
async function shortHash(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Stores every app file of this version, each checked against its hash in BUILD: during a
// deployment that is not yet complete the install fails, and the running version stays.
async function precacheShell() {
  const cache = await caches.open(APP_CACHE);
  await Promise.all(
    BUILD.shell.map(async (entry) => {
      const response = await fetch(new Request(entry.url, { cache: 'no-cache' }));
      if (!response.ok) throw new Error(`${entry.url}: status ${response.status}`);
      const hash = await shortHash(await response.clone().arrayBuffer());
      if (hash !== entry.hash) throw new Error(`${entry.url} does not belong to version ${BUILD.version}`);
      await cache.put(entry.url, response);
    })
  );
}

// A catalogue of this version, checked against its hash; null when the server has another.
async function fetchCatalogue(url) {
  const entry = (BUILD.lang || []).find((e) => e.url === url);
  if (!entry) return null;
  const response = await fetch(new Request(url, { cache: 'no-cache' }));
  if (!response.ok) return null;
  const hash = await shortHash(await response.clone().arrayBuffer());
  return hash === entry.hash ? response : null;
}

// The languages families used with an older version keep working offline with this one.
async function carryOverCatalogues() {
  const cache = await caches.open(APP_CACHE);
  const names = (await caches.keys()).filter((n) => n.startsWith('kekiz-app-') && n !== APP_CACHE);
  const urls = new Set();
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) {
      const path = new URL(request.url).pathname;
      if (path.startsWith('/lang/')) urls.add(path);
    }
  }
  for (const url of urls) {
    if (!(BUILD.lang || []).some((e) => e.url === url)) continue; // a language this version dropped
    const response = await fetchCatalogue(url);
    if (!response) throw new Error(`${url} does not belong to version ${BUILD.version}`);
    await cache.put(url, response);
  }
}

async function answerCatalogue(url) {
  const cache = await caches.open(APP_CACHE);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetchCatalogue(url);
  if (!response) return fetch(url);
  try {
    await cache.put(url, response.clone());
  } catch {
    await tellClients({ type: 'STORAGE_FAILED', url });
  }
  return response;
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precacheShell();
      await carryOverCatalogues();
      // Every family needs the town index; office files are kept when a family needs them.
      const stored = await (await caches.open(DATA_CACHE)).match(INDEX_URL);
      if (!stored && !(await refreshData(INDEX_URL))) throw new Error('the town index could not be fetched');
      if (stored) await refreshData(INDEX_URL);
    })()
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const keep = [APP_CACHE, DATA_CACHE, PENDING_CACHE];
      await Promise.all(names.filter((n) => n.startsWith('kekiz-') && !keep.includes(n)).map((n) => caches.delete(n)));
      // Take over pages opened before the first install; later versions only activate when
      // the page asked (SKIP_WAITING) and reloads anyway.
      await self.clients.claim();
    })()
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
  // The page shows a language fetched before this worker controlled it: keep that catalogue.
  if (event.data && event.data.type === 'KEEP_CATALOGUE' && typeof event.data.url === 'string' && event.data.url.startsWith('/lang/')) {
    event.waitUntil(answerCatalogue(event.data.url));
  }
});

async function answerData(event, url, visit) {
  const cache = await caches.open(DATA_CACHE);
  const cached = await cache.match(url);
  if (cached) {
    // Answer at once; refresh behind the person's back.
    event.waitUntil(refreshData(url, true));
    return cached;
  }
  // A file a home visit needs and the device does not keep: pass it on, store nothing.
  if (visit) return fetchFresh(url);
  const text = await refreshData(url);
  if (text !== null) return jsonResponse(text);
  return fetch(url);
}

async function answerApp(request) {
  const cache = await caches.open(APP_CACHE);
  const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (cached) return cached;
  if (request.mode === 'navigate') {
    const page = await cache.match('/');
    if (page) return page;
  }
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(answerApp(new Request('/')));
    return;
  }
  if (url.pathname.startsWith('/lang/')) {
    event.respondWith(answerCatalogue(url.pathname));
    return;
  }
  if (url.pathname.startsWith('/data/')) {
    event.respondWith(answerData(event, url.pathname, url.searchParams.has('besuch')));
    return;
  }
  event.respondWith(answerApp(request));
});
