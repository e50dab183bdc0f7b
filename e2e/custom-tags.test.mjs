// The worker's own tags and templates: create, rename, merge and delete tags without
// losing or corrupting reflections; bad names get field errors; a custom template with
// two prompts and roles. axe-core runs on every page and state visited.

import assert from 'node:assert/strict';
import { allowWrites, refuseWrites } from './storage.mjs';
import { useHarness } from './harness.mjs';
import { storedRecord } from './records.mjs';

const { journey } = useHarness();

/** The tag names shown on the page (entry page or editor), in order. */
async function shownTags(page) {
  const list = page.locator('.app-tag-list').first();
  if ((await list.count()) === 0) return [];
  return (await list.locator('.nhsuk-tag').allInnerTexts()).map((t) => t.trim());
}

/** Creates a tag from the tags page and returns to the list. */
async function createTag(app, name, definition = '') {
  await app.open('/settings/tags');
  await app.linkButton('Create a tag').click();
  await app.expectPage('Create a tag');
  await app.page.getByLabel('Tag name', { exact: true }).fill(name);
  if (definition) await app.page.getByLabel('Definition (optional)').fill(definition);
  await app.button('Create tag').click();
  await app.expectPath('/settings/tags');
  await app.expectVisibleText(`Tag ‘${name}’ created`);
}

/**
 * The id the app gave the custom tag with this name, read from storage: ids are made from
 * the time and a random number (`custom-<time>-<random>`), so a journey never assumes one.
 */
async function storedTagId(app, name) {
  const record = JSON.parse((await app.storage())['anchorpoint.tags']);
  const tag = record.data.custom.find((t) => t.label === name);
  assert.ok(tag, `a stored tag called ${name}`);
  assert.match(tag.id, /^custom-[0-9a-z]+-[0-9a-z]+$/);
  return tag.id;
}

/** Writes a reflection, ticking the given tags in the picker; returns its id. */
async function writeTagged(app, text, tags) {
  await app.open('/write');
  await app.fillReflection(text);
  await app.page.getByText('Choose tags for this reflection').click();
  for (const name of tags) {
    await app.page.getByRole('checkbox', { name, exact: true }).check();
  }
  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  await app.expectVisibleText('Reflection saved');
  return app.entryId();
}

/** The stored record of an entry, as the app wrote it. */
async function storedEntry(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `anchorpoint.entry.${id}`);
  return storedRecord(raw).data;
}

journey('a custom tag is created, renamed, used in the editor, and renamed again everywhere', async ({ app, page, a11y }) => {
  await app.open('/settings/tags');
  await app.expectPage('Your tags');
  await app.expectVisibleText('You have not created any tags yet.');
  await a11y('your tags, none yet');

  await app.linkButton('Create a tag').click();
  await app.expectPage('Create a tag');
  await a11y('create a tag');
  await page.getByLabel('Tag name', { exact: true }).fill('Food bank');
  await page.getByLabel('Definition (optional)').fill('Rang or referred someone to a food bank.');
  await app.button('Create tag').click();
  await app.expectPath('/settings/tags');
  await app.expectVisibleText('Tag ‘Food bank’ created');
  await app.expectVisibleText('Not used in any reflection yet');
  await a11y('your tags, one created');

  await app.link('Rename Food bank').click();
  await app.expectPage('Rename a tag');
  assert.equal(await page.getByLabel('Tag name', { exact: true }).inputValue(), 'Food bank');
  assert.equal(
    await page.getByLabel('Definition (optional)').inputValue(),
    'Rang or referred someone to a food bank.',
  );
  await a11y('rename a tag');
  await page.getByLabel('Tag name', { exact: true }).fill('Food banks');
  await app.button('Save changes').click();
  await app.expectPath('/settings/tags');
  await app.expectVisibleText('Tag ‘Food banks’ saved');

  // The editor's picker offers it under "Your own tags", with its definition.
  await app.open('/write');
  await app.fillReflection('Rang the food bank for a family waiting on their first payment.');
  await page.getByText('Choose tags for this reflection').click();
  const own = page.getByRole('group', { name: 'Your own tags' });
  const box = own.getByRole('checkbox', { name: 'Food banks', exact: true });
  await box.waitFor();
  const hint = await page.locator(`#${await box.getAttribute('aria-describedby')}`).innerText();
  assert.equal(hint.trim(), 'Rang or referred someone to a food bank.');
  await a11y('write, picker with own tags');
  await box.check();
  assert.deepEqual(await shownTags(page), ['Food banks']);
  await app.saveNew();
  await app.expectVisibleText('Reflection saved');
  const id = app.entryId();
  assert.deepEqual(await shownTags(page), ['Food banks']);

  // A second rename shows on the entry: entries keep the id, not the name.
  await app.open('/settings/tags');
  await app.expectVisibleText('Used in 1 reflection');
  await app.link('Rename Food banks').click();
  await app.expectPage('Rename a tag');
  await page.getByLabel('Tag name', { exact: true }).fill('Emergency food');
  await app.button('Save changes').click();
  await app.expectVisibleText('Tag ‘Emergency food’ saved');
  await app.open(`/entries/${id}`);
  assert.deepEqual(await shownTags(page), ['Emergency food']);
  await app.reload();
  assert.deepEqual(await shownTags(page), ['Emergency food']);
  await a11y('entry with a renamed custom tag');
});

journey('merging a custom tag into a built-in one retags its reflections and keeps their words', async ({ app, page, a11y }) => {
  await createTag(app, 'Walking group');
  const text = 'Went with her to the first walking group; she stayed for tea afterwards.';
  const id = await writeTagged(app, text, ['Walking group', 'held']);
  const before = await storedEntry(page, id);
  assert.deepEqual(before.tags, [await storedTagId(app, 'Walking group'), 'boundary-held']);

  await app.open('/settings/tags');
  await app.link('Merge Walking group').click();
  await app.expectPage('Merge ‘Walking group’ into another tag', 'Merge a tag');
  await app.expectVisibleText('The 1 reflection tagged ‘Walking group’ will be tagged with the tag you choose instead');
  await a11y('merge a tag');

  // Nothing chosen: a field error, and nothing changes.
  await app.button('Merge tags').click();
  await app.expectText(app.errorSummary(), 'Choose a tag to merge into');
  await app.expectTitle('Error: Merge a tag – Anchorpoint');
  assert.deepEqual(await app.errorLinks(), [{ text: 'Choose a tag to merge into', href: '#tag-merge-into' }]);
  await a11y('merge a tag, nothing chosen');

  const select = page.getByLabel('Tag to merge into');
  await select.selectOption('md-community');
  await app.expectVisibleText(
    'will be tagged with ‘micro-discretion: with a community organisation’ instead, and ‘Walking group’ will no longer exist',
  );
  await app.button('Merge tags').click();
  await app.expectPath('/settings/tags');
  await app.expectVisibleText(
    '‘Walking group’ merged into ‘micro-discretion: with a community organisation’. 1 reflection retagged.',
  );
  await app.expectVisibleText('You have not created any tags yet.');
  await a11y('your tags, after a merge');

  await app.open(`/entries/${id}`);
  assert.deepEqual(await shownTags(page), ['micro-discretion: with a community organisation', 'boundary: held']);
  assert.equal((await app.entryText().textContent()).trim(), text);
  const after = await storedEntry(page, id);
  assert.deepEqual(after.tags, ['md-community', 'boundary-held']);
  assert.deepEqual({ ...after, tags: null }, { ...before, tags: null }, 'only the tags changed');
});

journey('deleting a tag used by a reflection removes only that tag', async ({ app, page, a11y }) => {
  await createTag(app, 'Carers group');
  const tagId = await storedTagId(app, 'Carers group');
  const text = 'Long call about the carers group closing. Nothing to fix, I listened.';
  const id = await writeTagged(app, text, ['Carers group', 'bearing witness']);
  const before = await storedEntry(page, id);

  await app.open('/settings/tags');
  await app.link('Delete Carers group').click();
  await app.expectPage('Are you sure you want to delete the tag ‘Carers group’?', 'Delete a tag');
  await app.expectVisibleText('It will be removed from the 1 reflection that uses it.');
  await a11y('delete a tag');
  await app.link('No, keep it').click();
  await app.expectPage('Your tags');
  await app.expectVisibleText('Used in 1 reflection');

  await app.link('Delete Carers group').click();
  await app.button('Yes, delete this tag').click();
  await app.expectPath('/settings/tags');
  await app.expectVisibleText('Tag ‘Carers group’ deleted. It was removed from 1 reflection.');
  await a11y('your tags, after a delete');

  await app.open(`/entries/${id}`);
  assert.equal((await app.entryText().textContent()).trim(), text);
  assert.deepEqual(await shownTags(page), ['holding: function: bearing witness']);
  const after = await storedEntry(page, id);
  assert.deepEqual(after.tags, ['holding-witness']);
  assert.deepEqual({ ...after, tags: null }, { ...before, tags: null }, 'only the tags changed');

  // An address for the deleted tag says it is gone rather than failing.
  await app.open(`/settings/tags/${tagId}/rename`);
  await app.expectPage('Tag not found');
  await a11y('tag not found');
});

journey('empty, duplicate and huge tag and template names get field errors and change nothing', async ({ app, page, a11y }) => {
  await createTag(app, 'Food bank');
  const stored = await app.storage();

  await app.open('/settings/tags/new');
  await app.expectPage('Create a tag');
  const name = page.getByLabel('Tag name', { exact: true });
  const cases = [
    ['   ', 'Enter a tag name'],
    ['food  BANK', 'A tag called ‘food BANK’ already exists'],
    ['boundary: held', 'A tag called ‘boundary: held’ already exists'],
    ['x'.repeat(41), 'Tag name must be 40 characters or fewer'],
  ];
  for (const [typed, message] of cases) {
    await name.fill(typed);
    await app.button('Create tag').click();
    await app.expectText(app.errorSummary(), message);
    assert.deepEqual(await app.errorLinks(), [{ text: message, href: '#tag-name' }]);
    await app.expectText(page.locator('#tag-name-error'), `Error: ${message}`);
    await app.expectTitle('Error: Create a tag – Anchorpoint');
    assert.equal(app.path(), '/settings/tags/new');
  }
  await a11y('create a tag, name too long');
  // The summary link takes focus to the field.
  await app.errorSummary().getByRole('link').click();
  await app.waitUntil(async () => (await app.focused()).id === 'tag-name', 'focus on the name field');

  await name.fill('Housing');
  await page.getByLabel('Definition (optional)').fill('d'.repeat(201));
  await app.button('Create tag').click();
  await app.expectText(app.errorSummary(), 'Definition must be 200 characters or fewer');
  assert.deepEqual(await app.storage(), stored, 'nothing was stored');

  // Templates: the same rules for names, and a prompt needs its text.
  await app.open('/settings/templates/new');
  await app.expectPage('Create a template');
  const templateName = page.getByLabel('Template name');
  await app.button('Create template').click();
  await app.expectText(app.errorSummary(), 'Enter a template name');
  assert.deepEqual(await app.errorLinks(), [
    { text: 'Enter a template name', href: '#template-name' },
    { text: 'Enter the text of prompt 1, or remove it', href: '#prompt-1-label' },
  ]);
  await app.expectTitle('Error: Create a template – Anchorpoint');
  await a11y('create a template, empty');
  await templateName.fill('GIBBS');
  await page.getByLabel('Question or heading').fill('What happened?');
  await app.button('Create template').click();
  await app.expectText(app.errorSummary(), 'A template called ‘GIBBS’ already exists');
  await templateName.fill('t'.repeat(61));
  await app.button('Create template').click();
  await app.expectText(app.errorSummary(), 'Template name must be 60 characters or fewer');
  await app.expectText(page.locator('#template-name-error'), 'Template name must be 60 characters or fewer');
  await a11y('create a template, name too long');
  assert.deepEqual(await app.storage(), stored, 'nothing was stored');
});

journey('a custom template with two prompts and roles is created, listed, edited and deleted', async ({ app, page, a11y }) => {
  await app.open('/settings/templates');
  await app.expectPage('Your templates');
  await app.expectVisibleText('You have not created any templates yet.');
  await page.getByText('Gibbs', { exact: true }).click();
  await app.expectVisibleText('Gibbs\' reflective cycle (1988), in six stages.');
  await a11y('your templates, a built-in one open');

  await app.linkButton('Create a template').click();
  await app.expectPage('Create a template');
  await a11y('create a template');
  await page.getByLabel('Template name').fill('After a home visit');
  await page.locator('#prompt-1-label').fill('What did I notice?');
  await page.getByRole('group', { name: 'Prompt 1' }).getByLabel('A learning point').check();

  await app.button('Add another prompt').click();
  await app.waitUntil(async () => (await app.focused()).id === 'prompt-2-label', 'focus on the new prompt');
  await page.keyboard.type('What will I do next?');
  await page.locator('#prompt-2-hint').fill('One small step.');
  await page.getByRole('group', { name: 'Prompt 2' }).getByLabel('An action').check();
  await app.expectVisibleText('Prompt 2 added');
  await a11y('create a template, two prompts');

  // A third prompt can be added and removed again; focus stays on the prompts.
  await app.button('Add another prompt').click();
  await app.waitUntil(async () => (await app.focused()).id === 'prompt-3-label', 'focus on prompt 3');
  await app.button('Remove prompt 3').click();
  await app.waitUntil(async () => (await app.focused()).id === 'prompt-2-label', 'focus back on prompt 2');
  assert.equal(await page.locator('#prompt-3-label').count(), 0);
  assert.equal(await page.locator('#prompt-2-label').inputValue(), 'What will I do next?');

  await app.button('Create template').click();
  await app.expectPath('/settings/templates');
  await app.expectVisibleText('Template ‘After a home visit’ created');
  const row = page.locator('.nhsuk-summary-list__row', { hasText: 'After a home visit' });
  assert.match(await row.innerText(), /What did I notice\?\s*\(a learning point\)/);
  assert.match(await row.innerText(), /What will I do next\?\s*\(an action\)\s*One small step\./);
  await a11y('your templates, one created');
  const record = JSON.parse((await app.storage())['anchorpoint.templates']);
  assert.deepEqual(
    record.data.custom[0].prompts.map((p) => [p.label, p.role, p.hint ?? null]),
    [
      ['What did I notice?', 'learning', null],
      ['What will I do next?', 'action', 'One small step.'],
    ],
  );

  await app.link('Edit After a home visit').click();
  await app.expectPage('Edit a template');
  await app.expectVisibleText('Reflections you have already written with this template keep their questions and answers.');
  await a11y('edit a template');
  await page.getByLabel('Template name').fill('After a visit');
  await app.button('Save changes').click();
  await app.expectVisibleText('Template ‘After a visit’ saved');

  await app.link('Delete After a visit').click();
  await app.expectPage('Are you sure you want to delete the template ‘After a visit’?', 'Delete a template');
  await app.expectVisibleText('Reflections you have already written with it keep their questions and answers.');
  await a11y('delete a template');
  await app.button('Yes, delete this template').click();
  await app.expectVisibleText('Template ‘After a visit’ deleted');
  await app.expectVisibleText('You have not created any templates yet.');
});

journey('a template can start from a copy of a built-in one', async ({ app, page, a11y }) => {
  await app.open('/settings/templates/new');
  await app.expectPage('Create a template');
  await page.getByLabel('Start from a copy of a built-in template (optional)').selectOption('gibbs');
  await app.button('Use this template').click();
  await app.waitUntil(async () => (await app.focused()).id === 'template-name', 'focus on the name');
  assert.equal(await page.getByLabel('Template name').inputValue(), 'Gibbs (my version)');
  assert.equal(await page.locator('#prompt-6-label').inputValue(), 'Action plan');
  assert.equal(await page.getByRole('group', { name: 'Prompt 6' }).getByLabel('An action').isChecked(), true);
  await a11y('create a template, from a copy of Gibbs');
  await app.button('Create template').click();
  await app.expectVisibleText('Template ‘Gibbs (my version)’ created');
});

journey('a tag can be created and renamed with the keyboard only', async ({ app, page }) => {
  await app.open('/settings/tags');
  await app.expectPage('Your tags');
  await app.tabTo('the create link', (f) => f.text === 'Create a tag');
  await page.keyboard.press('Enter');
  await app.expectPage('Create a tag');
  await app.tabTo('the name field', (f) => f.id === 'tag-name');
  await page.keyboard.type('Home visit');
  await page.keyboard.press('Enter'); // submits the form
  await app.expectVisibleText('Tag ‘Home visit’ created');

  await app.tabTo('the rename link', (f) => f.text === 'Rename Home visit');
  await page.keyboard.press('Enter');
  await app.expectPage('Rename a tag');
  await app.tabTo('the name field', (f) => f.id === 'tag-name');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Home visits');
  await app.tabTo('the save button', (f) => f.text === 'Save changes');
  await page.keyboard.press('Enter');
  await app.expectVisibleText('Tag ‘Home visits’ saved');
});

journey('when storage is full a merge fails visibly and changes neither tags nor reflections', async ({ app, page, a11y }) => {
  await createTag(app, 'Lunch club');
  const tagId = await storedTagId(app, 'Lunch club');
  const id = await writeTagged(app, 'Took him to the lunch club.', ['Lunch club']);
  const before = await app.storage();
  await app.open(`/settings/tags/${tagId}/merge`);
  await page.getByLabel('Tag to merge into').selectOption('driver-no-provision');
  // A merge makes the vocabulary smaller, which fits even in full storage, so the
  // browser is made to refuse every write as full.
  await refuseWrites(page);
  await app.button('Merge tags').click();
  await app.expectText(app.errorSummary(), 'Your tags could not be saved because');
  await app.expectText(app.errorSummary(), 'Nothing has been changed: your tags and reflections are as they were.');
  await app.expectTitle('Error: Merge a tag – Anchorpoint');
  await a11y('merge a tag, storage full');
  await allowWrites(page);
  assert.deepEqual(await app.storage(), before, 'storage is as it was');
  await app.open(`/entries/${id}`);
  assert.deepEqual(await shownTags(page), ['Lunch club']);
});
