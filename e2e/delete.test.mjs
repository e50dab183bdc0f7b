// Deleting a reflection, with a confirmation step.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays } from './harness.mjs';
import { FIRST_VISIT, GROUP_DAY } from './fixtures.mjs';

const { journey } = useHarness();

journey('a deleted reflection is gone, and only after confirming', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const yesterday = addDays(today, -1);
  await app.writeEntry({ about: yesterday, text: GROUP_DAY });
  const id = await app.writeEntry({ text: FIRST_VISIT });

  await app.link('Delete this reflection').click();
  await app.expectPath(`/entries/${id}/delete`);
  await app.expectPage('Are you sure you want to delete this reflection?', 'Delete reflection');
  await app.button('Yes, delete it').waitFor();
  await a11y('delete, confirmation');

  // Changing your mind keeps it.
  await app.link('No, keep it').click();
  await app.waitUntil(async () => app.path() !== `/entries/${id}/delete`, async () => 'leaving the delete page');
  await app.open('/');
  assert.deepEqual(await app.listedDays(), [longDate(today), longDate(yesterday)]);

  // The confirmation page has its own URL.
  await app.open(`/entries/${id}/delete`);
  await app.expectPage('Are you sure you want to delete this reflection?', 'Delete reflection');
  await app.button('Yes, delete it').click();

  await app.expectPath('/');
  await app.expectPage('Your journal');
  await app.expectVisibleText('Reflection deleted');
  assert.deepEqual(await app.listedDays(), [longDate(yesterday)]);
  await a11y('journal, after delete');

  await app.reload();
  assert.deepEqual(await app.listedDays(), [longDate(yesterday)], 'still gone after a reload');
  const keys = await app.anchorpointKeys();
  assert.ok(!keys.includes(`anchorpoint.entry.${id}`), `the record is removed: ${keys.join(', ')}`);
  assert.equal(await page.getByText(FIRST_VISIT.split('\n')[0]).count(), 0);
});

journey('deleting the only reflection brings back the empty journal', async ({ app, a11y }) => {
  await app.writeEntry({ text: GROUP_DAY });
  await app.link('Delete this reflection').click();
  await app.button('Yes, delete it').click();
  await app.expectPage('Your journal');
  await app.expectVisibleText('Reflection deleted');
  await app.expectVisibleText('Nothing you write leaves this device');
  assert.deepEqual(await app.listedDays(), []);
  await a11y('journal, empty after delete');
});
