// The parent's journeys (issue 4): onboarding to the family's page, towns with and without
// published offers, postcode search, a wrong date, two children, export/delete/import, and
// storage that cannot be read or cannot be used.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  sharedServerAndBrowser, watch, waitForApp, isoDay, chooseTown, onboard, sectionText, CHROMIUM_ARGS,
} from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

async function freshPage(options = {}) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + '/');
  await waitForApp(page);
  return { context, page, watcher };
}

const twoMonthsAgo = () => isoDay(-61);

test('a town with its own youth office: Lünen shows its welcome contact and its offer', async () => {
  const { context, page, watcher } = await freshPage();
  await onboard(page, { query: 'Lünen', option: /Lünen/, birth: twoMonthsAgo() });
  assert.match(await page.getByRole('heading', { level: 1 }).innerText(), /Angebote für Ihr Kind in Lünen/);
  const welcome = await sectionText(page, 'Begrüßungsbesuch');
  assert.match(welcome, /Stadt Lünen/);
  assert.match(welcome, /Stand: /);
  const call = page.locator('section.welcome a[href^="tel:"]');
  assert.equal(await call.getAttribute('href'), 'tel:+4923061041702');
  assert.equal(await page.locator('section.welcome a[href^="mailto:"]').getAttribute('href'), 'mailto:familienbuero@luenen.de');
  for (const heading of ['Angebote jetzt', 'Als Nächstes', 'Vorsorge-Untersuchungen', 'Fristen']) {
    assert.ok(await page.getByRole('heading', { level: 2, name: heading, exact: true }).isVisible(), heading);
  }
  assert.match(await page.locator('.as-of-data').innerText(), /Stand der Angebote: /);
  assert.deepEqual(watcher.problems(), []);
  await context.close();
});

test('a town served by its Kreis: Steinfurt lists its own town\'s café before the Kreis-wide one', async () => {
  const { context, page } = await freshPage();
  await onboard(page, { query: 'Steinfurt', option: /^Steinfurt/, birth: twoMonthsAgo() });
  assert.match(await sectionText(page, 'Begrüßungsbesuch'), /Zuständig für Steinfurt: Kreis Steinfurt, Jugendamt/);
  const titles = await page.locator('section', { has: page.getByRole('heading', { name: 'Angebote jetzt', exact: true }) })
    .locator('li.offer h3').allInnerTexts();
  // The café in the family's own town comes first; offers for the whole Kreis follow.
  assert.equal(titles[0], 'KiWi-Café Borghorst');
  assert.ok(titles.length >= 2, 'Kreis-wide offers follow');
  const reach = await page.locator('section', { has: page.getByRole('heading', { name: 'Angebote jetzt', exact: true }) })
    .locator('li.offer .for-whom').allInnerTexts();
  assert.match(reach[0], /in Ihrem Ort/);
  assert.match(reach[1], /im Gebiet des Jugendamts/);
  await context.close();
});

test('Merzenich gets Kreis Düren\'s welcome visit; an offer\'s details say what, when, where and Stand', async () => {
  const { context, page } = await freshPage();
  await onboard(page, { query: 'Merzenich', option: /Merzenich/, birth: twoMonthsAgo() });
  const welcome = await sectionText(page, 'Begrüßungsbesuch');
  assert.match(welcome, /Willkommen im Leben/);
  assert.match(welcome, /Kreis Düren/);
  assert.match(await page.locator('section.welcome a[href^="tel:"]').getAttribute('href'), /^tel:\+492421/);
  const now = page.locator('section', { has: page.getByRole('heading', { name: 'Angebote jetzt', exact: true }) }).locator('li.offer h3');
  assert.match(await now.first().innerText(), /Merzenich/);
  await now.first().getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: /Merzenich/ }).waitFor();
  const details = await page.locator('main').innerText();
  for (const term of ['Für wen', 'Wann', 'Wo', 'Kosten', 'Sprachen', 'Anmeldung', 'Kontakt', 'Stand: ', 'Quelle: ']) {
    assert.ok(details.includes(term), `details show ${term}`);
  }
  assert.match(details, /montags/);
  await page.goBack();
  await page.getByRole('heading', { level: 2, name: 'Angebote jetzt', exact: true }).waitFor();
  await context.close();
});

test('a town without published offers says so and still shows check-ups and deadlines', async () => {
  const { context, page } = await freshPage();
  await onboard(page, { query: 'Köln', option: /^Köln/, birth: twoMonthsAgo() });
  assert.match(await page.locator('main').innerText(), /Für Köln liegen noch keine Angebote vor/);
  assert.match(await sectionText(page, 'Vorsorge-Untersuchungen'), /U\d/);
  assert.match(await sectionText(page, 'Fristen'), /Kindergeld/);
  await context.close();
});

test('the town search finds a town by postcode and by a name typed without umlauts', async () => {
  const { context, page } = await freshPage();
  const field = page.getByRole('combobox', { name: 'Wohnort' });
  await field.fill('48268');
  await page.getByRole('option', { name: /48268 · Greven/ }).waitFor();
  await field.fill('frondenberg');
  const first = page.getByRole('listbox').getByRole('option').first();
  assert.match(await first.innerText(), /Fröndenberg/);
  // Keyboard alone: arrow down, Enter.
  await field.press('ArrowDown');
  assert.equal(await field.getAttribute('aria-expanded'), 'true');
  assert.ok(await field.getAttribute('aria-activedescendant'));
  await field.press('Enter');
  assert.equal(await field.inputValue(), 'Fröndenberg/Ruhr');
  await context.close();
});

test('a birth date in the future gets a message beside its field and what was typed stays', async () => {
  const { context, page } = await freshPage();
  await chooseTown(page, 'Greven', /Greven/);
  const tomorrow = isoDay(1);
  await page.getByLabel('Geburtsdatum').fill(tomorrow);
  await page.getByRole('button', { name: 'Speichern und Angebote zeigen' }).click();
  const date = page.getByLabel('Geburtsdatum');
  assert.equal(await date.getAttribute('aria-invalid'), 'true');
  const errorId = await date.getAttribute('aria-describedby');
  assert.match(await page.locator(`#${errorId}`).innerText(), /Zukunft/);
  assert.equal(await date.inputValue(), tomorrow);
  assert.equal(await page.getByRole('combobox', { name: 'Wohnort' }).inputValue(), 'Greven');
  // No town chosen: its own message.
  await page.getByRole('combobox', { name: 'Wohnort' }).fill('Gre');
  await page.getByRole('button', { name: 'Speichern und Angebote zeigen' }).click();
  assert.match(await page.locator('main').innerText(), /Bitte wählen Sie Ihren Wohnort/);
  assert.equal(await page.evaluate(() => localStorage.getItem('kekiz.profile')), null, 'nothing saved');
  await context.close();
});

test('two children: each has its own view, the welcome contact is shown once', async () => {
  const { context, page } = await freshPage();
  await onboard(page, { query: 'Greven', option: /Greven/, birth: twoMonthsAgo(), name: 'Mia' });
  await page.getByRole('link', { name: 'Weiteres Kind hinzufügen' }).click();
  await page.getByLabel('Geburtsdatum').fill(isoDay(-3 * 365));
  await page.getByLabel('Name des Kindes').fill('Ben');
  await page.getByRole('button', { name: 'Kind hinzufügen' }).click();
  await page.getByRole('heading', { level: 1, name: /Angebote für Ben/ }).waitFor();
  const switcher = page.getByRole('navigation', { name: 'Kinder' });
  assert.deepEqual(await switcher.getByRole('link').allInnerTexts(), ['Mia', 'Ben']);
  assert.equal(await page.getByRole('heading', { level: 2, name: 'Begrüßungsbesuch' }).count(), 1);
  const benNow = await sectionText(page, 'Angebote jetzt');
  assert.doesNotMatch(benNow, /Café Kinderwagen/, 'a three-year-old is past the first-year café');
  await switcher.getByRole('link', { name: 'Mia' }).click();
  await page.getByRole('heading', { level: 1, name: /Angebote für Mia/ }).waitFor();
  assert.match(await sectionText(page, 'Angebote jetzt'), /Café Kinderwagen/);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('kekiz.profile')));
  assert.equal(stored.children.length, 2);
  // Rename and remove in settings.
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await page.getByLabel('Name des Kindes').nth(1).fill('Benno');
  await page.getByRole('button', { name: 'Änderungen speichern' }).nth(1).click();
  await page.getByRole('button', { name: 'Kind entfernen' }).first().click();
  await page.getByRole('button', { name: 'Ja, entfernen' }).click();
  const after = JSON.parse(await page.evaluate(() => localStorage.getItem('kekiz.profile')));
  assert.deepEqual(after.children.map((c) => c.nickname), ['Benno']);
  await context.close();
});

test('export, delete everything, import: the same page comes back', async () => {
  const { context, page } = await freshPage();
  await onboard(page, { query: 'Merzenich', option: /Merzenich/, birth: twoMonthsAgo(), name: 'Lea' });
  const before = await page.locator('main').innerText();
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  // A new screen takes focus to its heading, so screen readers announce it.
  await page.waitForFunction(() => document.activeElement?.id === 'page-heading');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Einstellungen');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Daten exportieren' }).click(),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-export-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /^kekiz-begleiter-\d{4}-\d{2}-\d{2}\.json$/);
  assert.equal(JSON.parse(readFileSync(file, 'utf8')).app, 'kekiz-begleiter');

  // A confirmation takes focus to its decision.
  await page.getByRole('button', { name: 'Alle Daten löschen' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Ja, alles löschen');
  await page.getByRole('button', { name: 'Ja, alles löschen' }).click();
  await page.getByRole('heading', { level: 1, name: /Willkommen/ }).waitFor();
  // Deleting the office files is asynchronous: wait for it, then look at everything.
  await page.waitForFunction(async () =>
    !(await (await caches.open('kekiz-data-v2')).keys()).some((r) => r.url.includes('/offices/')));
  const left = await page.evaluate(async () => ({
    local: Object.keys(localStorage).filter((k) => k.startsWith('kekiz.')),
    session: Object.keys(sessionStorage).length,
    offices: (await (await caches.open('kekiz-data-v2')).keys()).map((r) => r.url).filter((u) => u.includes('/offices/')),
  }));
  assert.deepEqual(left, { local: [], session: 0, offices: [] });

  // A broken file changes nothing; the good one restores the page.
  await page.goto(server.url + '/#/einstellungen');
  await waitForApp(page);
  // Settings need a family; onboard a different one first, to see that a bad import keeps it.
  await onboard(page, { query: 'Köln', option: /^Köln/, birth: twoMonthsAgo() });
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"app":"kekiz-begleiter","profile":');
  await page.locator('input[type=file]').setInputFiles(broken);
  await page.getByText(/konnte nicht übernommen werden.*unverändert/).waitFor();
  assert.match(await page.evaluate(() => localStorage.getItem('kekiz.profile')), /05315000/, 'Köln stays');
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByText('Die Daten wurden übernommen.').waitFor();
  await page.goto(server.url + '/');
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /Angebote für Lea in Merzenich/ }).waitFor();
  await page.getByRole('heading', { level: 2, name: 'Angebote jetzt' }).waitFor();
  await page.locator('li.offer').first().waitFor();
  assert.equal(await page.locator('main').innerText(), before);
  rmSync(dir, { recursive: true, force: true });
  await context.close();
});

test('unreadable stored data is kept aside, reported, and can be exported', async () => {
  const { context, page } = await freshPage();
  const garbage = '{"schema":2,"town":"05566012","children":[{"id":1,"birth":{"born":"not a date"}}]}';
  await page.evaluate((text) => localStorage.setItem('kekiz.profile', text), garbage);
  await page.reload();
  await waitForApp(page);
  await page.getByText('Gespeicherte Daten konnten nicht gelesen werden.').waitFor();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((k) => k.startsWith('kekiz.aside.')).map((k) => localStorage.getItem(k)));
  assert.deepEqual(kept, [garbage]);
  assert.equal(await page.evaluate(() => localStorage.getItem('kekiz.profile')), garbage, 'not overwritten');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Unlesbare Daten exportieren' }).click(),
  ]);
  const path = await download.path();
  assert.equal(readFileSync(path, 'utf8'), garbage);
  await context.close();
});

test('storage blocked by the browser: the session still works and the app says it cannot remember', async () => {
  // A real Chromium profile whose settings block site data (cookies and storage) for every site.
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-blocked-'));
  mkdirSync(join(dir, 'Default'));
  writeFileSync(join(dir, 'Default', 'Preferences'), JSON.stringify({ profile: { default_content_setting_values: { cookies: 2 } } }));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, viewport: { width: 360, height: 740 }, locale: 'de-DE',
  });
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(server.url + '/');
  await waitForApp(page);
  const blocked = await page.evaluate(() => { try { localStorage.length; return false; } catch { return true; } });
  assert.ok(blocked, 'the browser really blocks localStorage');
  await page.getByText('kann sich Ihre Angaben auf diesem Gerät nicht merken').first().waitFor();
  await onboard(page, { query: 'Greven', option: /Greven/, birth: twoMonthsAgo() });
  assert.match(await sectionText(page, 'Angebote jetzt'), /Café Kinderwagen/);
  await context.close();
  rmSync(dir, { recursive: true, force: true });
});

test('storage full: saving fails, the session still works and the app says it cannot remember', async () => {
  const { context, page } = await freshPage();
  // Fill this origin's localStorage to the browser's real quota, to the last character, with
  // another app's data: big pieces first, then ever smaller ones.
  const filled = await page.evaluate(() => {
    let error = null;
    let key = 0;
    for (const size of [256 * 1024, 16 * 1024, 1024, 64, 1]) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`other-app-${key++}`, chunk);
        } catch (e) {
          error = e.name;
          break;
        }
      }
    }
    return { error };
  });
  assert.equal(filled.error, 'QuotaExceededError', 'the browser reports a full storage');
  await onboard(page, { query: 'Greven', option: /Greven/, birth: twoMonthsAgo() });
  assert.match(await sectionText(page, 'Angebote jetzt'), /Café Kinderwagen/);
  await page.getByText('kann sich Ihre Angaben auf diesem Gerät nicht merken').first().waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('kekiz.profile')), null);
  await context.close();
});
