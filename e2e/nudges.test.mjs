// Identifier nudges while writing: a phone number typed key by key is pointed out under
// the box and replaced with "[phone]" only when the worker chooses; a name the anonymiser
// cannot know is asked about ("Is this someone's name?") and added to the private list;
// a nudge can be dismissed; the journal list and the entry page flag a saved reflection
// that may contain identifiers, with a link to tidy it. axe-core runs on every state.
// Every name and number here is fictional (drama-range phone numbers).

import assert from 'node:assert/strict';
import { useHarness, addDays, isoDate } from './harness.mjs';
import { allowWrites, refuseWrites } from './storage.mjs';
import { v4Journal, putStored } from './records.mjs';

const { journey } = useHarness();

function nudges(page, box = 'reflection') {
  return page.locator(`#${box}-nudges .app-nudge`);
}

async function nudgeTexts(page, box) {
  return page.locator(`#${box ?? 'reflection'}-nudges .app-nudge strong.app-trigger`).allInnerTexts();
}

/** The button `name` of the nudge about `words`. */
function nudgeButton(page, words, name) {
  return page.locator('.app-nudge').filter({ has: page.locator('strong.app-trigger', { hasText: words }) })
    .getByRole('button', { name: new RegExp(`^${name.replace(/[[\]]/g, '\\$&')}`) });
}

async function storedSettings(app) {
  const raw = (await app.storage())['anchorpoint.settings'];
  return raw === undefined ? null : JSON.parse(raw).data;
}

journey('a phone number typed key by key is nudged and replaced only when asked', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await a11y('editor, no nudges');
  const words = 'She rang me from 07700 900123 after the group';
  await app.typeReflection(words);
  await nudges(page).first().waitFor();
  assert.deepEqual(await nudgeTexts(page), ['07700 900123']);
  await app.expectText(nudges(page).first(), 'This looks like a phone number. Reflections are about your practice: keep contact details in the patient record.');
  // Nothing is changed by itself, and focus stays in the box.
  assert.equal(await app.reflectionInput().inputValue(), words);
  assert.equal((await app.focused()).id, 'reflection');
  await app.expectText(page.locator('.app-nudges [aria-live="polite"]'), '1 detail in your reflection could identify someone');
  await a11y('editor, phone number nudged');

  await nudgeButton(page, '07700 900123', 'Replace with [phone]').click();
  assert.equal(await app.reflectionInput().inputValue(), 'She rang me from [phone] after the group');
  await app.waitUntil(async () => (await nudges(page).count()) === 0, 'the nudge to go');
  // Focus comes back to the words, and the change is kept as the draft like a key.
  await app.waitUntil(async () => (await app.focused()).id === 'reflection', 'focus back in the box');
  await app.expectText(app.draftStatus(), 'Draft saved on this device');
  await app.reload();
  await app.expectPage('Write a reflection');
  assert.equal(await app.reflectionInput().inputValue(), 'She rang me from [phone] after the group');
  await a11y('editor, after replacing');
});

journey('a name on its own is asked about and added to the private list of names', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.typeReflection('Sat with Zdravko at the lunch club; he is still waiting for housing.');
  await nudges(page).first().waitFor();
  assert.deepEqual(await nudgeTexts(page), ['Zdravko']);
  await app.expectText(nudges(page).first(), "Is this someone's name?");
  await a11y('editor, possible name');

  await nudgeButton(page, 'Zdravko', 'Add to my private list of names').click();
  await app.expectText(page.locator('.app-nudge-added'), '“Zdravko” was added to your private list of names.');
  const settings = await storedSettings(app);
  assert.deepEqual(settings.private_names, ['Zdravko']);
  // Now it is a listed name, and the words are still as written.
  await app.waitUntil(
    async () => (await nudges(page).first().getAttribute('data-kind').catch(() => null)) === 'listed-name',
    'the nudge to say the name is on the list',
  );
  await app.expectText(nudges(page).first(), 'This name is on your private list of names.');
  assert.equal(await app.reflectionInput().inputValue(), 'Sat with Zdravko at the lunch club; he is still waiting for housing.');
  await a11y('editor, name added to the list');

  await nudgeButton(page, 'Zdravko', 'Replace with [name]').click();
  assert.equal(await app.reflectionInput().inputValue(), 'Sat with [name] at the lunch club; he is still waiting for housing.');

  await app.open('/settings');
  await app.expectPage('Settings');
  assert.equal(await page.getByLabel('Names and places to remove from exports').inputValue(), 'Zdravko');
});

journey('a dismissed nudge goes for this reflection and the words stay as written', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  const words = 'Emailed the team at carers.hub@example.org and rang 0113 496 0123.';
  await app.fillReflection(words);
  await app.waitUntil(async () => (await nudges(page).count()) === 2, 'two nudges');
  assert.deepEqual(await nudgeTexts(page), ['carers.hub@example.org', '0113 496 0123']);
  await nudgeButton(page, 'carers.hub@example.org', 'Dismiss').click();
  await app.waitUntil(async () => (await nudges(page).count()) === 1, 'one nudge left');
  assert.deepEqual(await nudgeTexts(page), ['0113 496 0123']);
  // Focus goes to the list while something is left in it.
  await app.waitUntil(async () => (await app.focused()).id === 'reflection-nudges', 'focus on the list');
  assert.equal(await app.reflectionInput().inputValue(), words);
  await a11y('editor, one nudge dismissed');
  // Typing more does not bring the dismissed one back.
  await app.typeReflection(' Later.');
  await page.waitForTimeout(600);
  assert.deepEqual(await nudgeTexts(page), ['0113 496 0123']);
});

async function storedDismissals(app) {
  const raw = (await app.storage())['anchorpoint.dismissals'];
  return raw === undefined ? null : JSON.parse(raw).data;
}

journey('a dismissed nudge stays dismissed for that reflection, through a reload, a save and reopening, and goes with it when it is deleted', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.typeReflection('Rang her on 07700 900123 about the walking group.');
  await nudges(page).first().waitFor();
  assert.deepEqual(await nudgeTexts(page), ['07700 900123']);
  await nudgeButton(page, '07700 900123', 'Dismiss').click();
  await app.waitUntil(async () => (await nudges(page).count()) === 0, 'the nudge to go');
  // Kept for this tab's draft, as a fingerprint: never the number itself.
  await app.waitUntil(async () => (await storedDismissals(app)) !== null, 'the dismissal to be stored');
  const draftOnly = await storedDismissals(app);
  assert.deepEqual(draftOnly.entries, {});
  assert.equal(Object.values(draftOnly.drafts).flat().length, 1);
  assert.match(Object.values(draftOnly.drafts)[0][0], /^[0-9a-f]{16}$/);
  const everything = JSON.stringify(await app.storage()) + JSON.stringify(await app.rawStorage());
  assert.equal((everything.match(/07700 900123/g) ?? []).length, 1, 'only the draft holds the number');

  // A reload of the editor keeps the dismissal with the draft.
  await app.reload();
  await app.expectPage('Write a reflection');
  assert.match(await app.reflectionInput().inputValue(), /07700 900123/);
  await page.waitForTimeout(800);
  assert.equal(await nudges(page).count(), 0, 'still dismissed after a reload');

  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  const id = app.entryId();
  const saved = await storedDismissals(app);
  assert.deepEqual(Object.keys(saved.entries), [id]);
  assert.deepEqual(saved.entries[id], Object.values(draftOnly.drafts)[0]);
  assert.deepEqual(saved.drafts, {}, 'the draft\'s dismissals moved to the reflection');
  // Nothing left to point out, so no flag.
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.app-entry-flag').count(), 0);

  // Reopened, the phone number is still dismissed; a new, different identifier is nudged.
  await app.open(`/entries/${id}/edit`);
  await app.expectPage('Edit reflection');
  await app.typeReflection(' Her email is jo.bloggs@example.org.');
  await nudges(page).first().waitFor();
  assert.deepEqual(await nudgeTexts(page), ['jo.bloggs@example.org']);
  await a11y('edit page, an earlier dismissal kept, a new identifier nudged');
  await app.button('Save changes').click();
  await app.expectPath(new RegExp(`^/entries/${id}$`));
  await app.expectText(page.locator('.app-entry-flag'), 'This reflection may contain identifiers.');

  // Deleted: the reflection's dismissals go in the same write.
  await app.link('Delete this reflection').click();
  await app.button('Yes, delete it').click();
  await app.expectPage('Your journal');
  const after = await storedDismissals(app);
  assert.ok(!(id in after.entries), `the dismissals of ${id} are gone`);
  assert.deepEqual(after, { entries: {}, drafts: {} });
});

journey('a dismissal that cannot be kept says so, and the nudge stays dismissed while the page is open', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.typeReflection('Rang her on 07700 900321 today.');
  await nudges(page).first().waitFor();
  await refuseWrites(page);
  await nudgeButton(page, '07700 900321', 'Dismiss').click();
  await app.waitUntil(async () => (await nudges(page).count()) === 0, 'the nudge to go');
  const alert = page.locator('.app-nudges [role="alert"]');
  await app.expectText(alert, 'Your dismissal could not be kept because');
  await app.expectText(alert, 'your words are safe');
  await a11y('editor, dismissal not kept');
  await allowWrites(page);
  assert.equal(await storedDismissals(app), null, 'nothing was stored');
});

// A dismissals record whose envelope is sound but whose contents are damaged passes the
// start-up check (only the envelope is read then). When a page first reads it, it is
// reported as set aside, like any damaged record; the next dismissal copies it under a
// key of its own before writing, so dismissing works again and nothing is deleted.
journey('a damaged dismissals record is reported and copied aside, and dismissing works again', async ({ app, page, a11y }) => {
  await app.open('/');
  const damaged = '{"app":"anchorpoint","kind":"dismissals","v":1,"data":{"entries":"not a map"}}';
  await page.evaluate((v) => localStorage.setItem('anchorpoint.dismissals', v), damaged);
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.expectSetAside('anchorpoint.dismissals');
  assert.equal((await app.storage())['anchorpoint.dismissals'], damaged, 'reading it changed nothing');

  await app.typeReflection('Rang her on 07700 900654 today.');
  await nudges(page).first().waitFor();
  await nudgeButton(page, '07700 900654', 'Dismiss').click();
  await app.waitUntil(async () => (await nudges(page).count()) === 0, 'the nudge to go');
  assert.equal(await page.locator('.app-nudges [role="alert"]').count(), 0, 'the dismissal was kept');
  await app.waitUntil(
    async () => (await app.storage())['anchorpoint.dismissals'] !== damaged,
    'the dismissal to be stored',
  );
  const stored = await app.storage();
  const copies = Object.entries(stored).filter(([k]) => k.startsWith('anchorpoint.setaside.dismissals'));
  assert.deepEqual(copies.map(([, v]) => v), [damaged], 'the damaged record is kept under a key of its own');
  assert.equal(Object.values((await storedDismissals(app)).drafts).flat().length, 1, 'the dismissal is stored');
  await a11y('editor, damaged dismissals set aside');

  // The reflection saves as usual and keeps its dismissal; the copy is still there.
  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  await app.expectText(app.entryText(), 'Rang her on 07700 900654 today.');
  assert.deepEqual(Object.keys((await storedDismissals(app)).entries), [app.entryId()]);
  assert.ok(Object.values(await app.storage()).includes(damaged), 'the copy is kept');
});

journey('a failure to save the nudges choice shows in the settings page\'s one error summary', async ({ app, page, a11y }) => {
  await app.open('/settings');
  await app.expectPage('Settings');
  await refuseWrites(page);
  await page.getByLabel('No, do not point them out').check();
  await app.button('Save this choice').click();
  const message = 'Your choice about nudges could not be saved because';
  await app.expectText(app.errorSummary(), message);
  await app.expectText(app.errorSummary(), 'your saved choice has not changed');
  const links = await app.errorLinks();
  assert.equal(links.length, 1);
  assert.ok(links[0].text.startsWith(message), links[0].text);
  assert.equal(links[0].href, '#nudges');
  await app.expectText(page.locator('#nudges-error'), `Error: ${message}`);
  await app.expectTitle('Error: Settings – Anchorpoint');
  assert.equal(await page.getByRole('status').filter({ hasText: 'Saved:' }).count(), 0, 'nothing said saved');
  await a11y('settings, nudges choice not saved');
  await app.errorSummary().getByRole('link').click();
  await app.waitUntil(async () => (await app.focused()).id === 'nudges', 'focus on the first choice');

  await allowWrites(page);
  await app.button('Save this choice').click();
  await app.expectText(page.getByRole('status').filter({ hasText: 'Saved:' }), 'Saved: Anchorpoint will not point out details while you write.');
  assert.equal(await app.errorSummary().count(), 0, 'the error summary has gone');
});

journey('a saved reflection that may contain identifiers is flagged on its page and in the journal list, with a link to tidy it', async ({ app, page, a11y }) => {
  const id = await app.writeEntry({ text: 'Mrs Quillfeather rang from 07700 900456 about the walking group.' });
  const flag = page.locator('.app-entry-flag');
  await app.expectText(flag, 'This reflection may contain identifiers.');
  await a11y('entry page, flagged');
  await flag.getByRole('link').click();
  await app.expectPage('Edit reflection');
  assert.equal(app.path(), `/entries/${id}/edit`);
  await app.waitUntil(async () => (await nudges(page).count()) === 2, 'both identifiers nudged');
  assert.deepEqual(await nudgeTexts(page), ['Mrs Quillfeather', '07700 900456']);
  await a11y('edit page, nudges');
  // A reflection with nothing to point out has no flag.
  await app.writeEntry({ text: 'A quiet day of admin and reading about supervision.' });
  await page.waitForTimeout(500);
  assert.equal(await page.locator('.app-entry-flag').count(), 0);

  // The journal list flags the first reflection, not the second, with a link to tidy it.
  await app.link('Back to your journal').click();
  await app.expectPage('Your journal');
  const listFlags = page.locator('#search-results .app-entry-flag');
  await app.waitUntil(async () => (await listFlags.count()) === 1, 'one reflection flagged in the list');
  const flagged = page.locator('#search-results > li', { has: page.locator('.app-entry-flag') });
  await app.expectText(flagged, 'Mrs Quillfeather rang');
  await a11y('journal list, one reflection flagged');
  await listFlags.getByRole('link').click();
  await app.expectPage('Edit reflection');
  assert.equal(app.path(), `/entries/${id}/edit`);
});

journey('a reflection opened for editing shows its nudges with the page, so Save changes does not move under the pointer', async ({ app, page, a11y }) => {
  const id = await app.writeEntry({ text: 'Rang Mr Ottoline Brackwater back on 07700 900789 about the lunch club.' });
  // Noted in the page itself: how many nudges the first frame with the editor's heading
  // draws. A scan left until typing pauses would add them a third of a second later,
  // pushing Save changes down as the worker reaches for it.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (![...document.querySelectorAll('h1')].some((h) => h.textContent.includes('Edit reflection'))) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__nudgesInFirstFrame = document.querySelectorAll('#reflection-nudges .app-nudge').length;
      });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await app.open(`/entries/${id}/edit`);
  await app.expectPage('Edit reflection');
  await app.waitUntil(async () => (await page.evaluate(() => window.__nudgesInFirstFrame)) !== undefined, 'the first frame');
  assert.equal(await page.evaluate(() => window.__nudgesInFirstFrame), 2, 'both nudges in the first frame');
  const save = app.button('Save changes');
  const before = await save.boundingBox();
  await page.waitForTimeout(600);
  assert.deepEqual(await save.boundingBox(), before, 'Save changes stays where it was drawn');
  assert.deepEqual(await nudgeTexts(page), ['Mr Ottoline Brackwater', '07700 900789']);
  await a11y('edit page, nudged from the start');
});

journey('every reflection listed has its flag worked out in turn, on the first page and the next', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  // Fourteen reflections, newest first; the even ones give a (drama-range) phone number.
  const entries = Array.from({ length: 14 }, (_, i) => ({
    id: `flag${String(i).padStart(2, '0')}`,
    about: isoDate(addDays(today, -1 - i)),
    text: i % 2 === 0
      ? `Rang Person B back on 07700 900${400 + i} about the walking group.`
      : `A quiet session, number ${i}, about the walking group.`,
  }));
  await putStored(page, v4Journal(entries));
  await app.open('/');
  await app.expectPage('Your journal');
  const flagged = page.locator('#search-results > li', { has: page.locator('.app-entry-flag') });
  const flaggedIds = () => flagged.locator('h3 a').evaluateAll((links) => links.map((a) => a.id.replace(/^entry-/, '')));
  // The rows take turns, one a task: a turn that never ended would leave the rest unflagged.
  await app.waitUntil(async () => (await flagged.count()) === 5, 'the five of the first ten that give a number');
  assert.deepEqual(await flaggedIds(), ['flag00', 'flag02', 'flag04', 'flag06', 'flag08']);
  await a11y('journal, five of ten flagged');
  await app.button('Show more reflections').click();
  await app.waitUntil(async () => (await flagged.count()) === 7, 'and the two of the next four');
  assert.deepEqual((await flaggedIds()).slice(5), ['flag10', 'flag12']);
});

journey('with nudges turned off in Settings nothing is pointed out', async ({ app, page, a11y }) => {
  await app.open('/settings');
  await app.expectPage('Settings');
  await page.getByLabel('No, do not point them out').check();
  await page.getByRole('button', { name: 'Save this choice' }).click();
  await app.expectText(page.getByRole('status').filter({ hasText: 'Saved:' }), 'Saved: Anchorpoint will not point out details while you write.');
  await a11y('settings, nudges off');
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.typeReflection('Rang her on 07700 900789 today.');
  await page.waitForTimeout(800);
  assert.equal(await page.locator('.app-nudge').count(), 0);
  await app.reload();
  await app.expectPage('Write a reflection');
  await page.waitForTimeout(800);
  assert.equal(await page.locator('.app-nudge').count(), 0, 'still off after a reload');
});
