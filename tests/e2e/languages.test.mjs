// The family's language (issue 9): a browser's preferred language, the picker labelled
// "Sprache", Arabic right to left at 320 px without overflow or axe violation, the choice kept
// offline and with the profile, and a visit in the family's language that leaves the
// volunteer's own language as it was. Expected words come from the catalogues themselves.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { sharedServerAndBrowser, waitForApp, isoDay, dataLoaded, chooseTown, ROOT } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

/** The texts of public/lang/<code>.txt by key. */
function catalogue(code) {
  const texts = {};
  for (const line of readFileSync(join(ROOT, 'public', 'lang', `${code}.txt`), 'utf8').split('\n')) {
    const trimmed = line.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('@')) continue;
    const at = trimmed.indexOf('=');
    texts[trimmed.slice(0, at).trim()] = trimmed.slice(at + 1).trim();
  }
  return texts;
}
const ar = catalogue('ar');
const tr = catalogue('tr');
const uk = catalogue('uk');
const ARABIC = /[\u0600-\u06FF]/;

/** Waits until the page is shown in `code`. */
async function shownIn(page, code) {
  await page.waitForFunction((c) => document.documentElement.lang === c && !!document.querySelector('[data-app-ready]'), code);
}

/** Onboarding by field ids, in whatever language the page is. */
async function onboardAnyLanguage(page, town, option, birth) {
  await page.locator('#town-input').fill(town);
  await page.getByRole('option', { name: option }).first().click();
  await page.locator('#child-date').fill(birth);
  await page.locator('form button[type=submit]').click();
  await page.locator('#checkups-heading').waitFor();
  await dataLoaded(page);
}

async function overflows(page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a Turkish browser starts in Turkish, and the picker reads "Sprache" beside "Dil"', async () => {
  const context = await browser.newContext({ locale: 'tr-TR', viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await shownIn(page, 'tr');
  assert.equal(await page.locator('h1').innerText(), tr['onboarding.title']);
  const label = await page.locator('label[for=language]').innerText();
  assert.match(label, /Sprache/);
  assert.ok(label.includes(tr['language.label']), label);
  // Each language is written in itself.
  const names = await page.locator('#language option').allInnerTexts();
  for (const name of ['Deutsch', 'Türkçe', 'العربية', 'Українська', 'فارسی']) assert.ok(names.includes(name), names.join(', '));
  await context.close();
});

test('Arabic: lang, dir and script follow, nothing overflows at 320 px, no axe violation, and it survives an offline reload', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await shownIn(page, 'de');
  await page.locator('#language').selectOption('ar');
  await shownIn(page, 'ar');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await page.locator('h1').innerText(), ar['onboarding.title']);
  assert.equal(await overflows(page), false, 'onboarding wider than 320 px');
  assert.deepEqual(await axeViolations(page), [], 'onboarding');

  await onboardAnyLanguage(page, 'Merzenich', /Merzenich/, isoDay(-61));
  assert.match(await page.locator('main').innerText(), ARABIC);
  assert.equal(await overflows(page), false, 'family page wider than 320 px');
  assert.deepEqual(await axeViolations(page), [], 'family page');
  // The directory's own texts stay German and say so to screen readers.
  assert.ok((await page.locator('li.offer h3 a[lang=de]').count()) > 0, 'offer titles marked lang="de"');
  // The statewide texts come in Arabic from the data.
  const checkups = await page.locator('section:has(#checkups-heading) p[lang=ar]').count();
  assert.ok(checkups > 0, 'check-up explanations in Arabic');
  // The choice is stored with the profile.
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('kekiz.profile')));
  assert.equal(stored.language, 'ar');
  assert.equal(stored.schema, 4);

  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  // Let the worker keep the catalogue (asked for once it is active).
  await page.waitForFunction(async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('kekiz-app-') && (await (await caches.open(name)).match('/lang/ar.txt'))) return true;
    }
    return false;
  }, null, { timeout: 15_000 });
  await context.setOffline(true);
  await page.reload();
  await shownIn(page, 'ar');
  await page.locator('#checkups-heading').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.match(await page.locator('h1').innerText(), ARABIC);
  await context.close();
});

test('Ukrainian chosen in settings is kept with the profile and shown in Ukrainian', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await shownIn(page, 'de');
  await onboardAnyLanguage(page, 'Merzenich', /Merzenich/, isoDay(-61));
  await page.goto(server.url + '/#/einstellungen');
  await page.getByRole('heading', { level: 1, name: 'Einstellungen' }).waitFor();
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('uk');
  await shownIn(page, 'uk');
  await page.getByRole('heading', { level: 1, name: uk['settings.title'] }).waitFor();
  // Focus returns to the picker after the page is made anew in Ukrainian.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'settings-language');
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('kekiz.profile')));
  assert.equal(stored.language, 'uk');
  await page.reload();
  await shownIn(page, 'uk');
  await context.close();
});

test('a visit shown in Arabic hands over an Arabic link, and "Besuch beenden" gives the volunteer German again', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(server.url + '/#/besuch');
  await page.getByRole('heading', { level: 1, name: 'Besuchsmodus' }).waitFor();
  await chooseTown(page, 'Lünen', /Lünen/);
  await page.getByLabel('Geburtsdatum').fill(isoDay(-200));
  await page.getByLabel(/Sprache der Familie/).selectOption('ar');
  await page.getByRole('button', { name: 'Angebote der Familie zeigen' }).click();
  await shownIn(page, 'ar');
  await dataLoaded(page);
  assert.match(await page.locator('h1').innerText(), ARABIC);
  assert.match(await page.locator('p.link').innerText(), /[?&]sprache=ar(&|$)/);
  await page.getByRole('button', { name: ar['visit.end'] }).first().click();
  await shownIn(page, 'de');
  await page.getByRole('heading', { level: 1, name: 'Besuchsmodus' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Besuch beendet/);
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
  // The visit chose nothing for the volunteer: no language stored.
  const stored = await page.evaluate(() => localStorage.getItem('kekiz.profile'));
  assert.ok(stored === null || !JSON.parse(stored).language, stored);
  await context.close();
});

test('Farsi: right to left, and at 320 px neither onboarding nor the family page overflows', async () => {
  const context = await browser.newContext({ locale: 'fa-IR', viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await shownIn(page, 'fa');
  assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
  assert.equal(await overflows(page), false, 'onboarding wider than 320 px');
  await onboardAnyLanguage(page, 'Lünen', /Lünen/, isoDay(-400));
  assert.match(await page.locator('main').innerText(), ARABIC);
  assert.equal(await overflows(page), false, 'family page wider than 320 px');
  await page.goto(server.url + '/#/notfall');
  await page.locator('li.helpline').first().waitFor();
  assert.equal(await overflows(page), false, 'emergency numbers wider than 320 px');
  await context.close();
});
