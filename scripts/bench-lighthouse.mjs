// Budget check (make bench): Lighthouse on the built app, served by nginx with the project's
// configuration (gzip on, as in production; tests/e2e/harness.mjs starts scripts/serve.sh).
// Three runs of Lighthouse 13 (bench/: npm lighthouse 13.5.0 run by npm node 22.23.3, installed
// by `npm ci --prefix bench`), mobile form factor with Lighthouse's default throttling, in
// Debian's Chromium. Prints each run and the median of the four category scores, LCP and TBT.
// Budget: median performance >= 98, accessibility, best practices and SEO 100.
// Usage: node scripts/bench-lighthouse.mjs [DIST] [RUNS]. Reports go to a temporary folder.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, ROOT, DIST } from '../tests/e2e/harness.mjs';

const dist = process.argv[2] || DIST;
const RUNS = Number(process.argv[3] || 3);
const NODE = join(ROOT, 'bench', 'node_modules', 'node', 'bin', 'node');
const LIGHTHOUSE = join(ROOT, 'bench', 'node_modules', 'lighthouse', 'cli', 'index.js');
const CHROME = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// TOOLCHAIN.md: without the networking flags Chromium keeps trying to reach Google's hosts.
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const BUDGET = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

for (const [what, path] of [['Node 22', NODE], ['Lighthouse', LIGHTHOUSE]]) {
  if (!existsSync(path)) throw new Error(`${what} missing (${path}): run npm ci --prefix bench`);
}

// Asynchronous on purpose (TOOLCHAIN.md): nothing here may block while Lighthouse loads pages.
function run(command, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}: ${stderr.slice(-2000)}`))));
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const server = await startServer(dist);
const tmp = mkdtempSync(join(tmpdir(), 'kekiz-lighthouse-'));
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const out = join(tmp, `run-${i + 1}.json`);
    // Lighthouse fails now and then for reasons of its own (NO_NAVSTART, a lost connection to
    // Chromium): such a run is tried again, twice at most, and said so.
    let report;
    for (let attempt = 1; !report; attempt++) {
      try {
        await run(NODE, [
          LIGHTHOUSE, `${server.url}/`,
          '--quiet', '--output=json', `--output-path=${out}`,
          '--form-factor=mobile', `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-flags=${CHROME_FLAGS}`,
        ], { CHROME_PATH: CHROME });
        const parsed = JSON.parse(readFileSync(out, 'utf8'));
        if (parsed.runtimeError) throw new Error(`${parsed.runtimeError.code} ${parsed.runtimeError.message}`);
        report = parsed;
      } catch (error) {
        console.log(`lighthouse run ${i + 1}, attempt ${attempt} failed: ${String(error.message).split('\n')[0]}`);
        if (attempt === 3) throw error;
      }
    }
    const audit = (id) => report.audits[id]?.numericValue ?? NaN;
    const figures = {
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((report.categories[c]?.score ?? 0) * 100)])),
      fcp: audit('first-contentful-paint'),
      lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'),
      si: audit('speed-index'),
      cls: audit('cumulative-layout-shift'),
      // Audits that cost points outside performance: what to fix when a category is below 100.
      failing: CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
        (report.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score !== null && report.audits[ref.id]?.score < 1)
          .map((ref) => `${c}/${ref.id}`)),
      lcpElement: report.audits['lcp-breakdown-insight']?.details?.items?.find((item) => item.type === 'node'),
    };
    runs.push(figures);
    const s = figures.scores;
    console.log(`lighthouse run ${i + 1}: performance ${s.performance}, accessibility ${s.accessibility}, best-practices ${s['best-practices']}, seo ${s.seo}; ` +
      `FCP ${figures.fcp.toFixed(0)} ms, LCP ${figures.lcp.toFixed(0)} ms, TBT ${figures.tbt.toFixed(0)} ms, SI ${figures.si.toFixed(0)} ms, CLS ${figures.cls.toFixed(3)}` +
      (figures.failing.length ? `; failing: ${figures.failing.join(' ')}` : ''));
    if (figures.lcpElement) console.log(`  LCP element: ${figures.lcpElement.selector} "${figures.lcpElement.nodeLabel}"`);
  }
} finally {
  await server.dispose();
  rmSync(tmp, { recursive: true, force: true });
}

const med = Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))]));
const lcp = median(runs.map((r) => r.lcp));
const tbt = median(runs.map((r) => r.tbt));
console.log(`lighthouse median of ${RUNS} (mobile, default throttling): performance ${med.performance}, accessibility ${med.accessibility}, ` +
  `best-practices ${med['best-practices']}, seo ${med.seo}; LCP ${lcp.toFixed(0)} ms, TBT ${tbt.toFixed(0)} ms`);
const over = CATEGORIES.filter((c) => med[c] < BUDGET[c]);
console.log(`lighthouse budget (performance >= 98, the others 100): ${over.length ? `OVER BUDGET (${over.join(', ')})` : 'within budget'}`);
if (over.length) process.exitCode = 1;
