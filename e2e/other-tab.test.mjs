// A change made in another tab shows here without a reload (the storage event).

import assert from 'node:assert/strict';
import { useHarness, JournalApp, longDate } from './harness.mjs';

const { journey } = useHarness();

journey('a reflection saved in another tab appears in this tab without a reload', async ({ app, context, baseUrl, a11y }) => {
  await app.open('/');
  await app.expectPage('Your journal');
  assert.deepEqual(await app.listedDays(), []);

  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open('/');
  await other.startWriting();
  await other.fillReflection('Bore witness to a long story about the allotment. Nothing to fix.');
  await other.saveNew();
  await other.expectVisibleText('Reflection saved');
  const day = longDate(await other.today());

  // The first tab was never reloaded: the storage event refreshed it.
  await app.waitUntil(
    async () => (await app.listedDays()).includes(day),
    `the first tab to list the entry about ${day}`,
  );
  await a11y('journal, refreshed by another tab');

  // And a delete in the other tab removes it here too.
  await other.link('Delete this reflection').click();
  await otherPage.getByRole('button', { name: 'Yes, delete it' }).click();
  await other.expectPage('Your journal');
  await app.waitUntil(
    async () => (await app.listedDays()).length === 0,
    'the first tab to show the empty journal again',
  );
  await otherPage.close();
});
