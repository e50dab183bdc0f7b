// Offline and updates. After one visit the service worker keeps the whole app on the
// device: with the server stopped the journal still opens, and a reflection written then
// is saved and still there after a reload. A new version is offered, never reloads a
// page with an open editor, and starts only when the worker chooses it.
//
// Each journey serves its own copy of the release build on its own port, so it can stop
// that server, or change the copy to make a "new version", without touching the others.

import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, JournalApp, useHarness } from './harness.mjs';
import { serveStatic } from '../scripts/static-server.mjs';
import { HALF_WRITTEN, OFFLINE } from './fixtures.mjs';

const { journey } = useHarness();

/** A copy of the release build, served on a port of its own. */
async function ownServer() {
  const dir = await mkdtemp(join(tmpdir(), 'anchorpoint-offline-'));
  await cp(DIST, dir, { recursive: true });
  const server = await serveStatic(dir, { cache: false });
  return {
    dir,
    server,
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until the page is served by the app's service worker. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/**
 * A journey with service workers allowed, against its own server, that starts once the
 * first visit has installed the app's service worker and it controls the page.
 */
function offlineJourney(name, fn) {
  journey(
    name,
    async ({ page, a11y }) => {
      const own = await ownServer();
      try {
        const app = new JournalApp(page, own.server.url);
        await app.open('/');
        await controlled(page);
        await fn({ app, page, a11y, own });
      } finally {
        await own.close();
      }
    },
    { serviceWorkers: 'allow' },
  );
}

offlineJourney('after one visit the journal opens, saves and reopens with the server stopped', async ({ app, page, a11y, own }) => {
  await own.server.close();
  await app.reload();
  await app.expectPage('Your journal');
  await a11y('journal opened offline');
  const id = await app.writeEntry({ text: OFFLINE });
  await app.reload();
  await app.expectText(app.entryText(), OFFLINE);
  // A deep link opens offline too: every page of the app is the cached index.html.
  await app.open(`/entries/${encodeURIComponent(id)}/edit`);
  await app.expectPage('Edit reflection');
  assert.equal(await app.reflectionInput().inputValue(), OFFLINE);
});

offlineJourney('a new version is offered, never reloads an open editor, and starts when chosen', async ({ app, page, a11y, own }) => {
  const first = await page.evaluate(() => caches.keys());

  // Words typed in the editor, then a new build appears on the server.
  await app.startWriting();
  await app.fillReflection(HALF_WRITTEN);
  const sw = join(own.dir, 'sw.js');
  const source = await readFile(sw, 'utf8');
  assert.match(source, /const VERSION = "[0-9a-f]{16}"/);
  await writeFile(sw, source.replace(/const VERSION = "[0-9a-f]{16}"/, 'const VERSION = "0000000000000000"'));
  await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));

  const banner = page.locator('#update');
  await app.expectText(banner, 'A new version of Anchorpoint is ready');
  await app.expectText(banner, 'nothing you are typing is interrupted');
  assert.equal(await page.getByRole('button', { name: 'Use the new version' }).count(), 0);
  assert.equal(await app.reflectionInput().inputValue(), HALF_WRITTEN, 'the editor was not reloaded');
  assert.equal(app.path(), '/write');
  await a11y('write page with a new version waiting');

  // On the journal page the worker can choose it, and only then does the page reload.
  await page.getByRole('link', { name: 'Journal', exact: true }).click();
  await app.expectPage('Your journal');
  const use = page.getByRole('button', { name: 'Use the new version' });
  await use.waitFor();
  await a11y('journal with a new version waiting');
  await Promise.all([page.waitForEvent('load'), use.click()]);
  await app.waitForApp();
  await app.expectPage('Your journal');
  assert.equal(await banner.count(), 0, 'no banner once the new version runs');
  await page.waitForFunction(async () => (await caches.keys()).includes('anchorpoint-0000000000000000'));
  const now = await page.evaluate(() => caches.keys());
  assert.deepEqual(now, ['anchorpoint-0000000000000000'], `caches before: ${first}`);
});
