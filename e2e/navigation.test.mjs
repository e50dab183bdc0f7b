// Real URLs: the back and forward buttons, Cancel, and direct loads.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays, isoDate } from './harness.mjs';
import { GROUP_DAY } from './fixtures.mjs';
import { v4Journal, putStored } from './records.mjs';

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

// The app chooses a page from the address itself (src/ui/route.rs), and builds the page
// again whenever the path changes: a link from one reflection straight to another must
// show the other, not the first one still.
journey('a link from one reflection to another shows the other', async ({ app, page, a11y }) => {
  await app.open('/');
  const first = await app.writeEntry({ text: 'Fictional first: a walk with Person A.' });
  const second = await app.writeEntry({ text: 'Fictional second: a phone call with Person B.' });
  await app.open(`/entries/${first}`);
  await app.expectText(app.entryText(), 'Fictional first');
  // A link as any page could hold one: the router handles every same-origin link.
  await page.evaluate((href) => {
    const link = document.createElement('a');
    link.href = href;
    link.id = 'to-second';
    link.textContent = 'The second reflection';
    document.querySelector('main').append(link);
  }, `/entries/${second}`);
  await page.locator('#to-second').click();
  await app.expectPath(`/entries/${second}`);
  await app.expectText(app.entryText(), 'Fictional second');
  await page.evaluate(() => document.querySelector('#to-second')?.remove());
  assert.equal(await app.entryText().count(), 1, 'one reflection shown');
  await a11y('the second reflection, reached from the first');

  // Back goes to the first again, as it was.
  await page.goBack();
  await app.expectPath(`/entries/${first}`);
  await app.expectText(app.entryText(), 'Fictional first');
});

journey('a page reached by a link starts at its top, with focus on its heading', async ({ app, page }) => {
  await app.open('/');
  const today = await app.today();
  const entries = Array.from({ length: 20 }, (_, i) => ({
    id: `n${String(i).padStart(3, '0')}`,
    about: isoDate(addDays(today, -i)),
    text: `Fictional reflection ${i}. ${'A long paragraph about a group session at the Quillbrook hall. '.repeat(12)}`,
  }));
  await putStored(page, v4Journal(entries));
  await app.open('/');
  await app.button('Show more reflections').click();
  const last = page.locator('#search-results > li > h3 a').last();
  await last.scrollIntoViewIfNeeded();
  assert.ok(await page.evaluate(() => window.scrollY > 300), 'the journal is scrolled down');
  await last.click();
  await app.expectPath(/^\/entries\/n\d{3}$/);
  await app.waitUntil(async () => (await page.evaluate(() => window.scrollY)) === 0, 'the new page at its top');
  await app.waitUntil(async () => (await app.focused()).tag === 'h1', 'focus on the new page’s heading');
});

journey('an address that names no page says so', async ({ app, a11y }) => {
  await app.open('/entries/e1/print');
  await app.expectPage('Page not found');
  await app.link('Go to your journal').click();
  await app.expectPage('Your journal');
  await a11y('page not found');
});
