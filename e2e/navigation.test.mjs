// Real URLs: the back and forward buttons, Cancel, and direct loads.

import assert from 'node:assert/strict';
import { useHarness, longDate } from './harness.mjs';
import { GROUP_DAY } from './fixtures.mjs';

const { journey } = useHarness();

journey('the back and forward buttons move between pages', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  assert.equal(app.path(), '/write');

  await page.goBack();
  await app.expectPage('Your journal');
  assert.equal(app.path(), '/');

  await page.goForward();
  await app.expectPage('Write a reflection');
  assert.equal(app.path(), '/write');
  await a11y('write, after forward');
});

journey('the back button returns from an entry to the journal', async ({ app, page }) => {
  await app.open('/');
  const today = await app.today();
  const id = await app.writeEntry({ text: GROUP_DAY });
  await app.open('/');
  await app.link(longDate(today)).click();
  await app.expectPage(`Reflection about ${longDate(today)}`);
  assert.equal(app.path(), `/entries/${id}`);

  await page.goBack();
  await app.expectPage('Your journal');
  await page.goForward();
  await app.expectPage(`Reflection about ${longDate(today)}`);
});

journey('cancel on the write page returns to the journal', async ({ app }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.link('Cancel').click();
  await app.expectPage('Your journal');
  assert.equal(app.path(), '/');
});
