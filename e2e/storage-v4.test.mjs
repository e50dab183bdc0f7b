// Storage v4 as a worker meets it: two tabs never overwrite each other's words and a
// conflict is never shown as a success; a deleted reflection leaves no words behind;
// damaged collections are kept, copied aside and counted; Cancel asks before it
// discards words, and says so plainly when storage is full. axe-core runs on every new
// state. All names are fictional.

import assert from 'node:assert/strict';
import { useHarness, JournalApp, checkA11y } from './harness.mjs';
import { fillStorage, freeStorage } from './storage.mjs';

const { journey } = useHarness();

/**
 * Every stored value opened to its JSON, as one string to search, once this tab sees
 * what the tabs of `others` wrote.
 */
async function everythingStored(app, ...others) {
  return Object.entries(await app.storageAgreedWith(...others))
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');
}

journey('a reflection edited in two tabs is never silently overwritten', async ({ app, page, context, baseUrl, a11y }) => {
  await app.open('/');
  const id = await app.writeEntry({ text: 'Walked to the community garden with Person A.' });

  // Both tabs open the editor on the same saved version.
  await app.link('Edit this reflection').click();
  await app.expectPage('Edit reflection');
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open(`/entries/${id}/edit`);
  await other.expectPage('Edit reflection');

  await other.fillReflection('Tab B: we sat in the garden and talked about the waiting list.');
  await other.button('Save changes').click();
  await other.expectVisibleText('Reflection saved');
  // As a worker switching tabs would, tab A has seen tab B's save before it saves.
  await app.storageAgreedWith(otherPage);

  await app.fillReflection('Tab A: Person A planted the beans and seemed calmer.');
  await app.button('Save changes').click();
  const callout = page.locator('#conflict');
  await app.expectText(callout, 'This reflection was changed in another tab or window');
  await app.expectText(callout, 'Tab A: Person A planted the beans');
  await app.expectText(callout, 'Tab B: we sat in the garden');
  assert.equal(await page.locator('.nhsuk-notification-banner--success').count(), 0, 'no success banner');
  assert.ok((await everythingStored(app, otherPage)).includes('Tab B: we sat'), "tab B's words are still stored");
  await a11y('editor, conflict with another tab');

  await page.getByRole('button', { name: 'Keep both' }).click();
  await app.expectVisibleText('Both versions were kept as separate reflections');
  await app.open('/');
  const stored = await everythingStored(app);
  assert.ok(stored.includes('Tab A: Person A planted'), 'mine is kept');
  assert.ok(stored.includes('Tab B: we sat in the garden'), 'theirs is kept');
  assert.equal((await app.listedEntries()).length, 2);
  await otherPage.close();
});

journey('keeping my version replaces the other tab’s only after I choose it', async ({ app, page, context, baseUrl }) => {
  await app.open('/');
  const id = await app.writeEntry({ text: 'First version.' });
  await app.link('Edit this reflection').click();
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open(`/entries/${id}/edit`);
  await other.fillReflection('Their version.');
  await other.button('Save changes').click();
  await other.expectVisibleText('Reflection saved');
  await app.storageAgreedWith(otherPage);

  await app.fillReflection('My version.');
  await app.button('Save changes').click();
  await app.expectText(page.locator('#conflict'), 'Choose which version to keep');
  await page.getByRole('button', { name: 'Keep my version' }).click();
  await app.expectVisibleText('Your version was saved');
  const stored = await everythingStored(app);
  assert.ok(stored.includes('My version.'));
  assert.ok(!stored.includes('Their version.'));
  await otherPage.close();
});

/**
 * Opens Settings in a second tab first (an older page), then saves `change` in the first
 * tab. Returns the second tab's page and app.
 */
async function settingsOpenInTwoTabs({ app, page, context, baseUrl }, change) {
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open('/settings');
  await other.expectPage('Settings');

  await app.open('/settings');
  await change(page);
  await app.button('Save settings').click();
  await app.expectText(page.locator('.nhsuk-notification-banner'), 'Settings saved');
  await app.storageAgreedWith(otherPage);
  return { otherPage, other };
}

journey('a name added in one tab survives a settings save from an older page in another', async (tabs) => {
  const { app } = tabs;
  // Tab B opened Settings before tab A added a name.
  const { otherPage, other } = await settingsOpenInTwoTabs(tabs, (page) =>
    page.getByLabel('Names and places to remove from exports').fill('Ottoline Brackwater'));

  await otherPage.getByLabel('Every week').check();
  await other.button('Save settings').click();
  await other.expectText(otherPage.locator('.nhsuk-notification-banner'), 'Settings saved');
  await checkA11y(otherPage, 'settings, saved after a merge');

  const record = JSON.parse((await app.storageAgreedWith(otherPage))['anchorpoint.settings']);
  assert.deepEqual(record.data.private_names, ['Ottoline Brackwater'], 'the name was not reverted');
  assert.equal(record.data.check_in_interval, 'weekly');
  await otherPage.close();
});

journey('unsaved words in one tab survive a save and reload in another', async ({ app, context, baseUrl }) => {
  await app.open('/');
  await app.startWriting();
  await app.typeReflection('Tab A is half way through a thought about');
  await app.expectText(app.draftStatus(), 'Draft saved');

  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open('/write');
  await other.fillReflection('Tab B writes and saves a whole reflection.');
  await other.saveNew();
  await other.expectVisibleText('Reflection saved');
  await app.storageAgreedWith(otherPage);

  await app.reload();
  await app.expectPage('Write a reflection');
  assert.equal(await app.reflectionInput().inputValue(), 'Tab A is half way through a thought about');
  await otherPage.close();
});

journey('a draft restored after a reload is still checked against the other tab’s save', async ({ app, page, context, baseUrl, a11y }) => {
  await app.open('/');
  const id = await app.writeEntry({ text: 'Met Person A at the library.' });

  // Tab A starts an edit and leaves it as a draft.
  await app.link('Edit this reflection').click();
  await app.expectPage('Edit reflection');
  await app.fillReflection('Tab A: Person A asked about the walking group.');
  await app.expectText(app.draftStatus(), 'Draft saved');

  // Tab B saves the same reflection meanwhile.
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open(`/entries/${id}/edit`);
  await other.fillReflection('Tab B: the library was closed, so we met at the café.');
  await other.button('Save changes').click();
  await other.expectVisibleText('Reflection saved');
  await app.storageAgreedWith(otherPage);

  // Tab A reloads: its words come back, and saving them does not silently replace B's.
  await app.reload();
  await app.expectPage('Edit reflection');
  assert.equal(await app.reflectionInput().inputValue(), 'Tab A: Person A asked about the walking group.');
  await app.button('Save changes').click();
  const callout = page.locator('#conflict');
  await app.expectText(callout, 'This reflection was changed in another tab or window');
  await app.expectText(callout, 'Tab B: the library was closed');
  assert.equal(await page.locator('.nhsuk-notification-banner--success').count(), 0, 'no success banner');
  assert.ok((await everythingStored(app, otherPage)).includes('Tab B: the library was closed'), "tab B's words are still stored");
  await a11y('editor, restored draft in conflict');
  await otherPage.close();
});

journey('a deleted reflection leaves none of its words in storage, drafts included', async ({ app, page }) => {
  await app.open('/');
  const id = await app.writeEntry({ text: 'Rang Winifred Oakhollow about the lunch club.' });
  await app.link('Edit this reflection').click();
  await app.typeReflection(' Winifred Oakhollow also mentioned her son.');
  await app.expectText(app.draftStatus(), 'Draft saved');
  // Cancel keeps the draft, to finish later; then the worker deletes the reflection.
  await app.link('Cancel').click();
  await app.waitUntil(async () => app.path() === `/entries/${id}`, async () => 'back on the reflection');
  assert.ok((await everythingStored(app)).includes('also mentioned her son'), 'the draft was kept');
  await app.open(`/entries/${id}/delete`);
  await app.button('Yes, delete it').click();
  await app.expectPage('Your journal');
  const stored = await everythingStored(app);
  assert.ok(!stored.includes('Oakhollow'), `the name is gone from storage:\n${stored}`);
});

journey('Cancel keeps the draft, and asks first when the latest words could not be kept', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.typeReflection('Words worth keeping');
  await app.expectText(app.draftStatus(), 'Draft saved');

  await fillStorage(page);
  await app.typeReflection(' and more that cannot be kept');
  await app.link('Cancel').click();
  const confirm = page.locator('#cancel-confirm');
  await app.expectText(confirm, 'Leave without your latest words?');
  await app.expectText(confirm, 'Copy them somewhere safe before you leave');
  assert.equal(app.path(), '/write', 'still on the page');
  await a11y('editor, leaving while storage is full');
  await page.getByRole('button', { name: 'Keep writing' }).click();
  assert.equal(await app.reflectionInput().inputValue(), 'Words worth keeping and more that cannot be kept');

  await freeStorage(page);
  await app.typeReflection('.');
  await app.expectText(app.draftStatus(), 'Draft saved');
  await app.link('Cancel').click();
  await app.expectPage('Your journal');
  await app.expectVisibleText('You have an unsaved draft');
});

journey('a collection of the wrong shape is kept, copied aside before it is replaced, and counted', async ({ app, page, a11y }) => {
  const wrong = JSON.stringify({
    app: 'anchorpoint',
    kind: 'vocabulary',
    v: 3,
    data: { customs: [{ id: 'custom-1', label: 'Home visit' }], next_number: 1 },
  });
  await app.open('/');
  await page.evaluate((v) => localStorage.setItem('anchorpoint.tags', v), wrong);
  await app.open('/settings/tags');
  await app.expectVisibleText('could not be read');
  await a11y('your tags, with a damaged collection');

  await app.open('/settings/tags/new');
  await page.getByLabel('Tag name').fill('Interpreter');
  await app.button('Create tag').click();
  await app.expectVisibleText('Tag ‘Interpreter’ created');
  const raw = await app.rawStorage();
  assert.equal(raw['anchorpoint.setaside.tags.1'], wrong, 'the damaged value was copied aside first');
  await app.reload();
  await app.expectVisibleText('a copy of a damaged value');
});

journey('words left by a closed tab are offered, never lost and never mixed in unasked', async ({ app, page, context, baseUrl, a11y }) => {
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open('/write');
  await other.typeReflection('Left in a tab that was closed');
  await other.expectText(other.draftStatus(), 'Draft saved');
  await otherPage.close();

  await app.open('/write');
  await app.expectText(page.locator('#other-draft'), 'Left in a tab that was closed');
  assert.equal(await app.reflectionInput().inputValue(), '', 'nothing is mixed in unasked');
  await a11y('editor, offering words from another tab');
  await page.getByRole('button', { name: 'Continue with these words' }).click();
  assert.equal(await app.reflectionInput().inputValue(), 'Left in a tab that was closed');
  await app.reload();
  assert.equal(await app.reflectionInput().inputValue(), 'Left in a tab that was closed', 'now this tab’s own draft');
  assert.equal(await page.locator('#other-draft').count(), 0);
});

journey('one setting changed differently in two tabs asks which to keep, and keeping mine keeps the other tab’s name', async (tabs) => {
  const { app } = tabs;
  // Tab B opened Settings before tab A saved.
  const { otherPage, other } = await settingsOpenInTwoTabs(tabs, async (page) => {
    await page.getByLabel('Names and places to remove from exports').fill('Ottoline Brackwater');
    await page.getByLabel('Every week').check();
  });

  await otherPage.getByLabel('Every 2 weeks').check();
  await other.button('Save settings').click();
  await other.expectText(other.errorSummary(), 'Your settings could not be saved because it was changed in another tab or window');
  assert.equal(await otherPage.locator('.nhsuk-notification-banner').count(), 0, 'no success banner hides the clash');
  await other.expectText(otherPage.locator('#clash'), 'Your change to your settings has not been saved');
  // Both versions of what clashed, side by side.
  const row = otherPage.locator('#clash tbody tr');
  assert.deepEqual(await row.first().locator('th, td').allInnerTexts(), ['Check-in reminders', 'Every 2 weeks', 'Every week']);
  assert.equal(await row.count(), 1, 'the name added in the other tab is not a clash');
  await checkA11y(otherPage, 'settings, clash with another tab');
  let record = JSON.parse((await app.storage())['anchorpoint.settings']);
  assert.equal(record.data.check_in_interval, 'weekly', 'nothing was written by the clash');

  await otherPage.getByRole('button', { name: 'Keep my change' }).click();
  await other.expectText(otherPage.locator('#clash-outcome'), 'Your change to your settings is saved');
  await checkA11y(otherPage, 'settings, my change kept');
  record = JSON.parse((await app.storageAgreedWith(otherPage))['anchorpoint.settings']);
  assert.equal(record.data.check_in_interval, 'fortnightly');
  assert.deepEqual(record.data.private_names, ['Ottoline Brackwater'], 'the other tab’s name is kept');
  // The form now shows what is stored, so a further save cannot drop the name.
  assert.equal(await otherPage.getByLabel('Names and places to remove from exports').inputValue(), 'Ottoline Brackwater');
  assert.equal(await other.errorSummary().count(), 0, 'the clash error is gone once resolved');
  await otherPage.close();
});

journey('keeping the other tab’s change writes nothing and shows what is stored', async (tabs) => {
  const { app } = tabs;
  const { otherPage, other } = await settingsOpenInTwoTabs(tabs, (page) => page.getByLabel('Every week').check());
  const before = await app.rawStorage();

  await otherPage.getByLabel('Never: I will check in when I choose').check();
  await other.button('Save settings').click();
  await other.expectText(otherPage.locator('#clash'), 'Your change to your settings has not been saved');
  await otherPage.getByRole('button', { name: 'Keep the other change' }).click();
  await other.expectText(otherPage.locator('#clash-outcome'), 'The other change to your settings is kept');
  await checkA11y(otherPage, 'settings, other change kept');
  assert.deepEqual(await app.rawStorage(), before, 'nothing was written');
  assert.equal(await otherPage.getByLabel('Every week').isChecked(), true, 'the form shows what is stored');
  await otherPage.close();
});

/** The pseudonyms of the stored holding threads, in stored order, as every tab sees them. */
async function storedPseudonyms(app, ...others) {
  const record = JSON.parse((await app.storageAgreedWith(...others))['anchorpoint.threads']);
  return record.data.threads.map((t) => t.pseudonym);
}

/** Renames a thread on its change page, from a page already open there. */
async function renameThread(app, page, name) {
  await page.getByLabel('Pseudonym', { exact: true }).fill(name);
  await app.button('Save changes').click();
}

journey('a thread renamed in one tab survives a save from an older page, and renaming it in both asks which to keep', async ({ app, page, context, baseUrl }) => {
  await app.open('/threads/new');
  await page.getByLabel('Pseudonym', { exact: true }).fill('Person D');
  await app.button('Open thread').click();
  await app.expectPage('Person D', 'Person D (holding thread)');
  const id = /^\/threads\/(t[^/]+)$/.exec(app.path())[1];

  // Tab B opens a new thread from a page that was open before tab A renamed Person D.
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open('/threads/new');
  await app.open(`/threads/${id}/edit`);
  await renameThread(app, page, 'Person E');
  await app.expectVisibleText('Holding thread updated');
  await app.storageAgreedWith(otherPage);
  await otherPage.getByLabel('Pseudonym', { exact: true }).fill('Person F');
  await other.button('Open thread').click();
  await other.expectPage('Person F', 'Person F (holding thread)');
  assert.deepEqual((await storedPseudonyms(app, otherPage)).sort(), ['Person E', 'Person F'], 'the rename was not lost');

  // Both tabs rename Person E, from pages opened on the same version.
  await other.open(`/threads/${id}/edit`);
  await app.open(`/threads/${id}/edit`);
  await renameThread(app, page, 'Person G');
  await app.expectVisibleText('Holding thread updated');
  await app.storageAgreedWith(otherPage);
  await renameThread(other, otherPage, 'Person H');
  await other.expectText(otherPage.locator('#clash'), 'Your change to your holding threads has not been saved');
  const cells = await otherPage.locator('#clash tbody tr').first().locator('th, td').allInnerTexts();
  assert.equal(cells[0], 'The holding thread ‘Person E’');
  assert.match(cells[1], /^Person H, open/);
  assert.match(cells[2], /^Person G, open/);
  assert.equal(await otherPage.locator('.nhsuk-notification-banner--success').count(), 0, 'no success banner');
  await checkA11y(otherPage, 'thread, clash with another tab');
  await otherPage.getByRole('button', { name: 'Keep the other change' }).click();
  await other.expectText(otherPage.locator('#clash-outcome'), 'The other change to your holding threads is kept');
  assert.deepEqual((await storedPseudonyms(app, otherPage)).sort(), ['Person F', 'Person G']);
  await checkA11y(otherPage, 'thread, after keeping the other tab’s rename');
  await otherPage.close();
});

journey('a damaged draft is copied aside before new words replace it, and a second damage gets a copy of its own', async ({ app, page, a11y }) => {
  await app.open('/');
  const tab = await page.evaluate(() => sessionStorage.getItem('anchorpoint.tab'));
  assert.ok(tab, 'this tab has an id');
  const key = `anchorpoint.draft.${tab}.new`;
  const damage = (value) => page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
  const copiesOf = async (value) => Object.entries(await app.rawStorage())
    .filter(([k, v]) => k.startsWith('anchorpoint.setaside.') && v === value);

  await damage('AP4;z;1;the first damage');
  await app.open('/write');
  await app.typeReflection('Words typed after the first damage.');
  await app.expectText(app.draftStatus(), 'Draft saved');
  assert.equal((await copiesOf('AP4;z;1;the first damage')).length, 1, 'the first damaged draft was copied aside');

  await damage('AP4;z;1;the second damage');
  await app.typeReflection(' More words.');
  await app.expectText(app.draftStatus(), 'Draft saved');
  assert.equal((await copiesOf('AP4;z;1;the first damage')).length, 1, 'the first copy is still there');
  assert.equal((await copiesOf('AP4;z;1;the second damage')).length, 1, 'the second damage has its own copy');

  await app.open('/');
  await app.expectText(page.locator('.app-set-aside'), 'Some stored records were set aside');
  await a11y('journal, two copies of damaged drafts');
});

journey('a tab duplicated by the browser gets drafts of its own and leaves the original’s alone', async ({ app, page, context, baseUrl }) => {
  await app.open('/');
  await app.startWriting();
  await app.typeReflection('Words from the original tab.');
  await app.expectText(app.draftStatus(), 'Draft saved');
  const tab = await page.evaluate(() => sessionStorage.getItem('anchorpoint.tab'));
  const original = `anchorpoint.draft.${tab}.new`;
  assert.ok((await app.storage())[original], 'the original tab keeps its draft under its id');

  // "Duplicate" copies the tab's session storage, and so its id, into the new tab.
  const copyPage = await context.newPage();
  await copyPage.addInitScript((id) => {
    if (!sessionStorage.getItem('anchorpoint.duplicated')) {
      sessionStorage.setItem('anchorpoint.tab', id);
      sessionStorage.setItem('anchorpoint.duplicated', 'yes');
    }
  }, tab);
  const copy = new JournalApp(copyPage, baseUrl);
  await copy.open('/write');
  await copy.waitUntil(
    async () => (await copyPage.evaluate(() => sessionStorage.getItem('anchorpoint.tab'))) !== tab,
    async () => 'the duplicated tab to take an id of its own',
  );
  const own = await copyPage.evaluate(() => sessionStorage.getItem('anchorpoint.tab'));
  await copy.reflectionInput().fill('Words from the duplicated tab.');
  await copy.expectText(copy.draftStatus(), 'Draft saved');

  const stored = await app.storageAgreedWith(copyPage);
  assert.match(stored[original], /Words from the original tab\./, 'the original’s draft is untouched');
  assert.doesNotMatch(stored[original], /duplicated/);
  assert.match(stored[`anchorpoint.draft.${own}.new`], /Words from the duplicated tab\./);
  await copyPage.close();
});
