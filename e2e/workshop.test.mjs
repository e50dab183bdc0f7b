// Trainer workshop mode: started deliberately from Settings, a banner on every page,
// a case read, a practice reflection written with a template and tagged, the
// facilitator's perspective revealed and the tags compared; large text for a
// projector; a practice supervision summary; and "End workshop", after which the
// workshop space is empty and every real journal key is byte-for-byte as it was.
// Only the one tab is in the workshop: another tab keeps the real journal. With the
// journal locked, a workshop starts from the unlock page and the journal stays locked.
// axe runs on every page and state. Every case, name and reflection here is fictional.

import assert from 'node:assert/strict';
import { useHarness, normaliseSpace } from './harness.mjs';

const { journey } = useHarness();

const REAL = 'Real reflection: long session with Ada Quillfeather about the lunch club.';
const WORKSHOP_PREFIX = 'anchorpoint-workshop.';
const CASE = 'Not ready yet';

function banner(page) {
  return page.locator('#workshop-banner');
}

function workshopKeys(app) {
  return app.page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)).sort(), WORKSHOP_PREFIX);
}

/** Every local storage key outside the workshop space, exactly as stored. */
async function realKeys(app) {
  const raw = await app.rawStorage();
  return Object.fromEntries(Object.entries(raw).filter(([k]) => !k.startsWith(WORKSHOP_PREFIX)));
}

/** A real journal with a reflection, settings and an unsaved draft in it. */
async function realJournal(app, page) {
  await app.writeEntry({ text: REAL });
  await app.open('/settings');
  await page.getByLabel('No, do not ask me').check();
  await page.getByLabel('Names and places to remove from exports').fill('Ada Quillfeather');
  await app.button('Save settings').click();
  await app.expectText(page.locator('.nhsuk-notification-banner--success'), 'Settings saved');
  await app.open('/write');
  await app.fillReflection('A real half-written thought, not saved yet');
  await app.waitUntil(async () => (await app.anchorpointKeys()).some((k) => k.startsWith('anchorpoint.draft.')), 'the real draft is kept');
}

/** From Settings, through the page that explains it, into the workshop. */
async function startWorkshop(app, page, a11y) {
  await app.open('/settings');
  await app.link('Run a workshop').click();
  await app.expectPage('Run a workshop');
  assert.equal(await banner(page).count(), 0, 'no banner before the workshop starts');
  await app.expectVisibleText('The real journal on this device is not opened, read or changed');
  if (a11y) await a11y('workshop, before it starts');
  await app.button('Start a workshop in this tab').click();
  await app.expectPage('Workshop');
  await app.expectText(banner(page), 'You are in a workshop: everything here is practice.');
}

journey('a workshop exercise runs end to end without touching the real journal', async ({ app, page, context, a11y }) => {
  await app.open('/');
  await realJournal(app, page);
  const before = await realKeys(app);

  await startWorkshop(app, page, a11y);
  await a11y('workshop, cases');
  const cases = page.locator('ul[aria-labelledby="cases"] > li');
  assert.ok((await cases.count()) >= 10, 'at least ten cases');

  // The journal page in the workshop is the workshop's: empty, with the banner.
  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await app.expectVisibleText('Nothing written yet');
  await app.expectText(banner(page), 'The real journal is not opened, read or changed.');
  await a11y('workshop, journal page');

  // 1. Read the case.
  await app.link('Workshop cases').click();
  await app.link(CASE).click();
  await app.expectPage(CASE);
  await app.expectVisibleText('Case 4 of 11');
  await app.expectVisibleText('walking group on Saturday mornings');
  assert.equal(await page.locator('#facilitator').count(), 0, 'the notes are hidden until asked for');
  await a11y('workshop, a case');

  // 2. Write a reflection with a template and tag it, with the usual suggestions.
  await app.linkButton('Write your reflection').click();
  await app.expectPage('Write a reflection');
  await page.getByLabel('How do you want to write?').selectOption({ label: 'Driscoll' });
  await page.getByLabel('What?', { exact: true }).fill('I decided to keep him on past six sessions and went with him to the start of the walking group route.');
  await page.getByLabel('Now what?', { exact: true }).fill('Ask at supervision whether to meet him there on a Saturday.');
  const add = page.getByRole('button', { name: 'Add tag micro-discretion: with a patient' });
  await add.waitFor();
  await a11y('workshop, writing with suggestions');
  await add.click();
  await page.getByText('Choose tags for this reflection').click();
  await page.getByRole('checkbox', { name: 'held' }).check();
  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  await app.expectVisibleText('Reflection saved');
  await a11y('workshop, practice reflection saved');

  // 3. Back to the case from the banner, then compare.
  await banner(page).getByRole('link', { name: `Back to the case: ${CASE}` }).click();
  await app.expectPage(CASE);
  await app.link('Compare with the facilitator’s perspective').click();
  await app.expectPage(`Compare: ${CASE}`);
  await a11y('workshop, compare before reveal');
  await app.button('Reveal the facilitator’s perspective').click();
  const message = 'Select the reflection you wrote about this case';
  assert.deepEqual(await app.errorLinks(), [{ text: message, href: '#workshop-reflection' }]);
  await app.expectTitle(`Error: Compare: ${CASE} – Anchorpoint`);
  await a11y('workshop, compare with nothing chosen');
  await page.getByRole('radio', { name: /I decided to keep him on/ }).check();
  await app.button('Reveal the facilitator’s perspective').click();
  await app.expectText(page.locator('#facilitator'), 'The facilitator’s perspective');
  assert.equal(await app.errorSummary().count(), 0, 'the error is gone');
  await app.expectTitle(`Compare: ${CASE} – Anchorpoint`);
  const row = async (key) =>
    normaliseSpace(await page.locator('.nhsuk-summary-list__row', { has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('dd').innerText());
  assert.equal(await row('In both'), 'micro-discretion: with a patient');
  assert.equal(await row('Only yours'), 'boundary: held');
  const onlySuggested = await row('Only suggested');
  for (const tag of ['holding: function: preparing for change', 'holding: driver: readiness/capacity', 'anchor point: prompting a step', 'boundary: stretched']) {
    assert.ok(onlySuggested.includes(tag), `only suggested lists ${tag}: ${onlySuggested}`);
  }
  await app.expectVisibleText('Would you go on the Saturday?');
  await a11y('workshop, facilitator perspective revealed');

  // Large text for a projector, kept in this tab across a reload, as is the workshop.
  const large = page.locator('#large-text');
  assert.equal(await large.getAttribute('aria-pressed'), 'false');
  await large.click();
  await app.waitUntil(async () => (await page.evaluate(() => document.documentElement.className)) === 'app-large-text', 'large text');
  assert.equal(await large.getAttribute('aria-pressed'), 'true');
  await app.open('/');
  await app.expectPage('Your journal');
  await app.expectText(banner(page), 'You are in a workshop');
  await app.waitUntil(async () => (await page.evaluate(() => document.documentElement.className)) === 'app-large-text', 'large text after a reload');
  assert.equal((await app.listedEntries()).length, 1, 'the practice reflection, and only it');
  await a11y('workshop, large text, after a reload');

  // Another tab is not in the workshop: it shows the real journal, with no banner.
  const other = await context.newPage();
  await other.goto('/');
  await other.getByRole('heading', { level: 1, name: 'Your journal' }).waitFor();
  await other.getByText('Real reflection: long session').first().waitFor();
  assert.equal(await other.locator('#workshop-banner').count(), 0);
  await other.close();

  // Nothing outside the workshop space changed, byte for byte.
  assert.ok((await workshopKeys(app)).length > 0, 'the practice work is in the workshop space');
  assert.deepEqual(await realKeys(app), before);
});

journey('ending the workshop empties its space and leaves every real journal key byte-for-byte unchanged', async ({ app, page, a11y }) => {
  await app.open('/');
  await realJournal(app, page);
  const before = await app.rawStorage();
  assert.ok(Object.keys(before).length >= 4, 'a reflection, its index, settings and a draft');

  await startWorkshop(app, page);
  // Practice work of every kind: a reflection, settings and a draft left unsaved.
  await app.writeEntry({ text: 'Practice: the desk by the fire exit, and lunch in the car again.' });
  await app.open('/settings');
  // The lock and backups are the real journal's: a workshop's Settings do not offer them.
  assert.equal(await page.locator('#lock').count(), 0, 'no lock section in a workshop');
  assert.equal(await page.locator('#backups').count(), 0, 'no backups section in a workshop');
  await page.getByLabel('Names and places to remove from exports').fill('Hollybank Surgery');
  await app.button('Save settings').click();
  await app.expectText(page.locator('.nhsuk-notification-banner--success'), 'Settings saved');
  await app.open('/write');
  await app.fillReflection('A practice draft, never saved');
  await app.waitUntil(async () => (await workshopKeys(app)).some((k) => k.includes('.draft.')), 'the practice draft is kept');
  assert.ok((await workshopKeys(app)).length >= 4);

  // Ending asks first; going back changes nothing.
  await app.open('/workshop/end');
  await app.expectPage('Are you sure you want to end the workshop?', 'End the workshop');
  await a11y('workshop, confirm the end');
  await app.link('No, keep it').click();
  await app.expectPage('Workshop');
  assert.ok((await workshopKeys(app)).length >= 4, 'nothing deleted by going back');

  await banner(page).getByRole('link', { name: 'End workshop' }).click();
  await app.expectPage('Are you sure you want to end the workshop?', 'End the workshop');
  await app.button('End workshop and delete practice work').click();
  await app.expectPage('Run a workshop');
  await app.expectText(page.locator('.nhsuk-notification-banner--success'), 'The workshop has ended');
  assert.equal(await banner(page).count(), 0, 'the tab has left the workshop');
  await a11y('workshop ended');

  assert.deepEqual(await workshopKeys(app), [], 'the workshop space is empty');
  assert.deepEqual(await app.rawStorage(), before, 'every real key is byte-for-byte unchanged');

  // The tab is back on the real journal, after a reload too.
  await app.open('/');
  await app.expectPage('Your journal');
  assert.equal(await banner(page).count(), 0);
  const listed = await app.listedEntries();
  assert.equal(listed.length, 1);
  assert.match(listed[0].text, /Real reflection/);
});

journey('a practice supervision summary is made from workshop reflections only', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.writeEntry({ text: REAL });
  await startWorkshop(app, page);
  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await app.writeEntry({ text: 'Practice: rang Mrs Fenwick-Oddley after hours because the waiting list is months.' });
  await app.open('/workshop');
  await app.link('Make a practice supervision summary').click();
  await app.expectPage('Create a supervision summary');
  await app.expectText(banner(page), 'everything here is practice');
  await a11y('workshop, practice summary form');
  // The one practice reflection's words go in.
  await page.locator('.nhsuk-checkboxes__item input').first().check();
  await app.button('Continue').click();
  await app.expectPage('Check your summary before you download it');
  const main = normaliseSpace(await page.locator('main').innerText());
  assert.ok(!main.includes('Real reflection'), 'the real journal is not in the practice summary');
  await app.expectText(page.locator('mark.app-redaction').first(), 'Name');
  await a11y('workshop, practice summary review');
});

journey('workshop pages in a tab that is not in a workshop say so and offer to start one', async ({ app, a11y }) => {
  await app.open('/workshop/cases/not-ready-yet');
  await app.expectPage('This tab is not in a workshop');
  await a11y('workshop case outside a workshop');
  await app.link('Find out about workshops and start one').click();
  await app.expectPage('Run a workshop');
  await app.open('/workshop/end');
  await app.expectPage('This tab is not in a workshop');
  // The journal offers the workshop too.
  await app.open('/');
  await app.link('Run a training workshop').click();
  await app.expectPage('Run a workshop');
});

journey('with the journal locked, a workshop runs and ends without unlocking it or changing a byte of it', async ({ app, page, a11y }) => {
  const passphrase = 'Heather on the moor 7';
  await app.open('/');
  await app.writeEntry({ text: REAL });
  await app.turnOnLock(passphrase);
  await page.locator('#lock-now').click();
  await app.expectText(app.heading(), 'Unlock your journal', { exact: true });
  const before = await app.rawStorage();
  assert.ok(Object.keys(before).includes('anchorpoint.lock'), 'the lock is on');

  // The unlock page offers a workshop; starting one never asks for the passphrase.
  await a11y('unlock page, offering a workshop');
  await app.link('run a workshop in this tab').click();
  await app.expectPage('Run a workshop');
  await app.expectVisibleText('If it is locked, it stays locked.');
  await a11y('workshop start, journal locked');
  await app.button('Start a workshop in this tab').click();
  await app.expectPage('Workshop');
  await app.expectText(banner(page), 'You are in a workshop');
  assert.equal(await page.locator('#lock-now').isVisible(), false, 'no Lock now: the workshop has no lock');
  await app.writeEntry({ text: 'Practice: the lunch club ran out of chairs again.' });
  await app.open('/');
  await app.expectPage('Your journal');
  const listed = await app.listedEntries();
  assert.equal(listed.length, 1, 'the practice reflection, and only it');
  assert.match(listed[0].text, /lunch club ran out of chairs/);
  assert.equal(await page.locator('#lock-suggestion').count(), 0, 'a workshop does not offer the lock');
  await a11y('workshop journal, real journal locked');

  await app.open('/workshop/end');
  await app.button('End workshop and delete practice work').click();
  await app.expectPage('Run a workshop');
  await app.expectText(page.locator('.nhsuk-notification-banner--success'), 'The workshop has ended');
  await a11y('workshop ended, journal locked');
  assert.deepEqual(await workshopKeys(app), [], 'the workshop space is empty');
  assert.deepEqual(await app.rawStorage(), before, 'every real key is byte-for-byte unchanged');

  // The journal is still locked.
  await app.open('/');
  await app.expectText(app.heading(), 'Unlock your journal', { exact: true });
});
