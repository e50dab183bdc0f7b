// Editing a saved reflection: its text and the day it is about.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays } from './harness.mjs';
import { FIRST_VISIT, EDITED } from './fixtures.mjs';

const { journey } = useHarness();

journey('an edited reflection keeps its changes after a reload', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const id = await app.writeEntry({ text: FIRST_VISIT });

  await app.link('Edit this reflection').click();
  await app.expectPath(`/entries/${id}/edit`);
  await app.expectPage('Edit reflection');
  const fields = await app.dateFields();
  assert.deepEqual(
    { day: Number(fields.day), month: Number(fields.month), year: Number(fields.year) },
    today,
    'the date is pre-filled',
  );
  assert.equal(await app.reflectionInput().inputValue(), FIRST_VISIT, 'the text is pre-filled');
  await app.link('Cancel').waitFor();
  await a11y('edit, pre-filled');

  const earlier = addDays(today, -3);
  await app.fillDate(earlier);
  await app.fillReflection(EDITED);
  await app.button('Save changes').click();

  await app.expectPath(`/entries/${id}`);
  await app.expectPage(`Reflection about ${longDate(earlier)}`);
  assert.equal((await app.entryText().textContent()).trim(), EDITED);
  await a11y('entry, after edit');

  await app.reload();
  await app.expectPage(`Reflection about ${longDate(earlier)}`);
  assert.equal((await app.entryText().textContent()).trim(), EDITED);

  await app.open('/');
  assert.deepEqual(await app.listedDays(), [longDate(earlier)], 'edited in place, not duplicated');
  const entryKeys = (await app.anchorpointKeys()).filter((k) => k.startsWith('anchorpoint.entry.'));
  assert.deepEqual(entryKeys, [`anchorpoint.entry.${id}`]);
  assert.equal(await page.getByText('You have an unsaved draft').count(), 0);
});

journey('an edit page loads from its own URL', async ({ app, a11y }) => {
  const id = await app.writeEntry({ text: FIRST_VISIT });
  await app.open(`/entries/${id}/edit`);
  await app.expectPage('Edit reflection');
  assert.equal(await app.reflectionInput().inputValue(), FIRST_VISIT);
  await a11y('edit, loaded directly');
});

journey('cancelling an edit leaves the saved reflection unchanged', async ({ app }) => {
  const id = await app.writeEntry({ text: FIRST_VISIT });
  await app.link('Edit this reflection').click();
  await app.expectPage('Edit reflection');
  await app.fillReflection(EDITED);
  await app.link('Cancel').click();
  await app.waitUntil(async () => app.path() !== `/entries/${id}/edit`, async () => 'leaving the edit page');

  await app.open(`/entries/${id}`);
  assert.equal((await app.entryText().textContent()).trim(), FIRST_VISIT);
});
