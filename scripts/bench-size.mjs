// Budget check (make bench): the compressed size of everything a first visit needs to work
// offline for one family: every app file the service worker precaches (PNG icons are fetched
// by the browser only when installing), the town index, and
// the largest office file (the worst case of "the family's office"), and for the language the
// worst case too: the catalogue with the most gzip bytes and its statewide texts (German is in
// the wasm). Prints each file's raw, gzip and brotli bytes, the totals, every catalogue's size,
// and the budget (150 KB gzip, issue 12).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] || 'dist';
const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
const line = sw.split('\n').find((l) => l.startsWith('const BUILD = {'));
if (!line) throw new Error('dist/sw.js has no BUILD list: run make build first');
const build = JSON.parse(line.slice('const BUILD = '.length, -1));

const officeDir = join(dist, 'data', 'offices');
const offices = readdirSync(officeDir).map((name) => ({ url: `/data/offices/${name}`, size: readFileSync(join(officeDir, name)).length }));
offices.sort((a, b) => b.size - a.size);
const gzipOf = (path) => gzipSync(readFileSync(path), { level: 9 }).length;
const catalogues = (build.lang || [])
  .map((e) => ({ url: e.url, code: e.url.slice('/lang/'.length, -'.txt'.length) }))
  .map((c) => ({ ...c, gzip: gzipOf(join(dist, c.url.slice(1))) }))
  .sort((a, b) => b.gzip - a.gzip);
const worst = catalogues.find((c) => c.code !== 'de');
const language = worst ? [worst.url, `/data/statewide-${worst.code}.json`] : [];
const urls = ['/sw.js', ...build.shell.map((e) => e.url), '/data/index.json', ...(offices.length ? [offices[0].url] : []), ...language];

const KB = 1024;
let raw = 0, gz = 0, br = 0;
const rows = urls.map((url) => {
  const path = join(dist, url === '/' ? 'index.html' : url.slice(1));
  const bytes = readFileSync(path);
  const g = gzipSync(bytes, { level: 9 }).length;
  const b = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  raw += bytes.length; gz += g; br += b;
  return [url, bytes.length, g, b];
});
const pad = (s, n) => String(s).padStart(n);
console.log('first visit, one family: file, raw bytes, gzip bytes, brotli bytes');
for (const [url, r, g, b] of rows) console.log(`  ${url.padEnd(48)} ${pad(r, 9)} ${pad(g, 9)} ${pad(b, 9)}`);
console.log(`  ${'TOTAL'.padEnd(48)} ${pad(raw, 9)} ${pad(gz, 9)} ${pad(br, 9)}`);
const index = rows.find(([url]) => url === '/data/index.json');
console.log(`town index (/data/index.json): ${index[1]} B raw, ${index[2]} B gzip (${(index[2] / KB).toFixed(1)} KB), ${offices.length} office files`);
console.log('catalogues (gzip bytes; de is built into the wasm): ' + catalogues.map((c) => `${c.code} ${c.gzip}`).join(', '));
const verdict = gz <= 150 * KB ? 'within budget' : 'OVER BUDGET';
console.log(`first-visit gzip total: ${(gz / KB).toFixed(1)} KB (budget 150 KB, language ${worst ? worst.code : 'de'}): ${verdict}`);
if (gz > 150 * KB) process.exitCode = 1;
