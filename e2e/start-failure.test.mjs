// When the app itself cannot be loaded (the connection drops, a file is missing or
// damaged), the worker sees an NHS-styled page that says so and that their words are
// safe, with "Try again", never a blank screen, and trying again once the file is
// there starts the app with the draft still in place.

import assert from 'node:assert/strict';
import { useHarness } from './harness.mjs';
import { DRAFT } from './fixtures.mjs';

const { journey } = useHarness();

async function expectStartFailure(app, page, a11y, label) {
  await app.expectPage('Anchorpoint could not start');
  await app.expectVisibleText('Your reflections and any unsaved draft are safe');
  const button = page.getByRole('button', { name: 'Try again' });
  assert.ok(await button.evaluate((b) => b === document.activeElement), 'Try again has focus');
  await a11y(label);
  return button;
}

journey('a wasm file that cannot be fetched gets a page with Try again, and the draft survives', async ({ app, page, a11y }) => {
  // A draft typed before, kept in this browser.
  await app.open('/write');
  await app.fillReflection(DRAFT);
  await app.waitUntil(
    async () => Object.keys(await app.storage()).some((key) => key.includes('.draft.')),
    async () => `a draft to be stored, keys: ${Object.keys(await app.storage())}`,
  );

  await page.route('**/*_bg.wasm', (route) => route.abort('connectionreset'));
  await page.goto(app.url('/write'));
  const retry = await expectStartFailure(app, page, a11y, 'start failure, wasm not fetched');

  await page.unroute('**/*_bg.wasm');
  await retry.press('Enter');
  await app.expectPage('Write a reflection');
  assert.equal(await app.reflectionInput().inputValue(), DRAFT, 'the draft is back');
});

journey('a damaged wasm or missing glue file gets the same page, not a blank screen', async ({ app, page, a11y }) => {
  await page.route('**/*_bg.wasm', (route) =>
    route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not wasm at all') }),
  );
  await page.goto(app.url('/'));
  await expectStartFailure(app, page, a11y, 'start failure, damaged wasm');
  await page.unroute('**/*_bg.wasm');

  await page.route(/anchorpoint-[0-9a-f]{16}\.js$/, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto(app.url('/'));
  await expectStartFailure(app, page, a11y, 'start failure, glue missing');
});
