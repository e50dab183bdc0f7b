// Storage full: the save fails visibly, the words stay in the editor, and
// once space is freed the same words save.

import assert from 'node:assert/strict';
import { fillStorage, freeStorage } from './storage.mjs';
import { useHarness } from './harness.mjs';
import { STORAGE_FULL } from './fixtures.mjs';

const { journey } = useHarness();

journey('when storage is full the save fails visibly and the text stays in the editor', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  const junkKeys = await fillStorage(page);
  assert.ok(junkKeys > 0);

  await app.fillReflection(STORAGE_FULL);
  await app.saveNew();
  await app.expectText(app.errorSummary(), 'There is a problem');
  await app.expectText(app.errorSummary(), 'could not be saved');
  assert.equal(app.path(), '/write', 'still on the write page');
  assert.equal(await app.reflectionInput().inputValue(), STORAGE_FULL, 'the text is still in the editor');
  const entries = (await app.anchorpointKeys()).filter((k) => k.startsWith('anchorpoint.entry.'));
  assert.deepEqual(entries, []);
  await a11y('write, storage full');

  // Trying again while still full fails the same way, without losing anything.
  await app.saveNew();
  await app.expectText(app.errorSummary(), 'could not be saved');
  assert.equal(await app.reflectionInput().inputValue(), STORAGE_FULL);

  await freeStorage(page);
  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  await app.expectVisibleText('Reflection saved');
  assert.equal((await app.entryText().textContent()).trim(), STORAGE_FULL);
  await a11y('entry, saved after space was freed');

  await app.reload();
  assert.equal((await app.entryText().textContent()).trim(), STORAGE_FULL, 'it really was stored');
});

journey('when storage is full an edit fails visibly and the saved entry is untouched', async ({ app, page }) => {
  const id = await app.writeEntry({ text: 'Original words.' });
  await app.open(`/entries/${id}/edit`);
  await fillStorage(page);
  const longer = `${STORAGE_FULL} ${'More words. '.repeat(50)}`.trim();
  await app.fillReflection(longer);
  await app.button('Save changes').click();
  await app.expectText(app.errorSummary(), 'could not be saved');
  assert.equal(await app.reflectionInput().inputValue(), longer);

  await freeStorage(page);
  await app.open(`/entries/${id}`);
  assert.equal((await app.entryText().textContent()).trim(), 'Original words.', 'a failed write changed nothing');
});
