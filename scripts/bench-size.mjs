// Budget check (make bench): the compressed size of everything a first visit needs to work
// offline for one family: every app file the service worker precaches (PNG icons are fetched
// by the browser only when installing), the town index, and
// the largest office file (the worst case of "the family's office"). Prints each file's raw,
// gzip and brotli bytes, the totals, and the budget (200 KB gzip, aim 150 KB).
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
const urls = ['/sw.js', ...build.shell.map((e) => e.url), '/data/index.json', ...(offices.length ? [offices[0].url] : [])];

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
const verdict = gz <= 150 * KB ? 'within the aim' : gz <= 200 * KB ? 'within budget, above the aim' : 'OVER BUDGET';
console.log(`first-visit gzip total: ${(gz / KB).toFixed(1)} KB (budget 200 KB, aim 150 KB): ${verdict}`);
if (gz > 200 * KB) process.exitCode = 1;
