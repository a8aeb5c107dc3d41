// Trunk post_build hook (see Trunk.toml): runs once the staging folder holds the final files.
// 1. Moves Trunk's inline module loader out of index.html into a hashed file, so the
//    Content-Security-Policy can forbid inline scripts.
// 2. Writes the list of every app file with its content hash into sw.js, so that any change
//    to the app changes the worker's bytes (Trunk's file-name hashes are taken before wasm-opt
//    runs and do not see every change). Data files are left out on purpose: a data-only deploy
//    must not look like a new version of the app; the worker refreshes data on its own.
// 3. Writes the data format number (FORMAT_VERSION in crates/core/src/directory.rs, its one
//    home) into sw.js.
// Before all that, it shrinks what every first visit downloads (figures measured for issue 12):
// a. the names between the wasm and its JavaScript glue: wasm-opt gives the 211 imports and 34
//    exports short names (their hashed names do not compress) and the glue is rewritten to match;
// b. wasm-bindgen's glue and the style sheet are minified with esbuild (npm, pinned; Trunk's own
//    minifier fails on the glue);
// and writes the new integrity hashes of these files into index.html.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('post-build: TRUNK_STAGING_DIR is not set; run this hook from Trunk');
  process.exit(1);
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 0. Only on a fresh build: a finished dist/ (the update test runs this again) is left as it is.
const glueName = readdirSync(staging).find((name) => /^kekiz-begleiter-[0-9a-f]+\.js$/.test(name));
const wasmName = readdirSync(staging).find((name) => /^kekiz-begleiter-[0-9a-f]+_bg\.wasm$/.test(name));
if (!glueName || !wasmName) {
  console.error('post-build: the wasm or its glue is missing; did Trunk change its output?');
  process.exit(1);
}
const gluePath = join(staging, glueName);
const wasmPath = join(staging, wasmName);
let glue = readFileSync(gluePath, 'utf8');
const importModule = '"./kekiz-begleiter_bg.js": import0,';
const fresh = glue.includes(importModule);
const cssName = readdirSync(staging).find((name) => /^main-[0-9a-f]+\.css$/.test(name));
if (!cssName) {
  console.error('post-build: no style sheet; did Trunk change its output?');
  process.exit(1);
}
if (fresh) {
  // 0a. Short import and export names.
  const wasmOpt = new URL('../node_modules/.bin/wasm-opt', import.meta.url).pathname;
  const names = JSON.parse(execFileSync(wasmOpt, ['--minify-imports-and-exports-and-modules', wasmPath, '-o', wasmPath],
    { encoding: 'utf8', maxBuffer: 16 << 20, stdio: ['ignore', 'pipe', 'inherit'] }));
  const fail = (what) => {
    console.error(`post-build: renaming the wasm's imports and exports: ${what}; did wasm-bindgen change its glue?`);
    process.exit(1);
  };
  // Every module becomes "a" (binaryen's rule for this pass), every import a key of import0.
  glue = glue.replace(importModule, '"a": import0,');
  for (const [, from, to] of names.imports) {
    const key = new RegExp(`^(\\s*)${from}(: function\\b)`, 'm');
    if (!key.test(glue)) fail(`import ${from} is not a key of the glue's import object`);
    glue = glue.replace(key, (whole, indent, rest) => `${indent}${JSON.stringify(to)}${rest}`);
  }
  const exported = new Map(names.exports);
  glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, from) => {
    const to = exported.get(from);
    if (to === undefined) fail(`the glue uses the export ${from}, which the wasm does not have`);
    return /^[A-Za-z_$][\w$]*$/.test(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`;
  });
  writeFileSync(gluePath, glue);

  // 0b. Minify the glue and the style sheet.
  const esbuild = new URL('../node_modules/.bin/esbuild', import.meta.url).pathname;
  for (const name of [glueName, cssName]) {
    const path = join(staging, name);
    execFileSync(esbuild, [path, '--minify', '--log-level=warning', `--outfile=${path}`, '--allow-overwrite',
      ...(name.endsWith('.js') ? ['--format=esm', '--target=es2020'] : [])], { stdio: ['ignore', 'inherit', 'inherit'] });
  }
}
for (const name of [glueName, cssName, wasmName]) {
  const integrity = 'sha384-' + createHash('sha384').update(readFileSync(join(staging, name))).digest('base64');
  const link = new RegExp(`(href="/${name.replace(/[.]/g, '\\.')}"[^>]*integrity=")[^"]+"`);
  if (!link.test(html)) {
    console.error(`post-build: no integrity attribute for ${name} in index.html; did Trunk change its output?`);
    process.exit(1);
  }
  html = html.replace(link, `$1${integrity}"`);
}

// 1. The loader. (Run again on a finished dist/, as the update test does, there is none left.)
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
