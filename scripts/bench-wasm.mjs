// Figures (make bench): the shipped wasm against an empty Leptos app, and where its bytes go.
// 1. The shipped wasm (dist/*_bg.wasm): raw and gzip (level 9) bytes.
// 2. The same for bench/empty-leptos (one component, one paragraph), built like the app:
//    release profile (opt-level z, lto, codegen-units 1, panic abort), --cfg erase_components,
//    wasm-bindgen --target web, wasm-opt -Oz; and the app's ratio to it.
// 3. twiggy top on the app's wasm after wasm-bindgen and wasm-opt -Oz -g: the shipped code
//    with the function names kept (-g only keeps the name section; the code is the same within
//    a few bytes), the 15 largest items and a rough sum by crate.
// Needs cargo, wasm-bindgen and wasm-opt on PATH and twiggy in target/tools/bin (make bench
// installs it). Figures only, no budget: exits non-zero only when something could not be built.
// Usage: node scripts/bench-wasm.mjs [DIST]. Intermediate files go to a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.argv[2] || join(ROOT, 'dist');
const TWIGGY = join(ROOT, 'target', 'tools', 'bin', 'twiggy');
const APP_WASM = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'kekiz-begleiter.wasm');
const EMPTY_TARGET = join(ROOT, 'target', 'bench-empty-leptos');
const EMPTY_WASM = join(EMPTY_TARGET, 'wasm32-unknown-unknown', 'release', 'empty-leptos.wasm');

const sh = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'inherit'], ...options });
const sizes = (path) => {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
};
// wasm-bindgen and wasm-opt -Oz as Trunk calls them (same --out-name, so the same import names).
function bindgenAndOpt(input, name, dir, extra = []) {
  sh('wasm-bindgen', ['--target=web', `--out-dir=${dir}`, `--out-name=${name}`, '--no-typescript', input]);
  const out = join(dir, `${name}-opt.wasm`);
  sh('wasm-opt', [`--output=${out}`, '-Oz', join(dir, `${name}_bg.wasm`), ...extra]);
  return out;
}

const shippedName = readdirSync(dist).find((name) => name.endsWith('_bg.wasm'));
if (!shippedName) throw new Error(`no *_bg.wasm in ${dist}: run make build first`);
const shipped = sizes(join(dist, shippedName));

const tmp = mkdtempSync(join(tmpdir(), 'kekiz-wasm-'));
try {
  // The reference app. RUSTFLAGS replaces any rustflags from .cargo/config.toml, so the flag
  // is exactly this one whatever the app's configuration says.
  sh('cargo', ['build', '--quiet', '--release', '--locked', '--target', 'wasm32-unknown-unknown',
    '--manifest-path', join(ROOT, 'bench', 'empty-leptos', 'Cargo.toml'), '--target-dir', EMPTY_TARGET],
  { env: { ...process.env, RUSTFLAGS: '--cfg erase_components' }, stdio: ['ignore', 'inherit', 'inherit'] });
  const empty = sizes(bindgenAndOpt(EMPTY_WASM, 'empty-leptos', join(tmp, 'empty')));

  const KB = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`wasm shipped (${shippedName}): ${shipped.raw} B raw, ${shipped.gz} B gzip -9 (${KB(shipped.gz)})`);
  console.log(`wasm of an empty Leptos 0.8 CSR app (bench/empty-leptos, same profile, flags and tools): ${empty.raw} B raw, ${empty.gz} B gzip -9 (${KB(empty.gz)})`);
  console.log(`wasm ratio to the empty app: ${(shipped.raw / empty.raw).toFixed(2)}x raw, ${(shipped.gz / empty.gz).toFixed(2)}x gzip; the app's own share: ${shipped.gz - empty.gz} B gzip`);

  // twiggy on the shipped code with names: the cargo output of the last release build.
  const named = bindgenAndOpt(APP_WASM, 'kekiz-begleiter', join(tmp, 'app'), ['-g']);
  const namedSizes = sizes(named);
  const csv = sh(TWIGGY, ['top', '-n', '1000000', '-f', 'csv', named]);
  const rows = csv.trim().split('\n').slice(1).map((line) => {
    const match = line.match(/^(.*),(\d+),([\d.]+),[^,]*,[^,]*$/);
    return { name: match[1].replace(/^"(.*)"$/, '$1').replace(/""/g, '"'), bytes: Number(match[2]) };
  });
  const names = rows.filter((r) => /^"function names" subsection$|names" subsection$/.test(r.name)).reduce((n, r) => n + r.bytes, 0);
  const code = rows.filter((r) => !/ subsection$/.test(r.name));
  const total = code.reduce((n, r) => n + r.bytes, 0);
  console.log(`twiggy top 15 (wasm-bindgen + wasm-opt -Oz -g of target/wasm32-unknown-unknown/release/kekiz-begleiter.wasm: ` +
    `${namedSizes.raw} B, of which ${names} B name section; ${total} B counted below):`);
  for (const r of code.slice(0, 15)) console.log(`  ${String(r.bytes).padStart(7)} ${(100 * r.bytes / total).toFixed(2).padStart(6)}%  ${r.name.slice(0, 140)}`);
  // By crate: the crate in each function's path (for `<A as B>::f`, A's crate, or B's when A
  // is a primitive or a type parameter); generic code is counted where it was written, not
  // where it was used. Data segments, functions without a name and wasm structure apart.
  const crateOf = (path) => {
    const clean = path.replace(/^(<|&|mut |dyn |impl |\*const |\*mut |\(|\[)+/g, '');
    const m = clean.match(/^([A-Za-z_][A-Za-z0-9_]*)(\[[0-9a-f]+\])?(::)?/);
    return m && m[3] ? m[1] : null;
  };
  const byCrate = new Map();
  for (const r of code) {
    let key;
    if (r.name.startsWith('data segment')) key = '(data segments)';
    else if (/^code\[\d+\]$/.test(r.name)) key = '(functions without a name)';
    else if (/^(elem|table|type|import|export|global|memory|code section|custom section)\b|^"/.test(r.name)) key = '(wasm structure)';
    else {
      const as = r.name.match(/^<(.+?) as (.+?)>::/);
      key = (as ? crateOf(as[1]) || crateOf(as[2]) : crateOf(r.name)) || '(other)';
    }
    byCrate.set(key, (byCrate.get(key) || 0) + r.bytes);
  }
  const crates = [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15);
  console.log('twiggy by crate (rough: the crate named in each item path):');
  for (const [name, bytes] of crates) console.log(`  ${String(bytes).padStart(7)} ${(100 * bytes / total).toFixed(1).padStart(5)}%  ${name}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
