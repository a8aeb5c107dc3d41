// KeKiz-Begleiter service worker. Hand-written; loads nothing from any other host.
// - install: precache every built app file (the BUILD list below) and the town index;
// - navigations: answered with the cached page, so the app starts without signal;
// - app files: cache first (their names or the BUILD version change with their content);
// - data files (/data/…): answered from the cache at once and refreshed in the background; a
//   new copy replaces the old one only when it is complete, valid JSON of the right format;
// - a new version waits until the page asks it to take over (SKIP_WAITING), never by itself;
// - activate: deletes the caches of older versions.
// The build (scripts/post-build.mjs) replaces the BUILD line with the list of every built file
// and its content hash, so any change to any built file changes these bytes.
const BUILD = null; // replaced at build time by scripts/post-build.mjs
const APP_CACHE = `kekiz-app-${BUILD.version}`;
// Data files keep their names across app versions; their cache is named after the data
// format, so a waiting new version never replaces what the running one reads.
const DATA_FORMAT = 2;
const DATA_CACHE = `kekiz-data-v${DATA_FORMAT}`;
const INDEX_URL = '/data/index.json';

// A fresh copy from the server, past the HTTP cache and without leaving a copy there.
const fetchFresh = (url) => fetch(new Request(url, { cache: 'no-store' }));

// Whether a data file's text is complete and of the format this app reads. A truncated or
// otherwise broken download fails here and never replaces a good copy.
function validData(url, text) {
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  if (!value || value.format !== DATA_FORMAT) return false;
  if (url.endsWith(INDEX_URL)) return Array.isArray(value.towns) && Array.isArray(value.offices) && !!value.statewide;
  return !!value.office && typeof value.office.id === 'string' && Array.isArray(value.offers);
}

// Fetches a data file and stores it if valid. Resolves to the stored text, or null when the
// download failed or was invalid (the old copy, if any, stays). With `onlyIfKept`, a file
// deleted meanwhile ("Alle Daten löschen", a family's office file) is not written back.
async function refreshData(url, onlyIfKept = false) {
  let response;
  try {
    response = await fetchFresh(url);
  } catch {
    return null;
  }
  if (!response.ok) return null;
  const text = await response.text();
  if (!validData(url, text)) return null;
  const cache = await caches.open(DATA_CACHE);
  const old = await cache.match(url);
  if (onlyIfKept && !old) return null;
  const oldText = old ? await old.text() : null;
  await cache.put(url, new Response(text, { headers: { 'Content-Type': 'application/json' } }));
  if (oldText !== null && oldText !== text) {
    const clients = await self.clients.matchAll({ type: 'window' });
    for (const client of clients) client.postMessage({ type: 'DATA_UPDATED', url: new URL(url, self.location.origin).pathname });
  }
  return text;
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

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      await precacheShell();
      // Every family needs the town index; office files are kept when a family needs them.
      const stored = await (await caches.open(DATA_CACHE)).match(INDEX_URL);
      if (!(await refreshData(INDEX_URL)) && !stored) throw new Error('the town index could not be stored');
    })()
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('kekiz-app-') && n !== APP_CACHE).map((n) => caches.delete(n)));
      // Take over pages opened before the first install; later versions only activate when
      // the page asked (SKIP_WAITING) and reloads anyway.
      await self.clients.claim();
    })()
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'SKIP_WAITING') self.skipWaiting();
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
  if (text !== null) return new Response(text, { headers: { 'Content-Type': 'application/json' } });
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
  if (url.pathname.startsWith('/data/')) {
    event.respondWith(answerData(event, url.pathname, url.searchParams.has('besuch')));
    return;
  }
  event.respondWith(answerApp(request));
});
