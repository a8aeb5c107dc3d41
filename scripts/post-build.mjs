// Trunk post_build hook (see Trunk.toml): runs once the staging folder holds the final files.
// 1. Moves Trunk's inline module loader out of index.html into a hashed file, so the
//    Content-Security-Policy can forbid inline scripts.
// 2. Writes the list of every app file with its content hash into sw.js, so that any change
//    to the app changes the worker's bytes (Trunk's file-name hashes are taken before wasm-opt
//    runs and do not see every change). Data files are left out on purpose: a data-only deploy
//    must not look like a new version of the app; the worker refreshes data on its own.
// 3. Writes the data format number (FORMAT_VERSION in crates/core/src/directory.rs, its one
//    home) into sw.js.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this hook from Trunk');
  process.exit(1);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

// 1. The loader. (Run again on a finished dist/, as the update test does, there is none left.)
const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
const inline = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/;
const match = html.match(inline);
let loaderName = readdirSync(staging).find((name) => /^boot-[0-9a-f]{16}\.js$/.test(name));
if (match) {
  // Start the app only once the browser has painted the static first screen of index.html
  // (its first-contentful-paint entry; at most 1 s, a hidden tab never paints): that paint is
  // then the page's largest contentful paint, not the app's copy of it.
  // Only on a first visit: when the service worker answers (an installed, offline start) the app
  // starts at once, so that the family's page is there as fast as the device allows.
  const waitForPaint = "if (!(navigator.serviceWorker && navigator.serviceWorker.controller)) await new Promise((resolve) => { if (performance.getEntriesByName('first-contentful-paint').length) return resolve(); new PerformanceObserver(resolve).observe({ type: 'paint', buffered: true }); setTimeout(resolve, 1000); });";
  const loader = match[1].trim().replace(/^(const wasm = await init)/m, `${waitForPaint}\n$1`) + '\n';
  loaderName = `boot-${sha256(loader).slice(0, 16)}.js`;
  for (const old of readdirSync(staging)) {
    if (/^boot-[0-9a-f]{16}\.js$/.test(old)) unlinkSync(join(staging, old));
  }
  writeFileSync(join(staging, loaderName), loader);
  html = html.replace(inline, `<script type="module" src="/${loaderName}"></script>`);
} else if (!loaderName) {
  console.error('post-build: no inline module script found in index.html; did Trunk change its output?');
  process.exit(1);
}
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('post-build: index.html still holds an inline script; the CSP would block it');
  process.exit(1);
}
// The page's own policy must be the server's (less frame-ancestors, which only a header can set).
const headers = readFileSync(new URL('../deploy/nginx/security-headers.conf', import.meta.url), 'utf8');
const headerPolicy = headers.match(/Content-Security-Policy "([^"]+)"/);
const metaPolicy = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
const withoutFrameAncestors = (policy) => policy.split(';').map((d) => d.trim()).filter((d) => d && !d.startsWith('frame-ancestors')).join('; ');
if (!headerPolicy || !metaPolicy || withoutFrameAncestors(headerPolicy[1]) !== withoutFrameAncestors(metaPolicy[1])) {
  console.error('post-build: the Content-Security-Policy in index.html differs from deploy/nginx/security-headers.conf');
  process.exit(1);
}
writeFileSync(indexPath, html);

// 2. The precache list.
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(staging)
  .map((path) => relative(staging, path).split(sep).join('/'))
  .filter((url) => url !== 'sw.js')
  .sort();
const entries = files.map((url) => ({
  url: url === 'index.html' ? '/' : '/' + url,
  hash: sha256(readFileSync(join(staging, url))).slice(0, 16),
  bytes: statSync(join(staging, url)).size,
}));
// The app shell: every file the app needs to run offline. PNG icons are only for installing
// (the browser fetches them from the manifest then), and robots.txt only for crawlers, so
// neither is precached. Catalogues (/lang/) are cached only for the language a family uses,
// when it is first fetched; they belong to the version like every app file (their keys change
// with the code).
const isCatalogue = (e) => e.url.startsWith('/lang/');
const shell = entries.filter((e) => !e.url.startsWith('/data/') && !isCatalogue(e) && !/^\/icons\/.*\.png$/.test(e.url) && e.url !== '/robots.txt');
const lang = entries.filter(isCatalogue).map(({ url, hash }) => ({ url, hash }));
const version = sha256([...shell, ...lang].map((e) => `${e.url} ${e.hash}`).join('\n')).slice(0, 16);
const manifest = { version, shell, lang };

// 3. The data format number, from the Rust source that defines it.
const directory = readFileSync(new URL('../crates/core/src/directory.rs', import.meta.url), 'utf8');
const format = directory.match(/^pub const FORMAT_VERSION: u32 = (\d+);$/m);
if (!format) {
  console.error('post-build: FORMAT_VERSION not found in crates/core/src/directory.rs');
  process.exit(1);
}

const swPath = join(staging, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
// The placeholder in a fresh build; the earlier list when run again on a finished dist/.
const buildLine = /^const BUILD = (null; \/\/ replaced at build time by scripts\/post-build\.mjs|\{.*\};)$/m;
if (!buildLine.test(sw)) {
  console.error('post-build: sw.js lacks the BUILD placeholder line');
  process.exit(1);
}
const formatLine = /^const DATA_FORMAT = (null|\d+); \/\/ replaced at build time by scripts\/post-build\.mjs$/m;
if (!formatLine.test(sw)) {
  console.error('post-build: sw.js lacks the DATA_FORMAT placeholder line');
  process.exit(1);
}
writeFileSync(
  swPath,
  sw
    .replace(buildLine, () => `const BUILD = ${JSON.stringify(manifest)};`)
    .replace(formatLine, () => `const DATA_FORMAT = ${format[1]}; // replaced at build time by scripts/post-build.mjs`),
);
console.log(`post-build: loader ${loaderName}, ${shell.length} app files to precache, ${lang.length} catalogues, ${entries.length} files hashed, version ${version}`);
