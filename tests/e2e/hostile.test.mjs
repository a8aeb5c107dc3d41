// Hostile input: an import file far over the size cap is refused at once, before it is read,
// and changes nothing; an export over the caps on children and names is refused naming the
// limit; a hand-over link's own text never shows up in its error message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedServerAndBrowser, waitForApp, isoDay, onboard } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

/** A page whose file reads are counted in `window.__fileReads` (Blob.text, FileReader). */
async function countingPage() {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  await context.addInitScript(() => {
    window.__fileReads = 0;
    const text = Blob.prototype.text;
    Blob.prototype.text = function countedText() {
      window.__fileReads += 1;
      return text.call(this);
    };
    const arrayBuffer = Blob.prototype.arrayBuffer;
    Blob.prototype.arrayBuffer = function countedArrayBuffer() {
      window.__fileReads += 1;
      return arrayBuffer.call(this);
    };
    for (const name of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']) {
      const read = FileReader.prototype[name];
      FileReader.prototype[name] = function countedRead(...args) {
        window.__fileReads += 1;
        return read.apply(this, args);
      };
    }
  });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await waitForApp(page);
  return { context, page };
}

const stored = (page) => page.evaluate(() => localStorage.getItem('kekiz.profile'));

/** Onboards a family in Köln and opens settings; returns the stored profile's text. */
async function familyInSettings(page) {
  await onboard(page, { query: 'Köln', option: /^Köln/, birth: isoDay(-61), name: 'Lea' });
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
  const text = await stored(page);
  assert.match(text, /05315000/);
  return text;
}

test('a 20 MB import file is refused at once, unread, and the stored profile stays byte for byte', async () => {
  const { context, page } = await countingPage();
  const before = await familyInSettings(page);
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-hostile-'));
  const big = join(dir, 'riesig.json');
  // Starts like an export, then 20 MB of padding: only its size gives it away.
  const head = '{"app":"kekiz-begleiter","exported":"2026-01-01","profile":';
  writeFileSync(big, head + ' '.repeat(20 * 1024 * 1024 - head.length - 1) + '}');

  const started = Date.now();
  await page.locator('input[type=file]').setInputFiles(big);
  const message = page.getByText(/konnte nicht übernommen werden: Die Datei ist zu groß \(20,0 MB\)\. Eine Export-Datei des KeKiz-Begleiters ist höchstens 256 KB groß\. Ihre bisherigen Daten sind unverändert\./);
  await message.waitFor({ timeout: 2_000 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 2_000, `refused after ${elapsed} ms`);
  assert.equal(await page.evaluate(() => window.__fileReads), 0, 'the file was not read');
  assert.equal(await stored(page), before, 'the stored profile is byte-identical');

  // Still the same family after a reload.
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /Angebote für Lea in Köln/ }).waitFor();
  assert.equal(await stored(page), before);
  rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('an export with 21 children or a 41-character name is refused, naming the limit', async () => {
  const { context, page } = await countingPage();
  const before = await familyInSettings(page);
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-hostile-'));
  const exportOf = (children) => JSON.stringify({
    app: 'kekiz-begleiter',
    exported: '2026-01-01',
    profile: { schema: 3, town: '05315000', children },
  });
  const child = (id, nickname) => ({ id, nickname, birth: { born: isoDay(-61) } });

  const crowded = join(dir, 'viele.json');
  writeFileSync(crowded, exportOf(Array.from({ length: 21 }, (_, i) => child(i + 1, `Kind ${i + 1}`))));
  await page.locator('input[type=file]').setInputFiles(crowded);
  await page.getByText(/konnte nicht übernommen werden: Die App kann höchstens 20 Kinder verwalten\. Ihre bisherigen Daten sind unverändert\./).waitFor();
  assert.equal(await stored(page), before);

  const longName = join(dir, 'langer-name.json');
  writeFileSync(longName, exportOf([child(1, 'N'.repeat(41))]));
  await page.locator('input[type=file]').setInputFiles(longName);
  await page.getByText(/Ein Name ist länger als 40 Zeichen\. Die App speichert Namen mit höchstens 40 Zeichen\./).waitFor();
  assert.equal(await stored(page), before);
  assert.ok(!(await page.locator('main').innerText()).includes('N'.repeat(41)), 'the name is not shown');

  // At the caps the file is taken (and read, once per import).
  const full = join(dir, 'zwanzig.json');
  writeFileSync(full, exportOf(Array.from({ length: 20 }, (_, i) => child(i + 1, 'N'.repeat(40)))));
  await page.locator('input[type=file]').setInputFiles(full);
  await page.getByText('Die Daten wurden übernommen.').waitFor();
  assert.equal(JSON.parse(await stored(page)).children.length, 20);
  assert.equal(await page.evaluate(() => window.__fileReads), 3);
  rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('a hand-over link\'s text never shows up in its error message', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const marker = 'Bitte-rufen-Sie-0900-an';
  const town = encodeURIComponent(`${marker} <b>fett</b>`);
  await page.goto(`${server.url}/?ort=${town}&geboren=2026-05`);
  await waitForApp(page);
  await page.getByText('Der Link nennt keinen Wohnort in NRW. Bitte wählen Sie Ihren Wohnort selbst aus.').waitFor();
  const text = await page.locator('body').innerText();
  assert.ok(!text.includes(marker), text);
  assert.ok(!text.includes('fett'), text);

  await page.goto(`${server.url}/?ort=05978024&erwartet=${marker}`);
  await waitForApp(page);
  await page.getByText('Der Link nennt keinen gültigen Monat. Bitte geben Sie das Datum selbst ein.').waitFor();
  assert.ok(!(await page.locator('body').innerText()).includes(marker));
  await context.close();
});
