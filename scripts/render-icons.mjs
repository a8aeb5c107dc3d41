// Renders the PNG app icons from their SVG sources in public/icons with Debian's Chromium.
// Run by hand after changing an SVG (`node scripts/render-icons.mjs`); the PNGs are committed
// so that building and running the app need no browser.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const icons = [
  ['icon.svg', 'icon-192.png', 192],
  ['icon.svg', 'icon-512.png', 512],
  ['icon-maskable.svg', 'icon-maskable-512.png', 512],
  ['icon-maskable.svg', 'apple-touch-icon.png', 180],
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
for (const [source, target, size] of icons) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const svg = readFileSync(`public/icons/${source}`, 'utf8');
  await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
  await page.screenshot({ path: `public/icons/${target}`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('rendered', icons.map((i) => i[1]).join(', '));
