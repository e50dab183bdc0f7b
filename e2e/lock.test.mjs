// The passphrase lock: turned on, nothing readable in storage, locked by the button, by
// another tab and by the idle timer; wrong, empty and huge passphrases refused and
// changing nothing; an accented passphrase typed another way still opens it; the
// passphrase changed; the lock turned off; a full storage while turning it on or off
// changes nothing; a record with a changed bit is set aside and reported; summaries kept
// in the supervisor view are sealed and unsealed with the journal. axe-core
// runs on every new page and state.

import assert from 'node:assert/strict';
import { useHarness, JournalApp } from './harness.mjs';
import { fillStorage, freeStorage, refuseWrites, allowWrites } from './storage.mjs';

const { journey } = useHarness();

// Words that must never be found in storage while the lock is on. Fictional.
const SECRET = 'Quillfeather';
const WORDS = [
  `Saw ${SECRET} about the allotment again; held the silence.`,
  `Rang the housing officer for ${SECRET}. Nothing to fix today.`,
  'A quiet day of paperwork and one long call.',
];
// "Tŷ" with the circumflex as one character (NFC), a space inside and an emoji.
const PASSPHRASE = 'T\u0177 Coch garden 🌱';
// The same passphrase typed as y + a combining circumflex (NFD): the same once normalised.
const PASSPHRASE_NFD = 'Ty\u0302 Coch garden 🌱';

async function writeThree(app) {
  for (const text of WORDS) await app.writeEntry({ text });
}

async function turnOn(app, page, passphrase = PASSPHRASE) {
  await app.turnOnLock(passphrase);
}

async function unlock(app, page, passphrase = PASSPHRASE) {
  // The title may start "Error: " after a wrong try.
  await app.expectText(app.heading(), 'Unlock your journal', { exact: true });
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await app.button('Unlock').click();
}

/** Every Anchorpoint value is a sealed frame (the lock's header aside) and none holds the words. */
async function expectNothingReadable(app) {
  const raw = await app.rawStorage();
  const ours = Object.entries(raw).filter(([k]) => k.startsWith('anchorpoint.'));
  assert.ok(ours.length > 5, `records stored: ${ours.map(([k]) => k)}`);
  for (const [key, value] of ours) {
    assert.ok(!value.includes(SECRET), `${key} shows the words`);
    if (key === 'anchorpoint.lock') {
      assert.equal(JSON.parse(value).kind, 'lock');
    } else {
      assert.ok(value.startsWith('AP4;s;'), `${key} is not sealed: ${value.slice(0, 12)}`);
    }
  }
}

/** The supervisor view's kept summaries as stored: [key, raw value] pairs. */
async function supervisorValues(app) {
  return Object.entries(await app.rawStorage()).filter(([k]) => k.startsWith('anchorpoint-supervisor.'));
}

/** Opens the v2 fixture summary in the supervisor view and chooses to keep it on this device. */
async function keepASummary(app, page) {
  const { readFileSync } = await import('node:fs');
  const v2 = readFileSync(new URL('../tests/fixtures/export/v2/summary.json', import.meta.url), 'utf8');
  await app.open('/supervisor');
  await page.locator('#summary-files').setInputFiles([{ name: 'jo-b.json', mimeType: 'application/json', buffer: Buffer.from(v2, 'utf8') }]);
  await app.expectText(page.locator('.nhsuk-notification-banner'), '1 summary opened');
  await page.getByLabel('Keep them on this device').check();
  await app.button('Save this choice').click();
  await app.expectText(page.locator('#keep-saved'), 'Summaries you open are kept on this device');
  return { worker: JSON.parse(v2).worker, kept: await supervisorValues(app) };
}

/** Turns the lock off from Settings, in the app (this tab unlocked), and lands on Settings. */
async function turnOffFromSettings(app, page) {
  await app.link('Settings').click();
  await app.link('Turn off the lock').click();
  await app.expectPage('Turn off the lock');
  await page.getByLabel('Your passphrase', { exact: true }).fill(PASSPHRASE);
  await app.button('Turn off the lock').click();
  await app.expectPage('Settings');
}

async function expectError(app, message) {
  await app.expectText(app.errorSummary(), message);
}

journey('the lock seals everything, locks, refuses wrong passphrases and unlocks with the right one', async ({ app, page, a11y }) => {
  await writeThree(app);
  // A draft too: its words must be sealed like the rest.
  await app.open('/');
  await app.expectPage('Your journal');
  await app.expectVisibleText('Keep your journal private on a shared computer');
  await a11y('journal, lock suggested');
  await app.startWriting();
  await app.typeReflection(`Draft about ${SECRET}`);
  await app.expectText(app.draftStatus(), 'saved');

  await app.open('/');
  await app.link('Turn on the lock').click();
  await app.expectPage('Turn on the lock');
  await a11y('turn on the lock');
  await app.button('Turn on the lock').click();
  await expectError(app, 'Enter a new passphrase');
  await page.getByLabel('Create a passphrase', { exact: true }).fill('short');
  await app.button('Turn on the lock').click();
  await expectError(app, 'at least 8 characters');
  await page.getByLabel('Create a passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(`${PASSPHRASE}!`);
  await app.button('Turn on the lock').click();
  await expectError(app, 'do not match');
  await a11y('turn on the lock, errors');
  assert.equal((await app.rawStorage())['anchorpoint.lock'], undefined, 'nothing changed');
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
  await app.button('Turn on the lock').click();
  await app.expectPage('Settings');
  await app.expectVisibleText('The lock is on');
  await a11y('settings, lock on');
  await expectNothingReadable(app);

  // Lock now: the unlock page, and nothing else of the journal.
  await page.locator('#lock-now').click();
  await app.expectPage('Unlock your journal');
  assert.equal(await page.getByText(SECRET).count(), 0);
  assert.equal(await page.locator('.nhsuk-header__navigation').isVisible(), false, 'no menu while locked');
  await a11y('unlock');
  await expectNothingReadable(app);
  const locked = await app.rawStorage();

  await app.button('Unlock').click();
  await expectError(app, 'Enter your passphrase');
  await a11y('unlock, empty passphrase');
  await page.getByLabel('Passphrase', { exact: true }).fill('x'.repeat(10_000));
  await app.button('Unlock').click();
  await expectError(app, '1024 characters or fewer');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE.replace('\u0177', 'y'));
  await app.button('Unlock').click();
  await expectError(app, 'The passphrase is not right');
  await a11y('unlock, wrong passphrase');
  assert.deepEqual(await app.rawStorage(), locked, 'a wrong passphrase changes nothing');

  // Typed the other way (NFD), the accented passphrase is the same one.
  await unlock(app, page, PASSPHRASE_NFD);
  await app.expectPage('Settings');
  // Moving within the app (opening an address anew would start locked again).
  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await app.waitUntil(async () => (await app.listedEntries()).length === 3, 'the three reflections to be listed');
  // The draft is back in the editor.
  await app.startWriting();
  await app.waitUntil(async () => (await app.reflectionInput().inputValue()).includes(SECRET), 'the draft to be restored');
});

journey('the passphrase is changed, a changed bit is reported, and the lock is turned off', async ({ app, page, a11y }) => {
  await writeThree(app);
  await turnOn(app, page);

  await app.link('Change your passphrase').click();
  await app.expectPage('Change your passphrase');
  await a11y('change passphrase');
  await page.getByLabel('Current passphrase', { exact: true }).fill('not it at all');
  await page.getByLabel('New passphrase', { exact: true }).fill('three random words');
  await page.getByLabel('Type the new passphrase again', { exact: true }).fill('three random words');
  await app.button('Change passphrase').click();
  await expectError(app, 'The passphrase is not right');
  await a11y('change passphrase, wrong current one');
  await page.getByLabel('Current passphrase', { exact: true }).fill(PASSPHRASE);
  await app.button('Change passphrase').click();
  await app.expectPage('Settings');
  await app.expectVisibleText('Your passphrase has been changed');

  await page.locator('#lock-now').click();
  await unlock(app, page, PASSPHRASE);
  await expectError(app, 'The passphrase is not right');
  await unlock(app, page, 'three random words');
  await app.expectPage('Settings');

  // One bit changed in a sealed reflection: set aside and reported, never shown as garbage.
  const key = (await app.anchorpointKeys()).find((k) => k.startsWith('anchorpoint.entry.'));
  await page.evaluate((k) => {
    const v = localStorage.getItem(k);
    const i = v.length - 3;
    localStorage.setItem(k, v.slice(0, i) + String.fromCharCode(v.charCodeAt(i) ^ 1) + v.slice(i + 1));
  }, key);
  await app.reload();
  await unlock(app, page, 'three random words');
  await app.expectPage('Settings');
  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await app.expectVisibleText('changed or damaged after it was sealed');
  await app.waitUntil(async () => (await app.listedEntries()).length === 2, 'the two other reflections to be listed');
  await a11y('journal, a sealed record set aside');

  // Turning off: asks for the passphrase again, and a full storage changes nothing.
  await app.link('Settings').click();
  await app.link('Turn off the lock').click();
  await app.expectPage('Turn off the lock');
  await a11y('turn off the lock');
  await page.getByLabel('Your passphrase', { exact: true }).fill('wrong words here');
  await app.button('Turn off the lock').click();
  await expectError(app, 'The passphrase is not right');
  const before = await app.rawStorage();
  await refuseWrites(page);
  await page.getByLabel('Your passphrase', { exact: true }).fill('three random words');
  await app.button('Turn off the lock').click();
  await expectError(app, 'could not be turned off because');
  await app.expectVisibleText('still locked with your passphrase');
  await a11y('turn off the lock, storage full');
  await allowWrites(page);
  assert.deepEqual(await app.rawStorage(), before, 'a failed turn-off changes nothing');

  await page.getByLabel('Your passphrase', { exact: true }).fill('three random words');
  await app.button('Turn off the lock').click();
  await app.expectPage('Settings');
  await app.expectVisibleText('The lock is off');
  const raw = await app.rawStorage();
  assert.equal(raw['anchorpoint.lock'], undefined);
  const sealed = Object.entries(raw).filter(([k, v]) => k.startsWith('anchorpoint.') && v.startsWith('AP4;s;'));
  assert.deepEqual(sealed.map(([k]) => k), [key], 'only the damaged record stays sealed');
  await app.reload();
  await app.expectPage('Settings');
  await app.open('/');
  assert.equal((await app.listedEntries()).length, 2);
});

journey('turning the lock on with storage full says so and changes nothing', async ({ app, page, a11y }) => {
  await writeThree(app);
  const before = await app.rawStorage();
  await app.open('/settings/lock');
  await fillStorage(page);
  await page.getByLabel('Create a passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
  await app.button('Turn on the lock').click();
  await expectError(app, 'could not be locked because this browser');
  await app.expectVisibleText('Nothing has been changed');
  await a11y('turn on the lock, storage full');
  await freeStorage(page);
  assert.deepEqual(await app.rawStorage(), before);
  await app.open('/');
  assert.equal((await app.listedEntries()).length, 3);
});

// The rare case where the journal is sealed, the kept summaries cannot be, and undoing
// the journal's lock fails too: the page must not say "nothing has been changed".
journey('when the journal is locked but kept summaries cannot be sealed and the lock cannot be undone, it says so, and turning it off and on again seals them', async ({ app, page, a11y }) => {
  await writeThree(app);
  const { kept } = await keepASummary(app, page);

  await app.open('/settings/lock');
  await app.expectPage('Turn on the lock');
  // The journal's batch is written; the first write of a kept summary is refused, and
  // from then on every write (so the journal's lock cannot be turned off again).
  await page.evaluate(() => {
    const real = Storage.prototype.setItem;
    window.__setItem = real;
    let refusing = false;
    Storage.prototype.setItem = function maybeRefused(key, value) {
      if (refusing || String(key).startsWith('anchorpoint-supervisor.')) {
        refusing = true;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.call(this, key, value);
    };
  });
  await page.getByLabel('Create a passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
  await app.button('Turn on the lock').click();
  await expectError(app, 'Your journal is locked, but the summaries kept in the supervisor view could not be sealed because');
  await app.expectVisibleText('nothing has been deleted');
  await app.expectVisibleText('turn the lock off and on again');
  assert.ok(!(await page.locator('main').innerText()).includes('Nothing has been changed'), 'it does not say nothing changed');
  await a11y('turn on the lock, summaries not sealed');
  await allowWrites(page);
  await expectNothingReadable(app);
  assert.deepEqual(await supervisorValues(app), kept, 'the kept summaries are as they were');

  // What it advises works: off, then on again, seals them.
  await app.open('/');
  await unlock(app, page);
  await app.expectPage('Your journal');
  await turnOffFromSettings(app, page);
  await app.expectVisibleText('The lock is off');
  await turnOn(app, page);
  const sealed = await supervisorValues(app);
  assert.deepEqual(sealed.map(([k]) => k), kept.map(([k]) => k));
  for (const [key, value] of sealed) assert.ok(value.startsWith('AP4;s;'), `${key} is sealed now`);
  await app.open('/');
  await unlock(app, page);
  await app.expectPage('Your journal');
  assert.equal((await app.listedEntries()).length, 3, 'every reflection is still there');
});

journey('locking in one tab locks the other, whose draft stays sealed and comes back', async ({ app, page, context, baseUrl }) => {
  await writeThree(app);
  const otherPage = await context.newPage();
  const other = new JournalApp(otherPage, baseUrl);
  await other.open('/');
  await turnOn(app, page);
  // The other tab was open when the lock went on: it cannot read on, so it locks.
  await other.expectPage('Unlock your journal');
  await unlock(other, otherPage);
  await other.expectPage('Your journal');
  await other.startWriting();
  await other.typeReflection(`Half a thought about ${SECRET}`);
  await other.expectText(other.draftStatus(), 'saved');

  await page.locator('#lock-now').click();
  await app.expectPage('Unlock your journal');
  await other.expectPage('Unlock your journal');
  await expectNothingReadable(app);
  await unlock(other, otherPage);
  await other.expectPage('Write a reflection');
  await other.waitUntil(async () => (await other.reflectionInput().inputValue()).includes(SECRET), 'the draft to come back');
  await otherPage.close();
});

journey('the lock locks itself after the chosen idle time', async ({ app, page, a11y }) => {
  await page.clock.install();
  await writeThree(app);
  await turnOn(app, page);
  await page.getByLabel('Lock by itself after', { exact: true }).selectOption('5');
  await app.button('Save lock time').click();
  await app.expectVisibleText('Lock time saved');
  await a11y('settings, lock time saved');
  await app.open('/');
  await unlock(app, page);
  await app.expectPage('Your journal');
  await page.clock.fastForward('04:00');
  await app.expectPage('Your journal');
  await page.clock.fastForward('01:10');
  await app.expectPage('Unlock your journal');
  await expectNothingReadable(app);
});

journey('summaries a supervisor keeps on this device are sealed with the journal, and unsealed when the lock is off', async ({ app, page, a11y }) => {
  await app.open('/');
  await writeThree(app);
  const { worker, kept: plain } = await keepASummary(app, page);
  assert.equal(plain.length, 2);
  assert.ok(plain.every(([, v]) => v.startsWith('AP4;z;')), 'kept as compact frames while the lock is off');

  // Turning the lock on seals them too: the worker's name is nowhere in storage.
  await turnOn(app, page);
  await expectNothingReadable(app);
  const sealed = await supervisorValues(app);
  assert.deepEqual(sealed.map(([k]) => k), plain.map(([k]) => k));
  for (const [key, value] of sealed) {
    assert.ok(value.startsWith('AP4;s;'), `${key} is not sealed`);
    assert.ok(!value.includes(worker), `${key} shows the worker's name`);
  }

  // Locked, then unlocked: the supervisor view still has the summary.
  await page.locator('#lock-now').click();
  await unlock(app, page);
  // In the app: loading a page afresh would ask for the passphrase again.
  await app.link('Supervisor view').click();
  await app.expectText(page.locator('#open-summaries'), '1 summary from 1 worker open');
  await a11y('supervisor view, kept summaries sealed with the journal');

  // Turning the lock off unseals them with everything else.
  await turnOffFromSettings(app, page);
  const after = await supervisorValues(app);
  assert.equal(after.length, 2);
  assert.ok(after.every(([, v]) => v.startsWith('AP4;z;')), 'compact again');
  await app.open('/supervisor');
  await app.expectText(page.locator('#open-summaries'), '1 summary from 1 worker open');
});
