// The compressor is not in the first load: the journal is drawn from the main wasm, and
// the DEFLATE compressor (which only writing needs) is a chunk fetched after the first
// frame. Until it arrives, or when it cannot be fetched, a reflection is still saved
// whole, as its JSON envelope as it is, and read back like any other; its next write,
// once the compressor is there, compresses it.

import assert from 'node:assert/strict';
import { useHarness, holdRequests } from './harness.mjs';
import { openStored } from './records.mjs';

const { journey } = useHarness();

const COMPRESSOR = /\/split_compressor-[0-9a-f]{16}\.wasm$/;
const FIRST = 'Talked through the walking group again. She wants to try it next week.';
const SECOND = 'Talked through the walking group again. She went, and wants to go back.';

/** The reflection's stored value: which codec wrote it, and its text. */
async function stored(page, id) {
  const raw = await page.evaluate((key) => localStorage.getItem(key), `anchorpoint.entry.${id}`);
  const { codec, json } = openStored(raw);
  return { codec, text: JSON.parse(json).data.sections.map((s) => s.text).join('\n') };
}

journey('the journal is drawn before the compressor arrives, and a save then stores compressed', async ({ app, page }) => {
  // Held until the journal is on screen: the first frame does not wait for it.
  const release = await holdRequests(page, COMPRESSOR);
  const arrived = page.waitForResponse(COMPRESSOR);
  await app.open('/');
  await app.expectPage('Your journal');
  release();
  await arrived;

  await app.startWriting();
  await app.fillReflection(FIRST);
  await app.saveNew();
  await app.expectVisibleText('Reflection saved');
  assert.deepEqual(await stored(page, app.entryId()), { codec: 'z', text: FIRST });
});

journey('with the compressor refused, a reflection is saved whole, read back, and compressed by its next save', async ({ app, page, a11y }) => {
  const refused = [];
  await page.route(COMPRESSOR, (route) => {
    refused.push(route.request().url());
    return route.abort('connectionreset');
  });
  await app.open('/');
  await app.startWriting();
  await app.fillReflection(FIRST);
  await app.saveNew();
  await app.expectVisibleText('Reflection saved');
  assert.ok(refused.length > 0, 'the compressor was asked for');
  const id = app.entryId();
  assert.deepEqual(await stored(page, id), { codec: 'j', text: FIRST }, 'saved whole, uncompressed');
  assert.equal(await page.getByText('could not be loaded').count(), 0, 'no page failed');
  await a11y('entry saved without the compressor');

  await app.reload();
  await app.expectVisibleText(FIRST);

  // Once the file can be fetched, the next page change fetches it, and the next save
  // compresses the record.
  await page.unroute(COMPRESSOR);
  const arrived = page.waitForResponse(COMPRESSOR);
  await app.link('Edit this reflection').click();
  await app.expectPage('Edit reflection');
  await arrived;
  await app.fillReflection(SECOND);
  await app.button('Save changes').click();
  await app.expectPath(`/entries/${id}`);
  await app.expectVisibleText(SECOND);
  assert.deepEqual(await stored(page, id), { codec: 'z', text: SECOND }, 'compressed by its next save');
});
