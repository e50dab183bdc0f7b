// Start-up draws the journal's first page from the index before reading the rest (issue
// 11): the index gives each reflection's place (the day it is about, when it was
// written), so only the ten the page shows are decoded before the first frame, and the
// rest follow a slice at a time. The app's zero-delay timers are held here, so the test,
// not the machine's speed, decides when the rest are read.

import assert from 'node:assert/strict';
import { useHarness, addDays, gateZeroDelayTimers, isoDate } from './harness.mjs';
import { v4Journal, putStored } from './records.mjs';

const { journey } = useHarness();

/** The ids of the reflections listed, in order. */
const listedIds = (page) =>
  page.locator('#search-results > li > h3 a').evaluateAll((links) => links.map((a) => a.id.replace(/^entry-/, '')));

/**
 * `n` fictional reflections about days in no order that their ids or keys would give,
 * each about its own day, and the ids in the journal's order (newest day first).
 */
function shuffled(today, n, text = (i) => `Fictional reflection number ${i}, about a call with Person C.`) {
  const entries = Array.from({ length: n }, (_, i) => ({
    id: `r${String(i).padStart(4, '0')}`,
    // 37 and n share no factor for the sizes used here: every day once.
    about: isoDate(addDays(today, -1 - ((i * 37) % n))),
    text: text(i),
  }));
  const order = [...entries].sort((a, b) => (a.about < b.about ? 1 : -1)).map((e) => e.id);
  return { entries, order };
}

journey('a long journal shows its newest ten before the rest is read, and counts every reflection', async ({ app, page, a11y }) => {
  const timers = await gateZeroDelayTimers(page, { shut: true });
  await app.open('/');
  const today = await app.today();
  const { entries, order } = shuffled(today, 300, (i) =>
    i === 7 ? 'Walked with Person B to the Quillbrook allotment group.' : `Fictional reflection number ${i}.`);
  await putStored(page, v4Journal(entries));
  await app.open('/');
  await app.expectText(page.locator('#search-count'), '300 reflections', { exact: true });
  assert.deepEqual(await listedIds(page), order.slice(0, 10), 'the newest ten, in the journal’s order');
  await app.expectVisibleText('Showing 10 of 300 reflections.');
  // The rest wait to be read: their slice is held.
  assert.ok(await page.evaluate(() => window.__timerGate.held.length > 0), 'the rest are still to be read');
  await a11y('journal, first page drawn before the rest are read');

  // "Show more" needs the next ten, which are read at once.
  await app.button('Show more reflections').click();
  await app.waitUntil(async () => (await listedIds(page)).length === 20, '20 listed');
  assert.deepEqual(await listedIds(page), order.slice(0, 20));
  await app.expectVisibleText('Showing 20 of 300 reflections.');

  // A search finds a reflection no first page held.
  await timers.open();
  assert.ok(order.indexOf('r0007') >= 20, 'the one searched for is not among the first twenty');
  await page.getByLabel('Search your reflections').fill('quillbrook');
  await app.expectText(page.locator('#search-count'), '1 reflection matches', { exact: true });
  assert.deepEqual(await listedIds(page), ['r0007']);
  await a11y('journal searched once every reflection was read');
});

journey('a search typed before the rest are read waits for them and finds the oldest', async ({ app, page }) => {
  await gateZeroDelayTimers(page, { shut: true });
  await app.open('/');
  const today = await app.today();
  const { entries, order } = shuffled(today, 120, (i) => `Fictional reflection number ${i}: a call about the waiting list.`);
  const oldest = order[order.length - 1];
  entries.find((e) => e.id === oldest).text = 'Walked with Person D to the Larkspur walking group.';
  await putStored(page, v4Journal(entries));
  await app.open('/');
  await app.expectText(page.locator('#search-count'), '120 reflections', { exact: true });
  // No timer has run: the rest are read when the search needs them.
  await page.getByLabel('Search your reflections').fill('larkspur');
  await app.expectText(page.locator('#search-count'), '1 reflection matches', { exact: true });
  assert.deepEqual(await listedIds(page), [oldest]);
});

journey('a damaged reflection and one from a newer version among those read later are reported, and nothing is saved over them', async ({ app, page, a11y }) => {
  const timers = await gateZeroDelayTimers(page, { shut: true });
  await app.open('/');
  const today = await app.today();
  const { entries, order } = shuffled(today, 40);
  // The two oldest: never on the first page.
  const [damaged, newer] = order.slice(-2).map((id) => `anchorpoint.entry.${id}`);
  const bad = { [damaged]: 'AP4;z;1;damaged', [newer]: 'AP9;z;1;from a later version' };
  await putStored(page, v4Journal(entries).map(([k, v]) => [k, bad[k] ?? v]));
  await app.open('/');
  await app.expectText(page.locator('#search-count'), '40 reflections', { exact: true });
  const before = await app.storage();

  // Once the rest are read, both are reported, as loading reports them.
  await timers.open();
  await app.expectVisibleText('This journal was last used with a newer version of Anchorpoint');
  await app.expectVisibleText('could not be read');
  await app.expectText(page.locator('#search-count'), '38 reflections', { exact: true });
  await a11y('journal, read only, with a damaged reflection read after the first page');

  // A save is refused, the words kept, and nothing stored changes.
  await app.startWriting();
  await app.fillReflection('Fictional words that must not be saved while a newer version’s record is here.');
  await app.saveNew();
  await app.expectText(app.errorSummary(), 'only reads it');
  assert.equal(app.path(), '/write', 'still in the editor, words kept');
  const after = await app.storage();
  for (const [key, value] of Object.entries(before)) assert.equal(after[key], value, `${key} unchanged`);
  const added = Object.keys(after).filter((k) => !(k in before));
  assert.ok(added.every((k) => k.startsWith('anchorpoint.draft.')), `only a draft was added: ${added}`);
});

journey('a save made before the rest are read still refuses to write over a newer version’s record', async ({ app, page }) => {
  await gateZeroDelayTimers(page, { shut: true });
  await app.open('/');
  const today = await app.today();
  const { entries, order } = shuffled(today, 40);
  const newer = `anchorpoint.entry.${order[order.length - 1]}`;
  await putStored(page, v4Journal(entries).map(([k, v]) => [k, k === newer ? 'AP9;z;1;from a later version' : v]));
  await app.open('/');
  await app.expectText(page.locator('#search-count'), '40 reflections', { exact: true });
  const before = await app.storage();
  // No slice has run: the editor and the save read the rest themselves.
  await app.startWriting();
  await app.fillReflection('Fictional words written straight after opening the journal.');
  await app.saveNew();
  await app.expectText(app.errorSummary(), 'only reads it');
  const after = await app.storage();
  for (const [key, value] of Object.entries(before)) assert.equal(after[key], value, `${key} unchanged`);
});

journey('start-up draws the header first, the page below it in a task of its own, and nothing drawn moves', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  // Fourteen reflections, every other one giving a (drama-range) number, so the
  // identifier flags arrive after the first frame as well.
  const { entries } = shuffled(today, 14, (i) => (i % 2 === 0
    ? `Rang Person B back on 07700 900${400 + i} about the walking group.`
    : `A quiet session, number ${i}, about the walking group.`));
  await putStored(page, v4Journal(entries));
  // Noted in the page: whether the header was ever in the document without the page
  // below it (drawn in a task before the page's), and every layout shift.
  await page.addInitScript(() => {
    window.__startup = { headerAlone: null, shifts: [] };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('header')) return;
      observer.disconnect();
      window.__startup.headerAlone = !document.querySelector('main');
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__startup.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await app.open('/');
  await app.expectText(page.locator('#search-count'), '14 reflections', { exact: true });
  await app.waitUntil(async () => (await page.locator('#search-results .app-entry-flag').count()) === 5, 'the five flags on the first page');
  await page.waitForTimeout(1500);
  const seen = await page.evaluate(() => window.__startup);
  assert.equal(seen.headerAlone, true, 'the header was drawn before the page below it');
  assert.deepEqual(seen.shifts, [], 'nothing drawn moved');
  await a11y('journal after start-up');
});
