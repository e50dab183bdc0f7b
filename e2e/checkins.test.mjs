// Check-ins about the worker: the embeddedness check-in at /check-in (the continuum,
// optional notes on the four concepts, its history and the "time for your check-in"
// reminder) and the optional "How are you after this?" for one reflection, shown on the
// entry page. Stored check-ins are seeded as v3 envelopes with dates relative to today.

import assert from 'node:assert/strict';
import { fillStorage, freeStorage } from './storage.mjs';
import { useHarness, addDays, longDate, normaliseSpace, isoDate } from './harness.mjs';

const { journey } = useHarness();

const CHECK_IN = 'Embeddedness check-in';
const WELLBEING = 'How are you after this?';
const DUE = 'It is time for your embeddedness check-in.';
const NOTES = 'Add notes on what lies underneath (optional)';
const EFFECT_NOTE = 'The practice manager asked for my referral figures for the team meeting.';
const WELLBEING_SAVED = 'Thank you. Your answer is kept on this device.';

/** Stores a list of check-ins (and optionally the interval) as v3 envelopes, then reloads. */
async function seed(app, checkIns, interval) {
  await app.page.evaluate(
    ([checkIns, interval]) => {
      localStorage.setItem(
        'anchorpoint.embeddedness',
        JSON.stringify({ app: 'anchorpoint', kind: 'embeddedness', v: 3, data: { check_ins: checkIns } }),
      );
      if (interval) {
        localStorage.setItem(
          'anchorpoint.settings',
          JSON.stringify({
            app: 'anchorpoint',
            kind: 'settings',
            v: 3,
            data: { end_question: true, check_in_interval: interval, private_names: [] },
          }),
        );
      }
    },
    [checkIns, interval],
  );
  await app.reload();
}

/** The history table, top to bottom, as arrays of cell texts. */
function historyRows(page) {
  return page
    .locator('table.nhsuk-table tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) => [...tr.cells].map((td) => td.innerText.replace(/\s+/g, ' ').trim())),
    );
}

async function storedJson(app, key) {
  const raw = (await app.storage())[key];
  return raw === undefined ? null : JSON.parse(raw);
}

// ---------------------------------------------------------------------------------------
// Embeddedness
// ---------------------------------------------------------------------------------------

journey('an embeddedness check-in with a note is saved and listed in the history after a reload', async ({ app, page, a11y }) => {
  await app.open('/check-in');
  await app.expectPage(CHECK_IN);
  const today = await app.today();
  // Never checked in: one is due at once, and the history says there is none yet.
  await app.expectVisibleText(DUE);
  await app.expectVisibleText('You have not done one yet.');
  await app.expectVisibleText('You have not checked in yet.');
  // The continuum in order, each point with its definition as a hint.
  const radios = page.locator('input[name="embeddedness-rating"]');
  assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.value)), ['bolted-on', 'fitting-in', 'belonging']);
  const fitting = page.getByRole('radio', { name: 'Fitting in' });
  const hint = await page.locator(`#${await fitting.getAttribute('aria-describedby')}`).innerText();
  assert.match(hint, /Shaping what you deliver/);
  await a11y('check-in, empty');

  await fitting.check();
  await page.getByText(NOTES).click();
  const effect = page.getByLabel('Demonstrating effect', { exact: true });
  await effect.waitFor();
  await a11y('check-in, notes open');
  await effect.fill(EFFECT_NOTE);
  await app.button('Save check-in').click();

  await app.expectVisibleText('Check-in saved');
  await app.waitUntil(async () => (await historyRows(page)).length === 1, 'one row in the history');
  assert.deepEqual(await historyRows(page), [
    [longDate(today), 'Fitting in', `Demonstrating effect ${EFFECT_NOTE}`],
  ]);
  // Checked in today, so the reminder has gone.
  assert.equal(await page.getByText(DUE).count(), 0);
  await a11y('check-in, saved');

  const stored = await storedJson(app, 'anchorpoint.embeddedness');
  assert.equal(stored.kind, 'embeddedness');
  assert.equal(stored.v, 4);
  assert.deepEqual(stored.data.check_ins, [
    { on: isoDate(today), rating: 'fitting-in', notes: { effect: EFFECT_NOTE } },
  ]);

  await app.reload();
  await app.expectPage(CHECK_IN);
  assert.deepEqual(await historyRows(page), [
    [longDate(today), 'Fitting in', `Demonstrating effect ${EFFECT_NOTE}`],
  ]);
  // Today's check-in fills the form, so saving again replaces it rather than adding one.
  assert.equal(await fitting.isChecked(), true);
  assert.equal(await effect.inputValue(), EFFECT_NOTE);
  await page.getByRole('radio', { name: 'Belonging' }).check();
  await app.button('Save check-in').click();
  await app.waitUntil(
    async () => JSON.stringify(await historyRows(page)) === JSON.stringify([[longDate(today), 'Belonging', `Demonstrating effect ${EFFECT_NOTE}`]]),
    async () => `the one row to say Belonging, was ${JSON.stringify(await historyRows(page))}`,
  );
});

journey('the history lists past check-ins newest first', async ({ app, page }) => {
  await app.open('/check-in');
  const today = await app.today();
  const older = addDays(today, -70);
  const newer = addDays(today, -35);
  // Stored out of order on purpose: the page still shows the newest first.
  await seed(app, [
    { on: isoDate(older), rating: 'bolted-on' },
    { on: isoDate(newer), rating: 'fitting-in', notes: { power: 'Referrals now come from the whole team.' } },
  ]);
  assert.deepEqual(await historyRows(page), [
    [longDate(newer), 'Fitting in', 'Centralising or diffusing power Referrals now come from the whole team.'],
    [longDate(older), 'Bolted on', 'None'],
  ]);
});

journey('the reminder shows when the last check-in is over a month old, and not when it is recent', async ({ app, a11y, page }) => {
  await app.open('/check-in');
  const today = await app.today();
  const longAgo = addDays(today, -40);
  await seed(app, [{ on: isoDate(longAgo), rating: 'bolted-on' }]);
  await app.expectPage(CHECK_IN);
  await app.expectVisibleText(DUE);
  await app.expectVisibleText(`Your last check-in was on ${longDate(longAgo)}.`);
  await a11y('check-in, reminder shown');

  await seed(app, [{ on: isoDate(addDays(today, -3)), rating: 'belonging' }]);
  await app.expectPage(CHECK_IN);
  await app.waitUntil(async () => (await historyRows(page)).length === 1, 'the history');
  assert.equal(await page.getByText(DUE).count(), 0, 'no reminder three days after a check-in');

  // A worker who chose "Never" is never reminded, even with no check-in at all.
  await seed(app, [], 'never');
  await app.expectVisibleText('You have not checked in yet.');
  assert.equal(await page.getByText(DUE).count(), 0, 'no reminder when the interval is Never');
});

journey('saving without a rating, or with an overlong note, gives field errors and saves nothing', async ({ app, page, a11y }) => {
  await app.open('/check-in');
  await app.button('Save check-in').click();
  await app.expectText(app.errorSummary(), 'There is a problem');
  await app.expectTitle(`Error: ${CHECK_IN} – Anchorpoint`);
  const message = 'Select where you feel you are: bolted on, fitting in or belonging';
  assert.deepEqual(await app.errorLinks(), [{ text: message, href: '#embeddedness-rating' }]);
  await app.expectText(page.locator('#embeddedness-rating-error'), message);
  // Focus moves in the next animation frame: waited for, so a busy machine does not fail it.
  await app.waitUntil(async () => (await app.focused()).id === 'error-summary', 'focus on the error summary');
  await a11y('check-in, no rating');

  // The summary link takes focus to the first point of the continuum.
  await app.errorSummary().getByRole('link', { name: message }).click();
  await app.waitUntil(async () => (await app.focused()).id === 'embeddedness-rating', 'focus on the first radio');

  // A note over 500 characters is reported on its own field, and the closed notes open
  // so the error is never hidden.
  await page.getByText(NOTES).click();
  await page.getByLabel('Building a facilitative infrastructure', { exact: true }).fill('a'.repeat(501));
  await page.getByText(NOTES).click(); // closed again
  await app.button('Save check-in').click();
  await app.waitUntil(async () => (await app.errorLinks()).length === 2, 'two errors');
  assert.equal(
    (await app.errorLinks())[1].text,
    'Note on ‘Building a facilitative infrastructure’ must be 500 characters or fewer',
  );
  assert.equal(await page.locator('details.nhsuk-details').evaluate((d) => d.open), true);
  await a11y('check-in, two errors');
  assert.equal(await storedJson(app, 'anchorpoint.embeddedness'), null, 'nothing was stored');
  assert.equal(await page.locator('table.nhsuk-table').count(), 0);
});

journey('a check-in can be made with the keyboard alone', async ({ app, page }) => {
  await app.open('/check-in');
  await app.tabTo('the first point of the continuum', (f) => f.id === 'embeddedness-rating');
  // Arrow keys move along a radio group and choose as they go.
  await page.keyboard.press('ArrowDown');
  assert.equal((await app.focused()).value, 'fitting-in');
  await app.tabTo('the notes disclosure', (f) => f.tag === 'summary');
  await page.keyboard.press('Enter');
  await app.tabTo('the identity note', (f) => f.id === 'embeddedness-note-identity');
  await page.keyboard.type('The GPs now introduce me at practice meetings.');
  await app.tabTo('the save button', (f) => f.tag === 'button' && f.text === 'Save check-in');
  await page.keyboard.press('Enter');
  await app.expectVisibleText('Check-in saved');
  await app.waitUntil(async () => (await app.focused()).id === 'page-heading', 'focus at the top of the page');
  const rows = await historyRows(page);
  assert.equal(rows.length, 1);
  assert.equal(rows[0][1], 'Fitting in');
  assert.match(rows[0][2], /^Forging an identity in general practice The GPs now introduce me/);
});

journey('when storage is full a check-in fails visibly and changes nothing', async ({ app, page, a11y }) => {
  await app.open('/check-in');
  await fillStorage(page);
  await page.getByRole('radio', { name: 'Belonging' }).check();
  await app.button('Save check-in').click();
  await app.expectText(app.errorSummary(), "Your check-in could not be saved because this browser's storage for Anchorpoint is full");
  await app.expectText(app.errorSummary(), 'Your answers are still here on this page');
  assert.equal(await page.getByRole('radio', { name: 'Belonging' }).isChecked(), true, 'the answer is still chosen');
  await app.expectVisibleText('You have not checked in yet.');
  assert.equal(await page.getByText('Check-in saved').count(), 0);
  await a11y('check-in, storage full');
  await freeStorage(page);
  assert.equal(await storedJson(app, 'anchorpoint.embeddedness'), null, 'nothing was stored');

  // With room again, the same answer saves.
  await app.button('Save check-in').click();
  await app.expectVisibleText('Check-in saved');
});

// ---------------------------------------------------------------------------------------
// Wellbeing
// ---------------------------------------------------------------------------------------

journey('a wellbeing answer with a heavy load is saved, shown on the entry and kept after a reload', async ({ app, page, a11y }) => {
  const id = await app.writeEntry({ text: 'A long call about a bereavement. I listened, nothing to fix.' });
  await app.expectVisibleText('Say how you are after this');
  await app.open(`/entries/${id}/wellbeing`);
  await app.expectPage(WELLBEING);
  const ratings = page.locator('input[name="wellbeing-rating"]');
  assert.deepEqual(await ratings.evaluateAll((rs) => rs.map((r) => r.labels[0].innerText.trim())), [
    'Very low', 'Low', 'Okay', 'Good', 'Very good',
  ]);
  await a11y('wellbeing, empty');

  await page.getByRole('radio', { name: 'Low', exact: true }).check();
  await page.getByRole('radio', { name: 'Heavy' }).check();
  await app.button('Save').click();

  await app.expectPath(`/entries/${id}`);
  await app.expectVisibleText(WELLBEING_SAVED);
  await app.expectVisibleText('Low, with a heavy emotional load.');
  // A heavy load gets a calm pointer to supervision, not an alarm.
  await app.expectVisibleText('You could bring this one to supervision');
  await a11y('entry, wellbeing answer with heavy load');

  const stored = await storedJson(app, 'anchorpoint.wellbeing');
  assert.equal(stored.kind, 'wellbeing');
  assert.equal(stored.data.checks.length, 1);
  assert.equal(stored.data.checks[0].entry, id);
  assert.equal(stored.data.checks[0].rating, 2);
  assert.equal(stored.data.checks[0].emotional_load, 'heavy');

  await app.reload();
  await app.expectVisibleText('Low, with a heavy emotional load.');
  assert.equal(await page.getByText(WELLBEING_SAVED).count(), 0, 'the thank-you shows once');

  // Changing it: the page opens with the earlier answer chosen.
  await app.link('Change how you were after this').click();
  await app.expectPage(WELLBEING);
  assert.equal(await page.getByRole('radio', { name: 'Low', exact: true }).isChecked(), true);
  assert.equal(await page.getByRole('radio', { name: 'Heavy' }).isChecked(), true);
  await page.getByRole('radio', { name: 'Good', exact: true }).check();
  await page.getByRole('radio', { name: 'Light' }).check();
  await app.button('Save').click();
  await app.expectVisibleText('Good, with a light emotional load.');
  assert.equal(await page.getByText('You could bring this one to supervision').count(), 0);
  assert.equal((await storedJson(app, 'anchorpoint.wellbeing')).data.checks.length, 1, 'replaced, not added');
});

journey('skipping the wellbeing question saves nothing, and saving without a rating is an error', async ({ app, page, a11y }) => {
  const id = await app.writeEntry({ text: 'Short catch-up with the practice nurse.' });
  await app.open(`/entries/${id}/wellbeing`);
  await app.button('Save').click();
  await app.expectText(app.errorSummary(), 'Select how you are after this, from very low to very good');
  await app.expectTitle(`Error: ${WELLBEING} – Anchorpoint`);
  assert.deepEqual((await app.errorLinks()).map((l) => l.href), ['#wellbeing-rating']);
  await a11y('wellbeing, no rating');

  await page.getByRole('radio', { name: 'Okay' }).check();
  await app.link('Skip').click();
  await app.expectPath(`/entries/${id}`);
  await app.expectVisibleText('Say how you are after this');
  assert.equal(await storedJson(app, 'anchorpoint.wellbeing'), null, 'nothing was stored');

  // An address for a reflection that is not there says so.
  await app.open('/entries/no-such-entry/wellbeing');
  await app.expectPage('Reflection not found');
});

journey('when storage is full a wellbeing answer fails visibly and the entry shows none', async ({ app, page, a11y }) => {
  const id = await app.writeEntry({ text: 'Home visit with the community connector.' });
  await app.open(`/entries/${id}/wellbeing`);
  await fillStorage(page);
  await page.getByRole('radio', { name: 'Very good' }).check();
  await app.button('Save').click();
  await app.expectText(app.errorSummary(), "Your answer could not be saved because this browser's storage for Anchorpoint is full");
  assert.equal(app.path(), `/entries/${id}/wellbeing`);
  assert.equal(await page.getByRole('radio', { name: 'Very good' }).isChecked(), true);
  await a11y('wellbeing, storage full');
  await freeStorage(page);
  assert.equal(await storedJson(app, 'anchorpoint.wellbeing'), null, 'nothing was stored');
  await app.link('Skip').click();
  await app.expectVisibleText('Say how you are after this');
});

// ---------------------------------------------------------------------------------------

