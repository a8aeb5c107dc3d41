// Trunk post_build hook (see Trunk.toml): runs once the staging folder holds the final files.
// 1. Moves Trunk's inline module loader out of index.html into a hashed file, so the
//    Content-Security-Policy can forbid inline scripts.
// 2. Writes the list of every built file with its content hash into sw.js, so that any
//    change to any built file changes the worker's bytes (Trunk's file-name hashes are taken
//    before wasm-opt runs and do not see every change).
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
  const loader = match[1].trim() + '\n';
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
// (the browser fetches them from the manifest then), so they are not precached.
const shell = entries.filter((e) => !e.url.startsWith('/data/') && !/^\/icons\/.*\.png$/.test(e.url));
const data = entries.filter((e) => e.url.startsWith('/data/'));
const version = sha256(entries.map((e) => `${e.url} ${e.hash}`).join('\n')).slice(0, 16);
const manifest = { version, shell, data };

const swPath = join(staging, 'sw.js');
const sw = readFileSync(swPath, 'utf8');
// The placeholder in a fresh build; the earlier list when run again on a finished dist/.
const buildLine = /^const BUILD = (null; \/\/ replaced at build time by scripts\/post-build\.mjs|\{.*\};)$/m;
if (!buildLine.test(sw)) {
  console.error('post-build: sw.js lacks the BUILD placeholder line');
  process.exit(1);
}
writeFileSync(swPath, sw.replace(buildLine, () => `const BUILD = ${JSON.stringify(manifest)};`));
console.log(`post-build: loader ${loaderName}, ${shell.length} app files to precache, ${entries.length} files hashed, version ${version}`);
