// The volunteer's visit mode (issue 6): an offline visit, the QR hand-over that opens a
// prefilled onboarding, "Besuch beenden" leaving nothing behind, and one printed A4 page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import {
  sharedServerAndBrowser, watch, waitForApp, isoDay, chooseTown, onboard, sectionText, dataLoaded,
} from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  return { context, page, watcher };
}

async function startVisit(page, { query, option, birth }) {
  await page.getByRole('link', { name: 'Besuchsmodus' }).click();
  await page.getByRole('heading', { level: 1, name: 'Besuchsmodus' }).waitFor();
  await chooseTown(page, query, option);
  await page.getByLabel('Geburtsdatum').fill(birth);
  await page.getByRole('button', { name: 'Angebote der Familie zeigen' }).click();
  await page.getByRole('heading', { level: 1, name: /Besuch: Angebote in/ }).waitFor();
  await dataLoaded(page);
}

/** Everything the browser stores for this origin, in words a test can compare. */
function storedEverywhere(page) {
  return page.evaluate(async () => {
    const cacheEntries = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cacheEntries.push(new URL(request.url).pathname);
    }
    const local = {};
    for (const key of Object.keys(localStorage)) local[key] = localStorage.getItem(key);
    return {
      local,
      session: Object.keys(sessionStorage),
      indexedDb: (await indexedDB.databases()).map((d) => d.name),
      cacheEntries,
    };
  });
}

test('an offline visit for a town with its own office, after keeping its Kreis ready', async () => {
  const { context, page, watcher } = await freshPage();
  await page.getByRole('link', { name: 'Besuchsmodus' }).click();
  await page.getByLabel('Kreis').selectOption('Unna');
  assert.match(await page.locator('.size').innerText(), /\d+ Dateien, zusammen [\d,]+ (KB|Bytes)/);
  await page.getByRole('button', { name: 'Offline bereithalten' }).click();
  await page.getByText(/Bereit für Besuche ohne Netz: \d+ Dateien\. Stand der Angebote: /).waitFor();

  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await startVisit(page, { query: 'Lünen', option: /Lünen/, birth: isoDay(-61) });
  assert.match(await sectionText(page, 'Begrüßungsbesuch'), /Familienbüro der Stadt Lünen/);
  await page.getByRole('heading', { level: 2, name: 'Vorsorge-Untersuchungen' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kekiz.profile')), null, 'the visit stores no profile');
  assert.deepEqual(watcher.foreignRequests(), []);
  await context.close();
});

test('the QR code is on the page and opens a prefilled onboarding on the family\'s phone', async () => {
  const { context, page } = await freshPage();
  const birth = isoDay(-61);
  await startVisit(page, { query: 'Lünen', option: /Lünen/, birth });
  const qr = page.getByRole('img', { name: /QR/ });
  await qr.waitFor();
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(decoded, 'the QR image decodes');
  const link = new URL(decoded.data);
  const month = birth.slice(0, 7);
  assert.equal(link.origin, server.url);
  assert.deepEqual(Object.fromEntries(link.searchParams), { ort: '05978024', geboren: month });
  assert.ok(!decoded.data.includes(birth), 'no exact date in the link');
  await context.close();

  // The family's phone: a browser that has never seen the app.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const family = await phone.newPage();
  await family.goto(decoded.data);
  await waitForApp(family);
  await family.getByText('Wohnort und Geburtsmonat wurden aus dem Link übernommen').waitFor();
  assert.equal(await family.getByRole('combobox', { name: 'Wohnort' }).inputValue(), 'Lünen');
  assert.equal(await family.getByLabel('Geburtsdatum').inputValue(), `${month}-01`);
  assert.equal(await family.evaluate(() => localStorage.getItem('kekiz.profile')), null, 'waits for the family to confirm');
  await family.getByLabel('Geburtsdatum').fill(birth);
  await family.getByRole('button', { name: 'Speichern und Angebote zeigen' }).click();
  await family.getByRole('heading', { level: 1, name: /Angebote für Ihr Kind in Lünen/ }).waitFor();
  assert.equal(new URL(family.url()).search, '', 'the link\'s data leaves the address after saving');
  await phone.close();
});

test('"Besuch beenden" leaves nothing of the visited family in any storage', async () => {
  const { context, page } = await freshPage();
  // The volunteer's own family, which the visit must not touch.
  await onboard(page, { query: 'Köln', option: /^Köln/, birth: isoDay(-400) });
  const own = await storedEverywhere(page);
  await startVisit(page, { query: 'Greven', option: /Greven/, birth: isoDay(-61) });
  assert.match(await sectionText(page, 'Angebote jetzt'), /Café Kinderwagen/);
  const during = await storedEverywhere(page);
  assert.ok(!during.cacheEntries.some((p) => p.includes('greven')), 'the visit\'s office file is never stored');
  assert.deepEqual(during.local, own.local, 'the visit writes nothing to localStorage');
  await page.getByRole('button', { name: 'Besuch beenden' }).first().click();
  await page.getByText('Besuch beendet.').waitFor();
  const afterwards = await storedEverywhere(page);
  assert.deepEqual(afterwards.local, own.local, 'localStorage holds only the volunteer\'s own data, unchanged');
  assert.deepEqual(afterwards.session, []);
  assert.deepEqual(afterwards.indexedDb, []);
  assert.ok(!afterwards.cacheEntries.some((p) => p.includes('greven')), 'no office file of the visit');
  assert.doesNotMatch(JSON.stringify(afterwards), /05566012|Greven|greven/);
  await context.close();
});

test('the printed page is one A4 sheet with contact, offers, check-ups, deadlines, QR and Stand', async () => {
  const { context, page } = await freshPage();
  await startVisit(page, { query: 'Merzenich', option: /Merzenich/, birth: isoDay(-61) });
  await page.getByRole('img', { name: /QR/ }).waitFor();
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('main').innerText();
  for (const part of ['Begrüßungsbesuch', 'Willkommen im Leben', 'Angebote jetzt', 'Schnullercafé Merzenich', 'montags', 'Als Nächstes', 'Vorsorge-Untersuchungen', 'Fristen', 'Stand der Angebote: ']) {
    assert.ok(printed.includes(part), `the print shows ${part}`);
  }
  assert.ok(await page.getByRole('img', { name: /QR/ }).isVisible(), 'the QR code is printed');
  assert.equal(await page.getByRole('button', { name: 'Besuch beenden' }).first().isVisible(), false, 'buttons are not printed');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the print fits one page (got ${pages})`);
  await context.close();
});

test('the calendar file holds the check-up windows as all-day events with reminders', async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await waitForApp(page);
  await onboard(page, { query: 'Greven', option: /Greven/, birth: isoDay(-61) });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'In den Kalender' }).click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  assert.match(text, /^BEGIN:VCALENDAR\r\n/);
  assert.match(text, /DTSTART;VALUE=DATE:\d{8}\r\n/);
  assert.match(text, /TRIGGER:-P7D\r\n/);
  assert.match(text, /UID:kind-1-u4@kekiz-begleiter\r\n/);
  await context.close();
});
