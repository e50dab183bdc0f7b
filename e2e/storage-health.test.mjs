// Storage health: Settings shows how full the browser's storage is and about how many
// more reflections fit, the journal page warns from 80% full, and the browser is asked
// to keep the journal (once per visit after a save, or from Settings) with its answer
// shown.

import assert from 'node:assert/strict';
import { useHarness } from './harness.mjs';
import { freeStorage } from './storage.mjs';
import { ROOM_CHECK, REFERRAL_CALL } from './fixtures.mjs';

const { journey } = useHarness();
const QUOTA = 5 * 1024 * 1024; // UTF-16 units, as the app assumes and the browser test checks

/** Lets the journal page take its measurement, which waits for the first frame. */
async function settle(page) {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => setTimeout(() => setTimeout(done, 50), 0))),
  );
}

function roomText(text) {
  const match = /About ([\d,]+) more reflections/.exec(text);
  assert.ok(match, `room left in: ${text}`);
  return Number(match[1].replaceAll(',', ''));
}

journey('Settings shows the space used and the room left, and the journal warns from 80% full', async ({ app, page, a11y }) => {
  await app.writeEntry({ text: ROOM_CHECK });
  await app.open('/settings');
  await app.expectText(page.locator('#storage-used'), '0% of the space this browser gives Anchorpoint');
  assert.equal(roomText(await page.locator('#storage-room').innerText()), 13_000);
  await a11y('settings, storage nearly empty');

  await app.open('/');
  await settle(page);
  assert.equal(await page.locator('#storage-nearly-full').count(), 0, 'no warning when nearly empty');

  // Another app on the same site fills 85% of the quota.
  await page.evaluate((units) => localStorage.setItem('junk.0', 'x'.repeat(units)), Math.floor(QUOTA * 0.85));
  await app.reload();
  const warning = page.locator('#storage-nearly-full');
  await app.expectText(warning, 'Storage is nearly full');
  await app.expectText(warning, 'Anchorpoint is using 85% of the space');
  await app.expectText(warning, 'nothing already saved is lost');
  await a11y('journal, storage nearly full');

  await warning.getByRole('link', { name: 'See storage in Settings' }).click();
  await app.expectPage('Settings');
  await app.expectText(page.locator('#storage-used'), '85% of the space');
  const room = roomText(await page.locator('#storage-room').innerText());
  assert.ok(room > 1_500 && room < 2_000, `about ${room} more at 85% full`);
  await a11y('settings, storage nearly full');

  await freeStorage(page);
  await app.open('/');
  await settle(page);
  assert.equal(await page.locator('#storage-nearly-full').count(), 0, 'the warning goes once there is room');
});

journey('the browser is asked once a visit to keep the journal, and Settings shows its answer', async ({ app, page, context, a11y }) => {
  // A browser that has made no promise yet and grants one when asked.
  await context.addInitScript(() => {
    let granted = false;
    window.__persistAsked = 0;
    StorageManager.prototype.persisted = async () => granted;
    StorageManager.prototype.persist = async () => {
      window.__persistAsked += 1;
      granted = true;
      return true;
    };
  });
  await app.open('/settings');
  await app.expectText(page.locator('#storage-kept'), 'Not promised');
  await a11y('settings, storage not promised');
  await page.getByRole('button', { name: 'Ask the browser to keep your journal' }).click();
  await app.expectText(page.locator('#storage-kept-outcome'), 'The browser has promised to keep your journal.');
  await app.expectText(page.locator('#storage-kept'), 'Yes. The browser has promised');
  assert.equal(await page.getByRole('button', { name: 'Ask the browser to keep your journal' }).count(), 0);
  await a11y('settings, storage promised');

  // A new visit: saving the first reflection asks by itself, and a second save does not
  // ask again.
  await app.open('/');
  assert.equal(await page.evaluate(() => window.__persistAsked), 0, 'nothing asked before a save');
  await app.startWriting();
  await app.fillReflection(REFERRAL_CALL);
  await app.saveNew();
  await app.expectPath(/^\/entries\//);
  assert.equal(await page.evaluate(() => window.__persistAsked), 1);
  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  await app.startWriting();
  await app.fillReflection(ROOM_CHECK);
  await app.saveNew();
  await app.expectPath(/^\/entries\//);
  assert.equal(await page.evaluate(() => window.__persistAsked), 1, 'asked once a visit');
});
