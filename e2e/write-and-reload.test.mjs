// Writing a reflection, and finding it again after a reload.

import assert from 'node:assert/strict';
import { useHarness, longDate } from './harness.mjs';
import { FIRST_VISIT, WITH_MARKUP } from './fixtures.mjs';

const { journey } = useHarness();

journey('a first-time user sees an empty journal that says nothing leaves the device', async ({ app, a11y }) => {
  await app.open('/');
  await app.expectPage('Your journal');
  await app.expectVisibleText('Nothing you write leaves this device');
  assert.deepEqual(await app.listedDays(), []);
  await app.linkButton('Write a reflection').waitFor();
  await a11y('journal, empty');
});

journey('a saved reflection is still there after a reload', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  const today = await app.today();
  const fields = await app.dateFields();
  assert.deepEqual(
    { day: Number(fields.day), month: Number(fields.month), year: Number(fields.year) },
    today,
    'the date defaults to today',
  );
  assert.equal(await app.reflectionInput().inputValue(), '');
  await a11y('write, empty');

  await app.fillReflection(FIRST_VISIT);
  await a11y('write, with text');
  await app.saveNew();

  await app.expectPath(/^\/entries\/[^/]+$/);
  const id = app.entryId();
  const day = longDate(today);
  await app.expectPage(`Reflection about ${day}`);
  await app.expectVisibleText('Reflection saved');
  assert.equal((await app.entryText().textContent()).trim(), FIRST_VISIT, 'line breaks are kept');
  await app.link('Edit this reflection').waitFor();
  await app.link('Delete this reflection').waitFor();
  await a11y('entry, just saved');

  // A real URL: loading it from scratch shows the same entry.
  await app.reload();
  await app.expectPage(`Reflection about ${day}`);
  assert.equal((await app.entryText().textContent()).trim(), FIRST_VISIT);
  await a11y('entry, after reload');

  await app.link('Back to your journal').click();
  await app.expectPage('Your journal');
  const expectListed = async () => {
    const listed = await app.listedEntries();
    assert.equal(listed.length, 1, `one entry listed, got ${JSON.stringify(listed)}`);
    assert.equal(listed[0].day, day);
    assert.equal(new URL(listed[0].href, page.url()).pathname, `/entries/${id}`);
    assert.match(listed[0].text, /Long session with Ada Quillfeather/, 'a preview of the text');
  };
  await expectListed();
  assert.equal(await page.getByText('You have an unsaved draft').count(), 0, 'saving clears the draft');
  await a11y('journal, one entry');

  await app.reload();
  await app.expectPage('Your journal');
  await expectListed();

  // The stored record: one key per entry, in a versioned envelope.
  const storage = await app.storage();
  const raw = storage[`anchorpoint.entry.${id}`];
  assert.ok(raw, `anchorpoint.entry.${id} is stored; keys: ${Object.keys(storage).join(', ')}`);
  const record = JSON.parse(raw);
  assert.equal(record.app, 'anchorpoint');
  assert.equal(record.kind, 'entry');
  assert.equal(record.v, 4);
  assert.match((await app.rawStorage())[`anchorpoint.entry.${id}`], /^AP4;z;1;/, 'kept as a compact frame');
  assert.equal(typeof record.data, 'object');
  assert.ok(
    JSON.stringify(record.data).includes(JSON.stringify(FIRST_VISIT).slice(1, -1)),
    'the record holds the text as written',
  );
  assert.ok(
    Object.keys(storage).some((k) => /^anchorpoint\.index\.\d+$/.test(k) && storage[k].includes(id)),
    'an index shard lists the reflection',
  );
});

journey('text that looks like markup is shown exactly as typed', async ({ app, page, a11y }) => {
  await app.writeEntry({ text: WITH_MARKUP });
  assert.equal((await app.entryText().textContent()).trim(), WITH_MARKUP);
  assert.equal(await app.entryText().locator('b').count(), 0, 'no <b> element was created');
  await a11y('entry, markup-like text');

  await app.link('Back to your journal').click();
  await app.expectPage('Your journal');
  const [entry] = await app.listedEntries();
  assert.ok(entry.text.includes('<b>five ways</b>'), `preview shows the text literally: ${entry.text}`);
  assert.equal(await page.locator('ul.app-entry-list b').count(), 0);
});
