// Holding threads: opening one under a pseudonym, linking reflections to it as
// contacts, closing it with an outcome, the warning for a pseudonym that may be a
// real name, field errors, the keyboard, and a full disk. Every pseudonym and
// reflection here is fictional.

import assert from 'node:assert/strict';
import { fillStorage, freeStorage } from './storage.mjs';
import { useHarness, longDate, addDays, normaliseSpace, TITLE_SUFFIX, isoDate } from './harness.mjs';
import { GROUP_DAY, TEAM_MEETING } from './fixtures.mjs';

const { journey } = useHarness();

const SETTINGS_WITH_PRIVATE_NAME = JSON.stringify({
  app: 'anchorpoint',
  kind: 'settings',
  v: 3,
  data: { end_question: true, check_in_interval: 'monthly', private_names: ['Jo Bloggs'] },
});

/** The value shown beside `key` in the thread's summary list. */
async function summaryValue(page, key) {
  const row = page.locator('.nhsuk-summary-list__row').filter({
    has: page.locator('dt', { hasText: new RegExp(`^\\s*${key}\\s*$`) }),
  });
  return normaliseSpace(await row.locator('.nhsuk-summary-list__value').innerText());
}

async function expectSummary(app, key, expected) {
  await app.waitUntil(
    async () => (await summaryValue(app.page, key).catch(() => null)) === expected,
    async () => `${key} to be "${expected}", was "${await summaryValue(app.page, key).catch(() => '?')}"`,
  );
}

/** The day links of the reflections linked to the thread, top to bottom. */
async function linkedDays(page) {
  return (await page.locator('#linked-heading + ul > li h3').allInnerTexts()).map(normaliseSpace);
}

/** The stored threads, as the core's serde shape inside the v3 envelope. */
async function storedThreads(app) {
  const raw = (await app.storage())['anchorpoint.threads'];
  if (raw === undefined) return null;
  const envelope = JSON.parse(raw);
  assert.equal(envelope.kind, 'threads');
  assert.equal(envelope.v, 4);
  return envelope.data.threads;
}

/** Waits for keyboard focus to reach the element with this id (focus moves after a frame). */
async function expectFocus(app, id) {
  await app.waitUntil(
    async () => (await app.focused()).id === id,
    async () => `focus on #${id}, was on ${JSON.stringify(await app.focused())}`,
  );
}

function threadId(app) {
  const match = /^\/threads\/(t[^/]+)$/.exec(app.path());
  assert.ok(match, `expected a thread URL, got ${app.path()}`);
  return match[1];
}

/** Stores a reflection directly, as a v3 record plus the index. */
async function seedEntry(app, { id, about, text }) {
  await app.page.evaluate(
    ({ id, about, text }) => {
      const entry = {
        app: 'anchorpoint',
        kind: 'entry',
        v: 3,
        data: {
          id,
          written_at: `${about}T17:00:00Z`,
          updated_at: `${about}T17:00:00Z`,
          about,
          sections: [{ prompt: null, text }],
          tags: [],
          dismissed: [],
        },
      };
      localStorage.setItem(`anchorpoint.entry.${id}`, JSON.stringify(entry));
      // No index is written: loading finds every entry key by itself.
    },
    { id, about: isoDate(about), text },
  );
}

journey('a holding thread can be opened as "Person A", two reflections linked, and closed as connected onward', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const first = addDays(today, -2);
  const second = addDays(today, -1);
  const firstId = await app.writeEntry({ about: first, text: GROUP_DAY });
  const secondId = await app.writeEntry({ about: second, text: TEAM_MEETING });

  await app.open('/threads');
  await app.expectPage('Holding threads');
  await app.expectVisibleText('No holding threads yet');
  await a11y('threads, empty');

  await app.linkButton('Open a holding thread').click();
  await app.expectPage('Open a holding thread');
  // The hint says what a pseudonym is for, before anything is typed.
  const hint = await page.locator('#thread-pseudonym-hint').innerText();
  assert.match(hint, /Person A/);
  assert.match(hint, /must not be a real name/);
  assert.equal(await page.locator('#thread-pseudonym').getAttribute('aria-describedby'), 'thread-pseudonym-hint');
  // The opened date defaults to today.
  assert.equal(await page.locator('#thread-opened').inputValue(), String(today.day));
  assert.equal(await page.locator('#thread-opened-year').inputValue(), String(today.year));
  await a11y('new thread');

  const opened = addDays(today, -21);
  await page.getByLabel('Pseudonym', { exact: true }).fill('Person A');
  await page.locator('#thread-opened').fill(String(opened.day));
  await page.locator('#thread-opened-month').fill(String(opened.month));
  await page.locator('#thread-opened-year').fill(String(opened.year));
  await page.getByRole('checkbox', { name: 'waiting for services' }).check();
  await page.getByRole('checkbox', { name: 'no provision' }).check();
  await app.button('Open thread').click();

  await app.expectPath(/^\/threads\/t[^/]+$/);
  const id = threadId(app);
  await app.expectPage('Person A', 'Person A (holding thread)');
  await app.expectVisibleText('Holding thread opened');
  await expectSummary(app, 'Opened', longDate(opened));
  await expectSummary(app, 'How long', '3 weeks (supervision band: under 4 weeks)');
  await expectSummary(app, 'Contacts', '0');
  await expectSummary(app, 'Holding functions', 'waiting for services');
  await expectSummary(app, 'Holding drivers', 'no provision');
  await expectSummary(app, 'Status', 'Open');
  assert.deepEqual(await linkedDays(page), []);
  await a11y('thread, just opened');

  // Linking with nothing ticked is a field error, not a silent no-op.
  await app.button('Link selected reflections').click();
  await app.expectText(app.errorSummary(), 'Select at least one reflection to link');
  await app.expectTitle(`Error: Person A (holding thread)${TITLE_SUFFIX}`);
  await a11y('thread, link error');

  await page.getByRole('checkbox', { name: longDate(first) }).check();
  await page.getByRole('checkbox', { name: longDate(second) }).check();
  await app.button('Link selected reflections').click();
  await app.expectVisibleText('2 reflections linked');
  await expectSummary(app, 'Contacts', '2');
  assert.deepEqual(await linkedDays(page), [longDate(first), longDate(second)]);
  assert.equal(await app.errorSummary().count(), 0, 'the earlier error is gone');
  await expectFocus(app, 'linked-heading');
  await app.expectTitle(`Person A (holding thread)${TITLE_SUFFIX}`);
  await a11y('thread, two reflections linked');

  const stored = await storedThreads(app);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].id, id);
  assert.equal(stored[0].pseudonym, 'Person A');
  assert.deepEqual([...stored[0].entries].sort(), [firstId, secondId].sort());
  assert.deepEqual(stored[0].functions, ['holding-waiting']);
  assert.deepEqual(stored[0].drivers, ['driver-no-provision']);

  await app.reload();
  await app.expectPage('Person A', 'Person A (holding thread)');
  await expectSummary(app, 'Contacts', '2');
  assert.deepEqual(await linkedDays(page), [longDate(first), longDate(second)], 'a reload keeps the links');

  // The entry page names the thread it belongs to.
  await app.link(longDate(first)).click();
  await app.expectPage(`Reflection about ${longDate(first)}`);
  await app.link('Person A').waitFor();
  await a11y('entry, linked to a thread');
  await app.link('Person A').click();
  await app.expectPage('Person A', 'Person A (holding thread)');

  // Close it: no outcome chosen is an error; then connected onward.
  await app.linkButton('Close this thread').click();
  await app.expectPath(`/threads/${id}/close`);
  await app.expectPage('Close the thread for Person A', 'Close holding thread');
  assert.equal(await page.locator('#thread-closed-on').inputValue(), String(today.day));
  await a11y('close thread');
  await app.button('Close thread').click();
  await app.expectText(app.errorSummary(), 'Select how the holding ended');
  await app.expectTitle(`Error: Close holding thread${TITLE_SUFFIX}`);
  await a11y('close thread, no outcome');

  await page.getByRole('radio', { name: 'Connected onward' }).check();
  await app.button('Close thread').click();
  await app.expectPath(`/threads/${id}`);
  await app.expectVisibleText('Thread closed: Connected onward');
  await expectSummary(app, 'Status', `Closed on ${longDate(today)}: Connected onward`);
  await expectSummary(app, 'How long', '3 weeks (supervision band: under 4 weeks)');
  await app.button('Reopen this thread').waitFor();
  await a11y('thread, closed');

  await app.link('Back to holding threads').click();
  await app.expectPage('Holding threads');
  const closed = page.locator('section', { has: page.getByRole('heading', { name: 'Closed threads' }) });
  const open = page.locator('section', { has: page.getByRole('heading', { name: 'Open threads' }) });
  await app.expectText(closed, 'Person A');
  await app.expectText(closed, `Connected onward, closed ${longDate(today)} after 3 weeks · 2 contacts`);
  await app.expectText(open, 'You have no open threads.');
  await a11y('threads, one closed');

  await app.reload();
  await app.expectText(closed, 'Connected onward');
});

journey('a pseudonym on the private list of names gets a warning the worker must confirm', async ({ app, page, a11y }) => {
  await app.open('/');
  await page.evaluate((value) => localStorage.setItem('anchorpoint.settings', value), SETTINGS_WITH_PRIVATE_NAME);
  await app.open('/threads/new');
  await app.expectPage('Open a holding thread');

  await page.getByLabel('Pseudonym', { exact: true }).fill('Jo Bloggs');
  await app.button('Open thread').click();
  const warning = page.locator('#thread-warning');
  await warning.waitFor();
  await app.expectText(warning, 'Check this is not a real name');
  await app.expectText(warning, '‘Jo Bloggs’ matches ‘Jo Bloggs’ on your list of names to redact');
  assert.equal(app.path(), '/threads/new', 'not saved');
  assert.equal(await storedThreads(app), null, 'nothing stored');
  await expectFocus(app, 'thread-warning');
  await a11y('new thread, pseudonym warning');

  // Saving again without confirming is an error, and still saves nothing.
  await app.button('Open thread').click();
  await app.expectText(app.errorSummary(), 'Confirm that ‘Jo Bloggs’ is not a real name, or change the pseudonym');
  await app.expectTitle(`Error: Open a holding thread${TITLE_SUFFIX}`);
  assert.equal(await storedThreads(app), null);
  await a11y('new thread, warning not confirmed');
  await app.errorSummary().getByRole('link').first().click();
  await expectFocus(app, 'thread-confirm');

  await page.getByRole('checkbox', { name: 'I confirm ‘Jo Bloggs’ is not a real name' }).check();
  await app.button('Open thread').click();
  await app.expectPage('Jo Bloggs', 'Jo Bloggs (holding thread)');
  await app.expectVisibleText('Holding thread opened');
  assert.equal((await storedThreads(app))[0].pseudonym, 'Jo Bloggs');

  // Choosing another pseudonym instead needs no confirmation.
  await app.open('/threads/new');
  await page.getByLabel('Pseudonym', { exact: true }).fill('jo bloggs');
  await app.button('Open thread').click();
  await app.expectText(page.locator('#thread-warning'), 'on your list of names to redact');
  await page.getByLabel('Pseudonym', { exact: true }).fill('Person B');
  await app.button('Open thread').click();
  await app.expectPage('Person B', 'Person B (holding thread)');
  assert.deepEqual((await storedThreads(app)).map((t) => t.pseudonym), ['Jo Bloggs', 'Person B']);
});

journey('an empty pseudonym and an impossible date get field errors and nothing is saved', async ({ app, page, a11y }) => {
  await app.open('/threads/new');
  await page.locator('#thread-opened').fill('31');
  await page.locator('#thread-opened-month').fill('2');
  await app.button('Open thread').click();
  await app.expectText(app.errorSummary(), 'There is a problem');
  assert.deepEqual(await app.errorLinks(), [
    { text: 'Enter a pseudonym', href: '#thread-pseudonym' },
    { text: 'Date must be a real date', href: '#thread-opened' },
  ]);
  await app.expectText(page.locator('#thread-pseudonym-error'), 'Error: Enter a pseudonym');
  assert.equal(
    await page.locator('#thread-pseudonym').getAttribute('aria-describedby'),
    'thread-pseudonym-hint thread-pseudonym-error',
  );
  assert.match(await page.locator('#thread-opened-month').getAttribute('class'), /nhsuk-input--error/);
  await app.expectTitle(`Error: Open a holding thread${TITLE_SUFFIX}`);
  assert.equal(await storedThreads(app), null, 'nothing stored');
  await a11y('new thread, field errors');

  await app.errorSummary().getByRole('link', { name: 'Enter a pseudonym' }).click();
  await expectFocus(app, 'thread-pseudonym');

  // A pseudonym already used by an open thread is refused with the core's words.
  await page.getByLabel('Pseudonym', { exact: true }).fill('Person A');
  await page.locator('#thread-opened').fill('1');
  await app.button('Open thread').click();
  await app.expectPage('Person A', 'Person A (holding thread)');
  await app.open('/threads/new');
  await page.getByLabel('Pseudonym', { exact: true }).fill('person  a');
  await app.button('Open thread').click();
  await app.expectText(app.errorSummary(), 'You already have an open thread called ‘person a’. Use a different pseudonym');
  assert.equal((await storedThreads(app)).length, 1);

  // Addresses that name no thread say so.
  await app.open('/threads/tnothere-1');
  await app.expectPage('Holding thread not found');
  await a11y('thread not found');
  await app.open('/threads/tnothere-1/close');
  await app.expectPage('Holding thread not found');
});

journey('a thread can be opened, a reflection linked and unlinked with the keyboard alone', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  const about = addDays(today, -3);
  await seedEntry(app, { id: 'ekeyboard-1', about, text: 'Rang the befriending scheme about the waiting list.' });
  await app.open('/threads');

  await app.tabTo('the "Open a holding thread" link', (f) => f.tag === 'a' && f.text === 'Open a holding thread', { max: 60 });
  await page.keyboard.press('Enter');
  await app.expectPage('Open a holding thread');
  await app.tabTo('the pseudonym field', (f) => f.id === 'thread-pseudonym', { max: 60 });
  await page.keyboard.type('Person C');
  await app.tabTo('the "bearing witness" checkbox', (f) => f.name === 'bearing witness', { max: 60 });
  await page.keyboard.press('Space');
  await app.tabTo('the "Open thread" button', (f) => f.tag === 'button' && f.text === 'Open thread', { max: 60 });
  await page.keyboard.press('Enter');
  await app.expectPage('Person C', 'Person C (holding thread)');
  await expectSummary(app, 'Holding functions', 'bearing witness');
  await a11y('thread, opened by keyboard');

  await app.tabTo('the reflection checkbox', (f) => f.name === longDate(about), { max: 60 });
  await page.keyboard.press('Space');
  await app.tabTo('the "Link selected reflections" button', (f) => f.tag === 'button' && f.text === 'Link selected reflections', { max: 60 });
  await page.keyboard.press('Enter');
  await expectSummary(app, 'Contacts', '1');
  await expectFocus(app, 'linked-heading');

  await app.tabTo('the "Unlink" button', (f) => f.tag === 'button' && f.text.startsWith('Unlink'), { max: 60 });
  await page.keyboard.press('Enter');
  await app.expectVisibleText('Reflection unlinked');
  await expectSummary(app, 'Contacts', '0');
  assert.deepEqual(await linkedDays(page), []);
  await expectFocus(app, 'linked-heading');
  await a11y('thread, unlinked by keyboard');
});

journey('functions and drivers can be changed, and deleting a thread keeps its reflections', async ({ app, page, a11y }) => {
  await app.open('/');
  const today = await app.today();
  await seedEntry(app, { id: 'ekept-1', about: addDays(today, -1), text: 'Kept after the thread goes.' });
  await app.open('/threads/new');
  await page.getByLabel('Pseudonym', { exact: true }).fill('Person D');
  await app.button('Open thread').click();
  await app.expectPage('Person D', 'Person D (holding thread)');
  const id = threadId(app);
  await page.getByRole('checkbox', { name: longDate(addDays(today, -1)) }).check();
  await app.button('Link selected reflections').click();
  await expectSummary(app, 'Contacts', '1');

  await page.getByRole('link', { name: 'Change holding drivers' }).click();
  await app.expectPath(`/threads/${id}/edit`);
  await app.expectPage('Change holding thread');
  assert.equal(await page.getByLabel('Pseudonym', { exact: true }).inputValue(), 'Person D');
  await a11y('change thread');
  await page.getByRole('checkbox', { name: 'readiness/capacity' }).check();
  await page.getByRole('checkbox', { name: "can't be fixed" }).check();
  await app.button('Save changes').click();
  await app.expectPage('Person D', 'Person D (holding thread)');
  await app.expectVisibleText('Holding thread updated');
  await expectSummary(app, 'Holding drivers', "readiness/capacity, can't be fixed");

  // Closed by mistake: reopening forgets the outcome.
  await app.linkButton('Close this thread').click();
  await page.getByRole('radio', { name: 'Closed' }).check();
  await app.button('Close thread').click();
  await expectSummary(app, 'Status', `Closed on ${longDate(today)}: Closed`);
  await app.button('Reopen this thread').click();
  await app.expectVisibleText('Thread reopened');
  await expectSummary(app, 'Status', 'Open');
  assert.equal((await storedThreads(app))[0].closed, undefined);

  await app.link('Delete this thread').click();
  await app.expectPage('Are you sure you want to delete this holding thread?', 'Delete holding thread');
  await app.expectVisibleText('Its linked reflection stays in your journal');
  await a11y('delete thread, confirmation');
  await app.button('Yes, delete it').click();
  await app.expectPath('/threads');
  await app.expectVisibleText('Holding thread deleted');
  await app.expectVisibleText('No holding threads yet');
  assert.deepEqual(await storedThreads(app), []);
  assert.ok((await app.anchorpointKeys()).includes('anchorpoint.entry.ekept-1'), 'the reflection is kept');
  await a11y('threads, after delete');
});

journey('when storage is full opening a thread fails visibly and nothing changes', async ({ app, page, a11y }) => {
  await app.open('/threads/new');
  await app.expectPage('Open a holding thread');
  await fillStorage(page);

  await page.getByLabel('Pseudonym', { exact: true }).fill('Person E');
  await page.getByRole('checkbox', { name: 'preparing for change' }).check();
  await app.button('Open thread').click();
  await app.expectText(app.errorSummary(), 'Your holding thread could not be saved because');
  assert.equal(app.path(), '/threads/new', 'still on the form');
  assert.equal(await page.getByLabel('Pseudonym', { exact: true }).inputValue(), 'Person E', 'what was typed stays');
  assert.equal(await page.getByRole('checkbox', { name: 'preparing for change' }).isChecked(), true);
  assert.equal(await storedThreads(app), null, 'nothing stored');
  await app.expectTitle(`Error: Open a holding thread${TITLE_SUFFIX}`);
  await a11y('new thread, storage full');

  await freeStorage(page);
  await app.button('Open thread').click();
  await app.expectPage('Person E', 'Person E (holding thread)');
  await expectSummary(app, 'Holding functions', 'preparing for change');
  await app.reload();
  await app.expectPage('Person E', 'Person E (holding thread)');
});
