// The family's own checklist (issue 13): a passed deadline stays as an action with its
// consequence, check-ups and deadlines can be marked done (stored, exported, left out of the
// calendar), and the marks survive an offline reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedServerAndBrowser, waitForApp, isoDay, onboard, sectionText, dataLoaded } from './harness.mjs';

const { server, browser } = sharedServerAndBrowser({ before, after });

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

async function family(birth) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(server.url + '/');
  await waitForApp(page);
  await onboard(page, { query: 'Lünen', option: /Lünen/, birth });
  return { context, page };
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), action()]);
  const dir = mkdtempSync(join(tmpdir(), 'kekiz-checklist-'));
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return { path, text: readFileSync(path, 'utf8'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

test('a passed Kindergeld deadline stays, saying from which month it would be paid if applied today', async () => {
  const birth = isoDay(-245); // about 8 months: the end of the 6th month after the birth month has passed
  const { context, page } = await family(birth);
  const deadlines = await sectionText(page, 'Fristen');
  assert.match(deadlines, /Kindergeld beantragen/);
  // The first month paid: six calendar months before this one, not before the birth month.
  const now = new Date();
  const back = new Date(now.getFullYear(), now.getMonth() - 6, 1);
  const born = new Date(birth + 'T00:00:00');
  const from = back < new Date(born.getFullYear(), born.getMonth(), 1) ? new Date(born.getFullYear(), born.getMonth(), 1) : back;
  assert.ok(deadlines.includes(`Gezahlt wird dann ab 1. ${MONTHS[from.getMonth()]} ${from.getFullYear()}`), deadlines);
  assert.match(deadlines, /Die Frist war der \d{2}\.\d{2}\.\d{4} – es lohnt sich trotzdem noch/);
  assert.doesNotMatch(deadlines, /vorbei/);
  await context.close();
});

test('U4 marked done folds away, stays done offline, travels in the export and leaves the calendar', async () => {
  const { context, page } = await family(isoDay(-90)); // about 3 months: U4 is due
  assert.match(await sectionText(page, 'Vorsorge-Untersuchungen'), /U4/);
  const before = await download(page, () => page.getByRole('button', { name: 'In den Kalender' }).click());
  assert.match(before.text, /SUMMARY:U4 \(Vorsorge-Untersuchung\)/);
  before.dispose();

  await page.getByRole('button', { name: 'U4 als erledigt markieren' }).click();
  await page.getByText('Erledigt (1) anzeigen').waitFor();
  assert.doesNotMatch(await sectionText(page, 'Vorsorge-Untersuchungen'), /U4/);
  const stored = JSON.parse(await page.evaluate(() => localStorage.getItem('kekiz.profile')));
  assert.equal(stored.schema, 4);
  assert.deepEqual(stored.children[0].done, [{ kind: 'checkup', id: 'U4' }]);

  // The folded list shows it again, with an optional day.
  await page.getByText('Erledigt (1) anzeigen').click();
  await page.getByLabel('Erledigt am (freiwillig)').fill(isoDay(-2));
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('kekiz.profile')).children[0].done[0].on);

  // Offline reload: still done.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
  await context.setOffline(true);
  await page.reload();
  await waitForApp(page);
  await dataLoaded(page);
  await page.getByText('Erledigt (1) anzeigen').waitFor();
  assert.doesNotMatch(await sectionText(page, 'Vorsorge-Untersuchungen'), /U4/);
  await context.setOffline(false);

  // The calendar leaves it out.
  const after = await download(page, () => page.getByRole('button', { name: 'In den Kalender' }).click());
  assert.doesNotMatch(after.text, /U4 \(Vorsorge-Untersuchung\)/);
  assert.match(after.text, /BEGIN:VEVENT/);
  after.dispose();

  // Export, delete everything, import: the mark comes back.
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  const exported = await download(page, () => page.getByRole('button', { name: 'Daten exportieren' }).click());
  assert.equal(JSON.parse(exported.text).profile.children[0].done[0].id, 'U4');
  await page.getByRole('button', { name: 'Alle Daten löschen' }).click();
  await page.getByRole('button', { name: 'Ja, alles löschen' }).click();
  await page.getByRole('heading', { level: 1, name: /Willkommen/ }).waitFor();
  await onboard(page, { query: 'Köln', option: /^Köln/, birth: isoDay(-61) });
  await page.getByRole('link', { name: 'Einstellungen' }).click();
  await page.locator('input[type=file]').setInputFiles(exported.path);
  await page.getByText('Die Daten wurden übernommen.').waitFor();
  await page.goto(server.url + '/');
  await waitForApp(page);
  await dataLoaded(page);
  await page.getByText('Erledigt (1) anzeigen').waitFor();
  assert.doesNotMatch(await sectionText(page, 'Vorsorge-Untersuchungen'), /U4/);

  // Undo gives back the original view.
  await page.getByText('Erledigt (1) anzeigen').click();
  await page.getByRole('button', { name: 'U4: Rückgängig' }).click();
  await page.getByRole('button', { name: 'U4 als erledigt markieren' }).waitFor();
  exported.dispose();
  await context.close();
});
