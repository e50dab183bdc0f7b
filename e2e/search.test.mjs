// Search and filter on the journal page: words, tags (all of them or any of them),
// dates, template and holding thread. Results change as the worker types, the filters
// live in the address so a reload keeps them and Back undoes the last one, and a bad
// value in the address gives a GOV.UK error rather than a broken page.
//
// The journal is seeded straight into local storage as version 3 records, with days
// relative to today so the journeys never go stale. Every entry is fictional.

import assert from 'node:assert/strict';
import { useHarness, addDays, longDate, gateZeroDelayTimers, isoDate, holdRequests } from './harness.mjs';
import { v3Journal, putStored } from './records.mjs';

const { journey } = useHarness();

const WAITING = 'holding-waiting';
// Search's index and matching are a chunk of their own, fetched soon after the list is
// drawn, or at once when a search is typed.
const SEARCH_CHUNK = /\/split_search-[0-9a-f]{16}\.wasm$/;
const PATIENT = 'md-patient';

/** Day strings as a date input and the address write them. */
/**
 * Five fictional reflections, a week apart, newest first. `daysAgo` counts back from
 * today; tags and a template vary so each filter has something to find.
 */
const SEED = [
  { id: 'seed-1', daysAgo: 1, text: 'Person A is still waiting for the counselling service; we keep in touch.', tags: [WAITING] },
  { id: 'seed-2', daysAgo: 8, text: 'Offered a fourth session at the café group because she is not ready to go alone.', tags: [PATIENT], template: { id: 'gibbs', name: 'Gibbs' } },
  { id: 'seed-3', daysAgo: 15, text: 'The waiting list is months long, so I offered a fourth session meanwhile.', tags: [WAITING, PATIENT] },
  { id: 'seed-4', daysAgo: 22, text: 'Rang the food bank directly; the housing waiting list is six weeks.', tags: [WAITING] },
  { id: 'seed-5', daysAgo: 40, text: 'Team meeting about caseload and supervision; no sessions today.', tags: [] },
];

/** Writes the seed (and any threads) into storage as the app stores them, then opens `path`. */
async function seed(app, { threads = [], path = '/' } = {}) {
  await app.open('/');
  const today = await app.today();
  const entries = SEED.map((e) => ({ ...e, about: isoDate(addDays(today, -e.daysAgo)) }));
  const pairs = v3Journal(entries);
  if (threads.length > 0) {
    pairs.push(['anchorpoint.threads', JSON.stringify({ app: 'anchorpoint', kind: 'threads', v: 3, data: { threads } })]);
  }
  await putStored(app.page, pairs);
  await app.open(path);
  return today;
}

/** The days listed for these seed ids, in list order. */
function daysOf(today, ...ids) {
  return ids.map((id) => longDate(addDays(today, -SEED.find((e) => e.id === id).daysAgo)));
}

async function expectListed(app, today, ids, message) {
  const expected = daysOf(today, ...ids);
  await app.waitUntil(
    async () => JSON.stringify(await app.listedDays()) === JSON.stringify(expected),
    async () => `${message ?? 'results'}: ${JSON.stringify(expected)}, got ${JSON.stringify(await app.listedDays())}`,
  );
}

function query(app) {
  return new URL(app.page.url()).searchParams;
}

function count(page) {
  return page.locator('#search-count');
}

async function openDisclosure(page, name) {
  const summary = page.locator('summary', { hasText: name });
  const open = await summary.evaluate((s) => s.parentElement.open);
  if (!open) await summary.click();
}

journey('filter by tag and date: the address keeps the filters, a reload keeps them and Back undoes the last one', async ({ app, page, a11y }) => {
  const today = await seed(app);
  await app.expectPage('Your journal');
  await app.expectText(count(page), '5 reflections', { exact: true });
  await expectListed(app, today, ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5']);
  await a11y('journal with search form');

  await openDisclosure(page, 'Filter by tag');
  await page.getByRole('checkbox', { name: 'waiting for services' }).check();
  await expectListed(app, today, ['seed-1', 'seed-3', 'seed-4'], 'tag filter');
  await app.expectText(count(page), '3 reflections match', { exact: true });
  assert.deepEqual(query(app).getAll('tag'), [WAITING]);
  await a11y('journal filtered by a tag');

  await openDisclosure(page, 'Filter by date');
  const from = isoDate(addDays(today, -16));
  await page.getByLabel('From', { exact: true }).fill(from);
  await expectListed(app, today, ['seed-1', 'seed-3'], 'tag and date filter');
  assert.equal(query(app).get('from'), from);
  assert.deepEqual(query(app).getAll('tag'), [WAITING]);
  await a11y('journal filtered by a tag and a date');

  await app.reload();
  await expectListed(app, today, ['seed-1', 'seed-3'], 'after a reload');
  assert.equal(await page.getByRole('checkbox', { name: 'waiting for services' }).isChecked(), true);
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), from);

  await page.goBack();
  await expectListed(app, today, ['seed-1', 'seed-3', 'seed-4'], 'Back undoes the date');
  assert.equal(query(app).get('from'), null);
  assert.equal(await page.getByLabel('From', { exact: true }).inputValue(), '');
  assert.equal(await page.getByRole('checkbox', { name: 'waiting for services' }).isChecked(), true);

  await page.goBack();
  await expectListed(app, today, ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5'], 'Back undoes the tag');
  assert.equal(await page.getByRole('checkbox', { name: 'waiting for services' }).isChecked(), false);
  assert.equal(app.path(), '/');
  await a11y('journal after going back');
});

journey('results change as the worker types, and typing adds no history', async ({ app, page, a11y }) => {
  const today = await seed(app);
  // Typing as soon as the page is open would show "Searching your reflections…" until
  // search's chunk arrives (its own journeys below): this one starts with search there.
  const ready = page.waitForResponse(SEARCH_CHUNK);
  await app.open('/');
  await ready;
  const box = page.getByLabel('Search your reflections');
  const before = await page.evaluate(() => history.length);
  await box.click();
  const seen = [];
  for (const key of 'fourth') {
    await page.keyboard.type(key);
    await app.waitUntil(
      async () => (await box.inputValue()) === query(app).get('q'),
      async () => `the address to follow the box, was ${page.url()}`,
    );
    seen.push(await count(page).innerText());
  }
  // "f" and "fo" are inside "offered", "for" and "food"; from "fou" on, two entries.
  assert.deepEqual(seen, [
    '4 reflections match', '4 reflections match', '2 reflections match',
    '2 reflections match', '2 reflections match', '2 reflections match',
  ]);
  await expectListed(app, today, ['seed-2', 'seed-3']);
  assert.equal(await page.evaluate(() => history.length), before, 'typing replaces the history entry');
  assert.equal(await box.inputValue(), 'fourth', 'the box is never rewritten under the caret');

  // Words in any order, any case.
  await box.fill('SESSION Fourth');
  await expectListed(app, today, ['seed-2', 'seed-3']);
  await box.fill('fourth waiting');
  await expectListed(app, today, ['seed-3']);
  await a11y('journal searched by words');
});

journey('words reach the address before a filter, so Back undoes the filter and keeps them', async ({ app, page, a11y }) => {
  const today = await seed(app);
  const box = page.getByLabel('Search your reflections');
  await box.click();
  await page.keyboard.type('fourth');
  // Straight on to a filter, without pausing: leaving the box writes the words.
  await openDisclosure(page, 'Filter by tag');
  await page.getByRole('checkbox', { name: 'with a patient' }).check();
  await expectListed(app, today, ['seed-2', 'seed-3'], 'words and a tag');
  assert.deepEqual(Object.fromEntries(query(app)), { q: 'fourth', tag: PATIENT });

  await page.goBack();
  await app.waitUntil(async () => query(app).get('tag') === null, 'Back to before the tag');
  assert.equal(query(app).get('q'), 'fourth', 'the words are still in the address');
  assert.equal(await box.inputValue(), 'fourth');
  assert.equal(await page.getByRole('checkbox', { name: 'with a patient' }).isChecked(), false);
  await expectListed(app, today, ['seed-2', 'seed-3'], 'the words alone');
  // The live region says how many match once the typing has settled.
  await app.expectText(page.locator('#search-status'), '2 reflections match', { exact: true });
  await a11y('journal after Back from a filter');
});

journey('Back straight after typing leaves the journal, and the words do not bring it back', async ({ app, page }) => {
  const today = await seed(app, { path: '/entries/seed-1' });
  const entryPage = `Reflection about ${daysOf(today, 'seed-1')[0]}`;
  await app.expectPage(entryPage);
  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await page.getByLabel('Search your reflections').click();
  await page.keyboard.type('fourth');
  await page.goBack();
  await app.expectPage(entryPage);
  // Longer than the pause after which typed words are written to the address.
  await page.waitForTimeout(600);
  assert.equal(app.path(), '/entries/seed-1');
  await app.expectPage(entryPage);
});

journey('tags can be matched all of them or any of them', async ({ app, page, a11y }) => {
  const today = await seed(app);
  await openDisclosure(page, 'Filter by tag');
  await page.getByRole('checkbox', { name: 'waiting for services' }).check();
  await page.getByRole('checkbox', { name: 'with a patient' }).check();
  await expectListed(app, today, ['seed-3'], 'all of the tags');
  assert.deepEqual(query(app).getAll('tag'), [WAITING, PATIENT]);
  assert.equal(query(app).get('match'), null, 'all is the default and is left out');

  await page.getByRole('radio', { name: 'any of them' }).check();
  await expectListed(app, today, ['seed-1', 'seed-2', 'seed-3', 'seed-4'], 'any of the tags');
  assert.equal(query(app).get('match'), 'any');
  await a11y('journal matching any of two tags');

  await page.goBack();
  await expectListed(app, today, ['seed-3'], 'Back to all of them');
  assert.equal(await page.getByRole('radio', { name: 'all of the tags chosen' }).isChecked(), true);
});

journey('template and holding thread filters', async ({ app, page, a11y }) => {
  const threads = [
    { id: 'thread-a', pseudonym: 'Person A', opened: '2024-01-01', functions: [WAITING], drivers: [], entries: ['seed-1', 'seed-4'] },
    { id: 'thread-b', pseudonym: 'Person B', opened: '2024-01-01', functions: [], drivers: [], entries: ['seed-2'], closed: { on: '2024-02-01', outcome: 'connected-onward' } },
  ];
  const today = await seed(app, { threads });
  await openDisclosure(page, 'Filter by date, template or holding thread');
  const template = page.getByLabel('Template', { exact: true });
  const thread = page.getByLabel('Holding thread', { exact: true });
  const options = await thread.locator('option').allInnerTexts();
  assert.deepEqual(options.map((o) => o.trim()), ['Any holding thread', 'Person A', 'Person B (closed)']);
  assert.ok(!(await template.locator('option').allInnerTexts()).includes('Free writing'));

  await template.selectOption({ label: 'Gibbs' });
  await expectListed(app, today, ['seed-2'], 'written with Gibbs');
  assert.equal(query(app).get('template'), 'gibbs');
  await template.selectOption({ label: 'Any template' });
  await expectListed(app, today, ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5']);

  await thread.selectOption({ label: 'Person A' });
  await expectListed(app, today, ['seed-1', 'seed-4'], 'in Person A’s thread');
  assert.equal(query(app).get('thread'), 'thread-a');
  await a11y('journal filtered by a holding thread');
  await app.reload();
  await expectListed(app, today, ['seed-1', 'seed-4'], 'after a reload');
  assert.equal(await thread.inputValue(), 'thread-a');
});

journey('no results says so and offers a way to clear the search', async ({ app, page, a11y }) => {
  const today = await seed(app);
  await page.getByLabel('Search your reflections').fill('allotment');
  await app.expectText(count(page), 'No reflections match your search', { exact: true });
  assert.deepEqual(await app.listedDays(), []);
  await app.expectVisibleText('Check the spelling, use fewer words or remove a filter.');
  await a11y('journal with no results');

  await app.link('Clear search and filters').click();
  await expectListed(app, today, ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5']);
  assert.equal(page.url(), app.url('/'));
  assert.equal(await page.getByLabel('Search your reflections').inputValue(), '');
  await app.waitUntil(async () => (await app.focused()).id === 'search-text', 'focus back in the search box');
});

journey('a bad value in the address shows a GOV.UK error, and the page still works', async ({ app, page, a11y }) => {
  const today = await seed(app, { path: '/?from=2026-02-30&thread=t-gone&tag=with+a+patient&q=session' });
  await app.expectTitle('Error: Your journal – Anchorpoint');
  const links = await app.errorLinks();
  assert.deepEqual(links, [
    { text: 'Select tags from the list', href: '#search-tags' },
    { text: 'Enter a real date for ‘from’', href: '#search-from' },
    { text: 'Select a holding thread from the list', href: '#search-thread' },
  ]);
  await app.expectText(page.locator('#search-from-error'), 'Enter a real date for ‘from’');
  // The good part of the address still searches.
  await expectListed(app, today, ['seed-2', 'seed-3', 'seed-5']);
  await a11y('journal with errors from the address');

  await app.link('Enter a real date for ‘from’').click();
  await app.waitUntil(async () => (await app.focused()).id === 'search-from', 'focus on the from date');

  // Changing anything clears the errors at once and writes a clean address (words once
  // the typing pauses).
  await page.getByLabel('Search your reflections').fill('fourth');
  await expectListed(app, today, ['seed-2', 'seed-3']);
  assert.equal(await app.errorSummary().count(), 0);
  await app.waitUntil(
    async () => page.url() === app.url('/?q=fourth'),
    async () => `a clean address, was ${page.url()}`,
  );
  await app.expectTitle('Your journal – Anchorpoint');
});

journey('search and tag filter by keyboard alone', async ({ app, page, a11y }) => {
  const today = await seed(app);
  await app.tabTo('the search box', (f) => f.id === 'search-text');
  await page.keyboard.type('waiting');
  await expectListed(app, today, ['seed-1', 'seed-3', 'seed-4']);
  await app.tabTo('the tag filter', (f) => f.tag === 'summary' && f.text === 'Filter by tag');
  await page.keyboard.press('Enter');
  await app.tabTo('the "with a patient" box', (f) => f.name === 'with a patient');
  await page.keyboard.press('Space');
  await expectListed(app, today, ['seed-3']);
  assert.deepEqual(Object.fromEntries(query(app)), { q: 'waiting', tag: PATIENT });
  await a11y('journal searched and filtered by keyboard');
  await app.tabTo('the result', (f) => f.tag === 'a' && f.text === daysOf(today, 'seed-3')[0]);
  await page.keyboard.press('Enter');
  await app.expectPage(`Reflection about ${daysOf(today, 'seed-3')[0]}`);
  await page.goBack();
  await expectListed(app, today, ['seed-3'], 'the filtered list, back from the entry');
});

journey('a long list is drawn ten at a time', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const bulk = Array.from({ length: 30 }, (_, i) => ({
    id: `bulk-${i}`, about: isoDate(addDays(today, -i)), text: `Fictional reflection number ${i}.`,
  }));
  await putStored(page, v3Journal(bulk));
  await app.open('/');
  await app.expectText(count(page), '30 reflections', { exact: true });
  assert.equal((await app.listedDays()).length, 10);
  await app.expectVisibleText('Showing 10 of 30 reflections.');
  await app.button('Show more reflections').click();
  await app.waitUntil(async () => (await app.listedDays()).length === 20, '20 listed');
  await app.waitUntil(async () => (await app.focused()).id === 'entry-bulk-10', 'focus on the 11th');
  await app.expectVisibleText('Showing 20 of 30 reflections.');
  await app.button('Show more reflections').focus();
  await page.keyboard.press('Enter');
  await app.waitUntil(async () => (await app.listedDays()).length === 30, '30 listed');
  await app.waitUntil(async () => (await app.focused()).id === 'entry-bulk-20', 'focus on the 21st');
  assert.equal(await app.button('Show more reflections').isVisible(), false);
  await a11y('journal with every reflection shown');

  // A new search starts again at the first ten.
  await page.getByLabel('Search your reflections').fill('reflection');
  await app.expectText(count(page), '30 reflections match', { exact: true });
  assert.equal((await app.listedDays()).length, 10);
});

// The search index is built after the list is drawn, a timed slice per task, so start-up
// with a long journal is not one long task. The app's zero-delay timers are held here, so
// the test decides how many slices have run: a search typed part-way must still find the
// oldest reflection, which no slice has reached.
journey('a search typed while the index is still being built finds the oldest reflection', async ({ app, page, a11y }) => {
  const timers = await gateZeroDelayTimers(page, { shut: true });
  await app.open('/');
  const today = await app.today();
  const total = 2_000;
  // Four a day going back from yesterday; the oldest, last in the list, is the only
  // one with the word searched for.
  const slice = Array.from({ length: total }, (_, i) => ({
    id: `slice-${i}`,
    about: isoDate(addDays(today, -1 - Math.floor(i / 4))),
    text: i === total - 1
      ? 'Walked with Person B to the Quillbrook allotment group for the first time.'
      : `Fictional reflection number ${i}: a call about the waiting list, and a note for supervision.`,
  }));
  // Identifier nudges off: the journal's flags take turns through zero-delay timers too,
  // and this journey counts the held timers to know the index's next slice is waiting.
  await putStored(page, [...v3Journal(slice), ['anchorpoint.preferences', JSON.stringify({
    app: 'anchorpoint', kind: 'preferences', v: 4,
    data: { nudges: false, auto_lock_minutes: 15, backup_reminder_days: 14, last_backup: null },
  })]]);
  await app.open('/');
  // The number alone: how the count is punctuated is not what this journey is about.
  const counted = async () => Number((await count(page).innerText()).replace(/\D/g, ''));
  await app.waitUntil(async () => (await counted()) === total, `${total} reflections listed`);
  // The first slice is queued after the first frame; run it, and the next is queued.
  await app.waitUntil(async () => (await timers.step()) > 0, 'the first slice of the index to be queued');
  await app.waitUntil(
    () => page.evaluate(() => window.__timerGate.held.length === 1),
    'a second slice: 2,000 reflections take more than one 8 ms task',
  );
  await page.getByLabel('Search your reflections').fill('quillbrook');
  await app.expectText(count(page), '1 reflection matches', { exact: true });
  assert.equal((await app.listedDays()).length, 1);
  await timers.open();
  await page.getByLabel('Search your reflections').fill('waiting list');
  await app.waitUntil(async () => (await counted()) === total - 1, `${total - 1} reflections to match`);
  await app.expectText(count(page), 'reflections match');
  await a11y('journal searched while its index was being built');
});

journey('a search opened from its address before search has arrived says it is searching, then finds', async ({ app, page, a11y }) => {
  const today = await seed(app);
  const release = await holdRequests(page, SEARCH_CHUNK);
  await app.open('/?q=fourth');
  await app.expectText(count(page), 'Searching your reflections…', { exact: true });
  assert.equal(await page.getByText('Check the spelling').isVisible(), false, 'not called a search that found nothing');
  assert.equal(await page.getByText('The part of Anchorpoint that searches could not be loaded').isVisible(), false);
  await a11y('journal, search waiting for its code');
  release();
  await app.expectText(count(page), '2 reflections match', { exact: true });
  await expectListed(app, today, ['seed-2', 'seed-3']);
});

journey('with search refused, a search says so, the list is safe, and Try searching again finds', async ({ app, page, a11y }) => {
  const today = await seed(app);
  await page.route(SEARCH_CHUNK, (route) => route.abort('connectionreset'));
  await app.open('/');
  await expectListed(app, today, ['seed-1', 'seed-2', 'seed-3', 'seed-4', 'seed-5']);
  await page.getByLabel('Search your reflections').fill('fourth');
  await app.expectText(count(page), 'Search could not be loaded', { exact: true });
  await app.expectVisibleText('Your reflections are safe: nothing has been changed or deleted.');
  assert.equal(await page.getByText('Check the spelling').isVisible(), false);
  await a11y('journal, search could not be loaded');

  await page.unroute(SEARCH_CHUNK);
  await app.button('Try searching again').click();
  await app.expectText(count(page), '2 reflections match', { exact: true });
  await expectListed(app, today, ['seed-2', 'seed-3']);
  // Nothing was stored or changed by the failure.
  assert.equal(Object.keys(await app.storage()).filter((k) => k.startsWith('anchorpoint.entry.')).length, 5);
});
