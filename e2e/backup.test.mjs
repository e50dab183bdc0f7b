// Backup and restore: a protected backup downloads and opens only with its passphrase;
// back up, clear storage, restore, and everything is back; restore over a journal that
// has diverged keeps both versions; a full quota during restore changes nothing; a file
// that is not a backup is refused; the backup reminder shows when a backup is due.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { fillStorage, freeStorage } from './storage.mjs';
import { useHarness } from './harness.mjs';

const { journey } = useHarness();
const here = dirname(fileURLToPath(import.meta.url));
const BAD = join(here, '..', 'tests', 'fixtures', 'backup', 'bad');

const FIRST = 'Backed up: the walking group met in the rain and still laughed.';
const SECOND = 'Backed up too: Ottoline Quimby’s carer asked about respite again.';
const PASSPHRASE = 'Café lights by the harbour';

async function download(app, page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), app.button(button).click()]);
  return { name: file.suggestedFilename(), path: await file.path() };
}

async function backUpPlain(app, page) {
  await app.open('/settings/backup');
  await app.expectPage('Download a backup');
  await page.locator('#backup-protect-plain').check();
  return download(app, page, 'Download unprotected backup');
}

async function choose(app, page, path) {
  await app.open('/settings/restore');
  await app.expectPage('Restore from a backup');
  await page.setInputFiles('#backup-file', path);
}

async function clearJournal(app, page) {
  await page.evaluate(() => localStorage.clear());
  await app.reload();
}

journey('back up with a passphrase, clear storage, restore, and everything is back', async ({ app, page, a11y }) => {
  const first = await app.writeEntry({ text: FIRST });
  const second = await app.writeEntry({ text: SECOND });

  await app.open('/settings');
  await app.expectVisibleText('No backup has been made from this device yet.');
  await app.link('Download a backup').click();
  await app.expectPage('Download a backup');
  await a11y('backup page');
  await page.locator('#backup-protect-plain').check();
  await app.expectVisibleText('This file will not be protected');
  await a11y('backup page, plain file warning');
  await page.locator('#backup-protect').check();

  // A missing and a mistyped confirmation are refused before anything is made.
  await app.button('Download protected backup').click();
  await app.expectText(app.errorSummary(), 'Enter a passphrase');
  await page.locator('#backup-passphrase').fill(PASSPHRASE);
  await page.locator('#backup-passphrase-confirm').fill(`${PASSPHRASE}!`);
  await app.button('Download protected backup').click();
  await app.expectText(app.errorSummary(), 'The passphrases do not match');
  await a11y('backup page, passphrases do not match');
  await page.locator('#backup-passphrase-confirm').fill(PASSPHRASE);

  const file = await download(app, page, 'Download protected backup');
  assert.match(file.name, /^anchorpoint-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const text = await readFile(file.path, 'utf8');
  const sealed = JSON.parse(text);
  assert.equal(sealed.kind, 'sealed');
  assert.equal(sealed.purpose, 'backup');
  assert.ok(!text.includes('walking group') && !text.includes('Ottoline'), 'the words are sealed');
  await app.expectVisibleText('Backup downloaded');
  await a11y('backup downloaded');
  await app.open('/settings');
  await app.expectVisibleText('Last backup:');

  await clearJournal(app, page);
  assert.deepEqual(await app.anchorpointKeys(), []);
  await choose(app, page, file.path);
  await a11y('restore page');
  await app.expectPage('Enter the backup’s passphrase');
  await a11y('restore, passphrase');
  await page.locator('#restore-passphrase').fill('Cafe lights by the harbour');
  await app.button('Continue').click();
  await app.expectText(app.errorSummary(), 'The passphrase does not open this backup');
  await a11y('restore, wrong passphrase');
  // Typed with a decomposed accent ("e" and U+0301): the same passphrase after NFC.
  await page.locator('#restore-passphrase').fill(PASSPHRASE.replace('é', 'e\u0301'));
  await app.button('Continue').click();
  await app.expectPage('Check what the restore will change');
  await app.expectText(page.locator('#restore-changes'), '2 reflections will be added');
  await a11y('restore, check answers');
  await app.button('Restore backup').click();
  await app.expectPath('/');
  await app.expectVisibleText('Backup restored: 2 reflections added');
  await a11y('journal after restore');

  await app.reload();
  for (const [id, words] of [[first, FIRST], [second, SECOND]]) {
    await app.open(`/entries/${id}`);
    assert.equal((await app.entryText().textContent()).trim(), words);
  }
});

journey('restore over a journal that has diverged keeps both versions and loses nothing', async ({ app, page, a11y }) => {
  const id = await app.writeEntry({ text: FIRST });
  const file = await backUpPlain(app, page);
  assert.equal(JSON.parse(await readFile(file.path, 'utf8')).kind, 'backup');

  // Since the backup: the reflection was edited, and another was written.
  await app.open(`/entries/${id}/edit`);
  await app.fillReflection('Edited after the backup was made.');
  await app.button('Save changes').click();
  await app.expectPath(`/entries/${id}`);
  const later = await app.writeEntry({ text: SECOND });

  await choose(app, page, file.path);
  await app.expectPage('Check what the restore will change');
  const changes = page.locator('#restore-changes');
  await app.expectText(changes, 'your version is kept as it is');
  await app.expectText(changes, 'New reflections');
  await a11y('restore over a diverged journal, check answers');
  await app.button('Restore backup').click();
  await app.expectPath('/');

  const keys = (await app.anchorpointKeys()).filter((k) => k.startsWith('anchorpoint.entry.'));
  const copy = keys.find((k) => k.includes('-restored-'));
  assert.ok(copy, `a restored copy is stored: ${keys}`);
  assert.equal(keys.length, 3, 'yours, the backup’s copy, and the later one');
  await app.open(`/entries/${id}`);
  assert.equal((await app.entryText().textContent()).trim(), 'Edited after the backup was made.');
  await app.open(`/entries/${copy.slice('anchorpoint.entry.'.length)}`);
  assert.equal((await app.entryText().textContent()).trim(), FIRST);
  await app.expectText(page.locator('#restored-mark'), 'Restored from the backup of');
  await a11y('the backup’s copy of a reflection that differed');
  await app.open(`/entries/${later}`);
  assert.equal((await app.entryText().textContent()).trim(), SECOND);

  // Restoring the same file again has nothing left to add.
  await choose(app, page, file.path);
  await app.expectVisibleText('Your journal already has everything in this backup');
  await a11y('restore, nothing to change');
});

journey('a full quota during restore changes nothing and says so', async ({ app, page, a11y }) => {
  await app.writeEntry({ text: FIRST });
  await app.writeEntry({ text: SECOND });
  const file = await backUpPlain(app, page);
  await clearJournal(app, page);
  const before = await app.rawStorage();

  await choose(app, page, file.path);
  await app.expectPage('Check what the restore will change');
  await fillStorage(page);
  await app.button('Restore backup').click();
  await app.expectText(app.errorSummary(), "The backup could not be restored because this browser's storage for Anchorpoint is full");
  await app.expectText(app.errorSummary(), 'Nothing in your journal has changed');
  await a11y('restore, storage full');
  await freeStorage(page);
  assert.deepEqual(await app.rawStorage(), before, 'nothing was written');

  await app.button('Restore backup').click();
  await app.expectPath('/');
  await app.expectVisibleText('Backup restored: 2 reflections added');
});

journey('files that are not backups are refused with a reason, and nothing changes', async ({ app, page, a11y }) => {
  await app.writeEntry({ text: FIRST });
  const before = await app.rawStorage();
  for (const [name, message] of [
    ['another-app.json', 'it is not an Anchorpoint backup: another program made it'],
    ['truncated.json', 'it is damaged or incomplete'],
    ['future-version-3.json', 'it was made by a newer version of Anchorpoint'],
    ['duplicate-ids.json', 'it holds the reflection emi4x2k1c-3v3 twice'],
  ]) {
    await choose(app, page, join(BAD, name));
    await app.expectText(app.errorSummary(), `This file cannot be restored because ${message}`);
    if (name === 'another-app.json') await a11y('restore, not a backup');
  }
  assert.deepEqual(await app.rawStorage(), before);
});

journey('the journal reminds the worker when a backup is due, and not after one is made', async ({ app, page, a11y }) => {
  await app.open('/');
  await page.evaluate(() => localStorage.setItem('anchorpoint.preferences', JSON.stringify({
    app: 'anchorpoint', kind: 'preferences', v: 4,
    data: { nudges: true, auto_lock_minutes: 15, backup_reminder_days: 14, last_backup: '2026-01-05T09:00:00Z' },
  })));
  await app.reload();
  await app.expectText(page.locator('#backup-reminder'), 'Your last backup was made on Monday 5 January 2026');
  await a11y('journal with the backup reminder');

  await app.open('/settings');
  await page.locator('#backup-reminder-days-never').check();
  await app.button('Save backup reminder').click();
  await app.expectVisibleText('Backup reminder saved');
  await a11y('settings, backup reminder saved');
  await app.open('/');
  assert.equal(await page.locator('#backup-reminder').count(), 0, 'never reminds');

  await app.open('/settings');
  await page.locator('#backup-reminder-days-14').check();
  await app.button('Save backup reminder').click();
  await app.expectVisibleText('Backup reminder saved');
  await backUpPlain(app, page);
  await app.expectVisibleText('Backup downloaded');
  await app.open('/');
  await app.expectPage('Your journal');
  assert.equal(await page.locator('#backup-reminder').count(), 0, 'a backup was just made');
});
