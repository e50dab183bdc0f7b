// Route-level code splitting: the journal starts from the main wasm alone, every other
// page's code is a chunk fetched the first time it is visited, and a chunk that cannot
// be fetched (the connection dropped, a new version half-arrived) gives a page that says
// so, never a dead app: the rest keeps working, and the page loads once the file is there.

import assert from 'node:assert/strict';
import { useHarness, holdRequests } from './harness.mjs';
import { v3Journal, putStored } from './records.mjs';

const { journey } = useHarness();

const CHUNK = /\/(split_|chunk_)[^/]*\.wasm$/;
const INSIGHTS_CHUNK = /\/split_insights-[0-9a-f]{16}\.wasm$/;
// The loader that fetches chunks, itself fetched when the first chunk is wanted.
const LOADER = /\/chunk_loader-[0-9a-f]{16}\.js(\?.*)?$/;
// The small chunks of code that pages share, in one file (scripts/build.mjs, packSmallChunks).
const PACK = /\/chunk_pack-[0-9a-f]{16}\.wasm$/;

journey('the journal is drawn without any chunk, then fetches the compressor and search, and a page fetches its own', async ({ app, page }) => {
  // Every chunk, and the loader that fetches them, held until the journal is on screen:
  // drawing it waits for none.
  const release = await holdRequests(page, CHUNK);
  const releaseLoader = await holdRequests(page, LOADER);
  const fetched = [];
  page.on('request', (request) => {
    if (CHUNK.test(request.url())) fetched.push(new URL(request.url()).pathname);
  });
  await app.open('/');
  await app.expectPage('Your journal');
  releaseLoader();
  release();
  // Soon after the first frame, the compressor (which writing needs), search's index
  // and matching, and the code they share with other chunks; no page's own chunk.
  const pages = () => fetched
    .filter((path) => /\/split_/.test(path))
    .map((path) => path.replace(/-[0-9a-f]{16}\.wasm$/, ''))
    .sort();
  await app.waitUntil(async () => pages().length >= 2, () => `the compressor and search fetched: ${fetched}`);
  assert.deepEqual(pages(), ['/split_compressor', '/split_search'], `${fetched}`);

  await app.link('Insights').click();
  await app.expectPage('Insights');
  assert.ok(fetched.some((path) => INSIGHTS_CHUNK.test(path)), `insights chunk fetched: ${fetched}`);
});

journey('a page whose code cannot be fetched says so, the journal still works, and it loads later', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.expectPage('Your journal');

  await page.route(INSIGHTS_CHUNK, (route) => route.abort('connectionreset'));
  await app.link('Insights').click();
  await app.expectPage('This page could not be loaded');
  await app.expectVisibleText('Your reflections and any unsaved draft are safe');
  await a11y('chunk failure');

  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await app.linkButton('Write a reflection').click();
  await app.expectPage('Write a reflection');

  // The failure is not remembered: once the file can be fetched the page loads.
  await page.unroute(INSIGHTS_CHUNK);
  await app.link('Insights').click();
  await app.expectPage('Insights');
});

journey('when the chunks’ loader cannot be fetched, a page says so, the journal still works, and Try again loads it', async ({ app, page, a11y }) => {
  await page.route(LOADER, (route) => route.abort('connectionreset'));
  await app.open('/');
  await app.expectPage('Your journal');
  await app.link('Insights').click();
  await app.expectPage('This page could not be loaded');
  await app.expectVisibleText('Your reflections and any unsaved draft are safe');
  await a11y('chunk loader failure');

  await app.link('Journal').click();
  await app.expectPage('Your journal');
  // Once the loader can be fetched, the same page loads, without a reload.
  await page.unroute(LOADER);
  await app.link('Insights').click();
  await app.expectPage('Insights');
});

// wasm-split-cli gives each set of pages' shared code a chunk of its own; the editor
// needed most of them: its first visit fetched 159 chunk files, which took over a second
// with the server on this machine, and longer over a real connection. Now the small ones
// come in one file: 23 files in all (2026-12-07), with the compressor and its code.
journey('the editor’s first visit fetches its code in tens of files, not hundreds', async ({ app, page }) => {
  await app.open('/');
  await app.expectPage('Your journal');
  const fetched = [];
  page.on('request', (request) => {
    if (CHUNK.test(request.url())) fetched.push(new URL(request.url()).pathname);
  });
  await app.linkButton('Write a reflection').click();
  await app.expectPage('Write a reflection');
  assert.ok(fetched.some((path) => /\/split_editor-/.test(path)), `the editor's chunk fetched: ${fetched}`);
  assert.ok(fetched.length <= 30, `${fetched.length} chunk files fetched: ${fetched}`);
});

journey('when the pack of shared code cannot be fetched, a page says so, and Try again loads it', async ({ app, page, a11y }) => {
  await page.route(PACK, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await app.open('/');
  await app.expectPage('Your journal');
  await app.linkButton('Write a reflection').click();
  await app.expectPage('This page could not be loaded');
  await app.expectVisibleText('Your reflections and any unsaved draft are safe');
  await a11y('pack failure');

  await page.unroute(PACK);
  await app.button('Try again').click();
  await app.expectPage('Write a reflection');
});

journey('opened from its own address with its chunk missing, Try again loads the page', async ({ app, page }) => {
  await page.route(INSIGHTS_CHUNK, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(app.url('/insights'));
  await app.expectPage('This page could not be loaded');
  await page.unroute(INSIGHTS_CHUNK);
  await app.button('Try again').click();
  await app.expectPage('Insights');
});

// A chunk that arrives whole but damaged (a proxy's error page, a truncated download
// cached along the way) fails to compile rather than to fetch; it must end the same way.
journey('a page whose chunk arrives damaged says so, changes nothing, and loads once the file is whole', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.expectPage('Your journal');
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));

  // The wasm magic number and version, then bytes that are no section at all.
  const damaged = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0x13, 0x37]);
  await page.route(INSIGHTS_CHUNK, (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: damaged }));
  await app.link('Insights').click();
  await app.expectPage('This page could not be loaded');
  await app.expectVisibleText('Your reflections and any unsaved draft are safe');
  await a11y('damaged chunk');
  assert.equal(
    await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort())),
    stored,
    'nothing stored changed',
  );

  await page.unroute(INSIGHTS_CHUNK);
  await app.button('Try again').click();
  await app.expectPage('Insights');
});

// Everything the journal page says is in the first load: with three reflections it
// suggests turning the lock on, and that suggestion is drawn with the list, not fetched
// after it (it would push the list down, and as the page's largest text it was the paint
// a slow phone waited for). With every chunk refused, only the identifier flags, worked
// out after the list, are missing.
journey('with every chunk refused, the journal shows its reflections and the lock suggestion', async ({ app, page, a11y }) => {
  await app.open('/');
  await putStored(page, v3Journal([1, 2, 3].map((n) => ({
    id: `first-${n}`, about: `2026-11-0${n}`, text: `A fictional reflection, number ${n}.`,
  }))));
  const refused = [];
  await page.route(CHUNK, (route) => {
    refused.push(new URL(route.request().url()).pathname);
    return route.abort('connectionreset');
  });
  await app.open('/');
  await app.expectPage('Your journal');
  await app.expectText(page.locator('#search-count'), '3 reflections', { exact: true });
  await app.expectVisibleText('Keep your journal private on a shared computer');
  assert.equal(await page.getByText('This page could not be loaded').count(), 0);
  await a11y('journal with reflections and no chunks');
  await app.button('Not now').click();
  await app.waitUntil(
    async () => (await page.locator('#lock-suggestion').count()) === 0,
    'the suggestion to go for this visit',
  );
  assert.ok(refused.every((path) => !/split_suggest/.test(path)), `no suggestion chunk: ${refused}`);
});

// The page chosen by the address is built when its chunk arrives; a chunk that arrives
// after the worker has moved on is dropped, and it neither shows nor changes the address.
journey('a page whose chunk arrives after the worker moved on never shows', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.expectPage('Your journal');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  let asked = false;
  await page.route(INSIGHTS_CHUNK, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await app.link('Insights').click();
  await app.waitUntil(async () => asked, 'the insights chunk asked for');
  // Moving on before it arrives.
  await app.link('Settings').click();
  await app.expectPage('Settings');
  assert.equal(app.path(), '/settings');
  release();
  // The insights chunk now arrives: the page stays Settings, at its own address.
  await page.waitForResponse(INSIGHTS_CHUNK);
  await page.waitForTimeout(300);
  await app.expectPage('Settings');
  assert.equal(app.path(), '/settings');
  assert.equal(await page.locator('h1').count(), 1, 'one page shown');
  await a11y('settings, after a superseded page');
});
