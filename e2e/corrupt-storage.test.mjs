// Bad values in local storage: the app still starts, sets them aside, says so
// in plain words, and deletes nothing.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays } from './harness.mjs';
import { FIRST_VISIT, GROUP_DAY, TEAM_MEETING } from './fixtures.mjs';

const { journey } = useHarness();

/** Writes two entries through the UI; returns their ids and days. */
async function twoEntries(app) {
  await app.open('/');
  const today = await app.today();
  const yesterday = addDays(today, -1);
  const kept = await app.writeEntry({ about: yesterday, text: GROUP_DAY });
  const damaged = await app.writeEntry({ about: today, text: FIRST_VISIT });
  return { kept, damaged, keptDay: longDate(yesterday), damagedDay: longDate(today) };
}

async function expectSetAsideWarning(app, page) {
  await app.expectPage('Your journal');
  const callout = page.locator('.nhsuk-card--warning');
  await app.waitUntil(
    async () => {
      const text = ((await callout.allInnerTexts()).join(' ') || '').toLowerCase();
      return text.includes('set aside') && text.includes('nothing has been deleted');
    },
    async () => `a warning callout saying "set aside" and "nothing has been deleted", got: ${JSON.stringify(
      await callout.allInnerTexts(),
    )}`,
  );
}

/** The raw value must still be in local storage, under its own key or a set-aside one. */
async function expectKept(app, raw) {
  const values = Object.values(await app.storage());
  assert.ok(values.includes(raw), `the bad value is still stored, unchanged: ${raw.slice(0, 80)}`);
}

journey('a truncated entry is set aside and the rest of the journal still shows', async ({ app, page, a11y }) => {
  const { kept, damaged, keptDay } = await twoEntries(app);
  const key = `anchorpoint.entry.${damaged}`;
  const raw = await page.evaluate((k) => {
    const whole = localStorage.getItem(k);
    const cut = whole.slice(0, Math.floor(whole.length / 2));
    localStorage.setItem(k, cut);
    return cut;
  }, key);

  await app.open('/');
  await expectSetAsideWarning(app, page);
  assert.deepEqual(await app.listedDays(), [keptDay], 'the good entry is still listed');
  await a11y('journal, record set aside');
  await expectKept(app, raw);

  // Still kept, and the app still works, after another reload and a new entry.
  await app.reload();
  await expectSetAsideWarning(app, page);
  await app.writeEntry({ text: TEAM_MEETING });
  await expectKept(app, raw);
  await app.open(`/entries/${kept}`);
  assert.equal((await app.entryText().textContent()).trim(), GROUP_DAY);
});

journey('a foreign value under an entry key is set aside, not deleted', async ({ app, page, a11y }) => {
  const { damaged, keptDay } = await twoEntries(app);
  const raw = 'Bram Tillinghast, call back on 07700 900111'; // not a record at all
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [`anchorpoint.entry.${damaged}`, raw]);
  const otherApp = JSON.stringify({ app: 'someone-else', kind: 'note', v: 7, data: { x: 1 } });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), ['anchorpoint.entry.zzz-foreign', otherApp]);

  await app.open('/');
  await expectSetAsideWarning(app, page);
  assert.deepEqual(await app.listedDays(), [keptDay]);
  await a11y('journal, foreign value set aside');
  await expectKept(app, raw);
  await expectKept(app, otherApp);

  // The worker can download the set-aside values, exactly as stored, to keep or get help.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.button('Download the set-aside records').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'anchorpoint-set-aside-records.json');
  const { readFile } = await import('node:fs/promises');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  const byKey = Object.fromEntries(saved.map((r) => [r.key, r.value]));
  assert.equal(byKey[`anchorpoint.entry.${damaged}`], raw);
  assert.equal(byKey['anchorpoint.entry.zzz-foreign'], otherApp);
});

journey('a corrupt index does not stop the app starting', async ({ app, page, a11y }) => {
  await twoEntries(app);
  const raw = await page.evaluate(() => {
    // The index is kept in shards from storage format 4: damage one of them.
    const key = Object.keys(localStorage).find((k) => k.startsWith('anchorpoint.index.'));
    const cut = localStorage.getItem(key).slice(0, 7);
    localStorage.setItem(key, cut);
    return cut;
  });

  await app.open('/');
  await expectSetAsideWarning(app, page);
  await a11y('journal, index set aside');
  await expectKept(app, raw);
});

journey('a corrupt value present before the very first start is set aside', async ({ app, page, context }) => {
  // Seeded before any app code runs, on the first load only.
  const raw = '{"app":"anchorpoint","kind":"entry","v":1,"data":{"text":"Cosmo Fairw';
  await context.addInitScript((value) => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('anchorpoint.index', value.index);
      localStorage.setItem('anchorpoint.entry.seeded-1', value.entry);
    }
  }, { entry: raw, index: '["seeded-1"' });

  await app.open('/');
  await expectSetAsideWarning(app, page);
  await expectKept(app, raw);
});

journey('a record from a newer version makes the app read only: a notice, and a save changes nothing', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.writeEntry({ text: GROUP_DAY });
  // A later Anchorpoint wrote a record this version cannot read (frame version 9).
  await page.evaluate(() => localStorage.setItem('anchorpoint.entry.emzz9-newer', 'AP9;z;1;from a later version'));
  await app.open('/');
  await app.expectVisibleText('This journal was last used with a newer version of Anchorpoint');
  await a11y('journal, read only');
  const before = await app.storage();

  await app.startWriting();
  await app.fillReflection(TEAM_MEETING);
  await app.saveNew();
  await app.expectText(app.errorSummary(), 'only reads it');
  assert.equal(app.path(), '/write', 'still in the editor, words kept');
  assert.equal(await app.reflectionInput().inputValue(), TEAM_MEETING);
  await a11y('editor, save refused while read only');
  const after = await app.storage();
  for (const [key, value] of Object.entries(before)) {
    assert.equal(after[key], value, `${key} unchanged`);
  }
  const added = Object.keys(after).filter((k) => !(k in before));
  assert.ok(added.every((k) => k.startsWith('anchorpoint.draft.')), `only a draft was added: ${added}`);
});

// Start-up decodes only what the journal page shows (issue 11): the wellbeing checks are
// read the first time a page needs them. A damaged value there must then still get its
// clear message, on that page, and change nothing.
journey('a damaged collection the journal page does not show is reported when its page first needs it, and nothing changes', async ({ app, page, a11y }) => {
  await app.open('/');
  const id = await app.writeEntry({ text: GROUP_DAY });
  const raw = '{"app":"anchorpoint","kind":"wellbeing","v":4,"data":{"checks":[{"entry":"e1","on":"2026-11-';
  await page.evaluate((v) => localStorage.setItem('anchorpoint.wellbeing', v), raw);
  const before = await app.storage();

  await app.open('/');
  await app.expectPage('Your journal');
  assert.equal(await app.listedDays().then((days) => days.length), 1, 'the journal is listed');
  // The row's identifier flag reads the dismissed nudges, after the first frame: once it
  // shows, everything the journal page reads has been read.
  await app.expectVisibleText('This reflection may contain identifiers');
  await app.expectNoSetAside('the journal page did not read the wellbeing checks');

  // Insights shows the wellbeing trend: its first use, within the same start-up.
  await app.link('Insights').click();
  await app.expectPage('Insights');
  await app.expectSetAside('anchorpoint.wellbeing');
  await a11y('insights, wellbeing checks set aside on first use');
  assert.deepEqual(await app.storage(), before, 'reading it changed nothing');

  // Answering the wellbeing question later keeps the damaged value under a key of its own.
  await app.open(`/entries/${id}/wellbeing`);
  await app.expectPage('How are you after this?');
  await page.getByRole('radio', { name: 'Low', exact: true }).check();
  await app.button('Save').click();
  await app.expectPath(`/entries/${id}`);
  await app.expectVisibleText('Low');
  await expectKept(app, raw);
});

journey('a draft whose words are damaged is reported when the editor opens it, and kept', async ({ app, page, a11y }) => {
  // A draft from before drafts were per tab counts as this tab's. Its envelope is sound;
  // its words have the wrong shape, which only reading them finds.
  const raw = '{"app":"anchorpoint","kind":"draft","v":4,"data":{"text":7}}';
  await app.open('/');
  await page.evaluate((v) => localStorage.setItem('anchorpoint.draft.new', v), raw);

  // The journal page reads only the draft's envelope (its decoding is not in the first
  // load), so it offers the draft and reports nothing yet.
  await app.open('/');
  await app.expectPage('Your journal');
  await app.expectVisibleText('You have an unsaved draft.');
  await app.expectNoSetAside('nothing reported before the draft is read');

  await app.link('Continue writing').click();
  await app.expectPage('Write a reflection');
  await app.expectSetAside('anchorpoint.draft.new');
  assert.equal(await app.reflectionInput().inputValue(), '', 'the editor starts empty');
  await a11y('editor, a damaged draft set aside');
  await expectKept(app, raw);

  // New words are kept as this tab's draft; the damaged one stays as it was.
  await app.typeReflection('Started again after the damaged draft.');
  await app.waitUntil(
    async () => Object.keys(await app.storage()).some((k) => /^anchorpoint\.draft\.[^.]+\.new$/.test(k)),
    async () => `the new words kept as a draft, keys: ${Object.keys(await app.storage())}`,
  );
  assert.equal((await app.storage())['anchorpoint.draft.new'], raw, 'the damaged draft is untouched');
});
