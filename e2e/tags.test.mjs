// Tagging: suggestions from what was written, each accepted or dismissed with one
// button; the tag picker grouped by family; tags kept with the entry.

import assert from 'node:assert/strict';
import { useHarness } from './harness.mjs';

const { journey } = useHarness();

const TEXT =
  'I decided to offer a fourth session. Answered a message after hours. ' +
  'She opened up about the debt for the first time.';

function suggestionCards(page) {
  return page.locator('.app-suggestion');
}

async function suggestedLabels(page) {
  return suggestionCards(page).locator('.nhsuk-tag').allInnerTexts();
}

async function chosenTags(page) {
  const list = page.locator('.app-tag-list').first();
  if ((await list.count()) === 0) return [];
  return (await list.locator('.nhsuk-tag').allInnerTexts()).map((t) => t.trim());
}

journey('one suggested tag can be accepted and another dismissed, and only the accepted one is kept', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  await app.fillReflection(TEXT);

  await app.waitUntil(async () => (await suggestionCards(page).count()) === 3, 'three suggestions');
  assert.deepEqual(await suggestedLabels(page), [
    'micro-discretion: with a patient',
    'boundary: stretched',
    'anchor point: space and permission',
  ]);
  // Each suggestion shows the words that triggered it and asks, never tags by itself.
  const first = suggestionCards(page).first();
  assert.equal((await first.locator('mark').innerText()).trim(), 'I decided');
  assert.deepEqual(await chosenTags(page), []);
  await a11y('write, with suggestions');

  await page.getByRole('button', { name: 'Add tag micro-discretion: with a patient' }).click();
  await page.getByRole('button', { name: 'Dismiss the suggestion boundary: stretched' }).click();
  await app.waitUntil(async () => (await suggestionCards(page).count()) === 1, 'one suggestion left');
  assert.deepEqual(await suggestedLabels(page), ['anchor point: space and permission']);
  assert.deepEqual(await chosenTags(page), ['micro-discretion: with a patient']);
  // Keyboard focus stays in the list: it moved to the remaining suggestion.
  await app.waitUntil(
    async () => (await app.focused()).id === 'suggest-add-anchor-space',
    async () => `focus on the remaining suggestion, was on ${JSON.stringify(await app.focused())}`,
  );

  // The choice is part of the draft: a reload keeps it.
  await app.reload();
  await app.expectPage('Write a reflection');
  assert.deepEqual(await chosenTags(page), ['micro-discretion: with a patient']);
  assert.deepEqual(await suggestedLabels(page), ['anchor point: space and permission']);

  await app.saveNew();
  await app.expectVisibleText('Reflection saved');
  assert.deepEqual(await chosenTags(page), ['micro-discretion: with a patient']);
  await a11y('entry, with a tag');

  // Editing later: the dismissed suggestion is not asked again.
  await app.link('Edit this reflection').click();
  await app.expectPage('Edit reflection');
  assert.deepEqual(await suggestedLabels(page), ['anchor point: space and permission']);
});

journey('a tag can be chosen from the picker by family, with its definition shown', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  await app.fillReflection('A quiet hour at the surgery. Nothing to fix, I listened.');

  await page.getByText('Choose tags for this reflection').click();
  const box = page.getByRole('checkbox', { name: 'bearing witness' });
  await box.waitFor();
  // The definition and example are tied to the checkbox for screen readers too.
  const describedBy = await box.getAttribute('aria-describedby');
  const hint = await page.locator(`#${describedBy}`).innerText();
  assert.match(hint, /For example/);
  await a11y('write, tag picker open');

  await box.focus();
  await page.keyboard.press('Space');
  assert.equal(await box.isChecked(), true);
  assert.deepEqual(await chosenTags(page), ['holding: function: bearing witness']);

  await app.saveNew();
  await app.expectVisibleText('Reflection saved');
  assert.deepEqual(await chosenTags(page), ['holding: function: bearing witness']);
  await app.reload();
  assert.deepEqual(await chosenTags(page), ['holding: function: bearing witness']);
});

journey('a safeguarding cue says to use the proper channel', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  await app.fillReflection('There may be a safeguarding issue at home; I raised it with the duty lead.');
  await app.waitUntil(
    async () => (await suggestionCards(page).allInnerTexts()).join(' ').includes('safeguarding channel'),
    'the safeguarding suggestion',
  );
  await a11y('write, safeguarding suggestion');
});

journey('the words a suggestion quotes follow the text as it is typed key by key', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  // The cue fires at "I decide", before the word is finished: the quote must grow with it.
  await app.typeReflection('Today I decided to phone the housing officer.');
  const card = suggestionCards(page).filter({ hasText: 'micro-discretion: with a patient' });
  await app.waitUntil(async () => (await card.count()) === 1, 'the judgement-call suggestion');
  await app.waitUntil(
    async () => (await card.locator('mark').innerText()).trim() === 'I decided',
    async () => `the quote is the whole words, got ${JSON.stringify(await card.locator('mark').innerText())}`,
  );
  await a11y('write, typed key by key, with a suggestion');
});
