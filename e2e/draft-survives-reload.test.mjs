// Drafts: typing autosaves on this device, and a reload brings the words back.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays } from './harness.mjs';
import { DRAFT } from './fixtures.mjs';

const { journey } = useHarness();

journey('a draft survives a reload and can be finished later', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  const today = await app.today();
  const twoDaysAgo = addDays(today, -2);
  await app.fillDate(twoDaysAgo);
  await app.typeReflection(DRAFT);
  await app.expectText(app.draftStatus(), 'Draft saved on this device');
  assert.equal(await app.draftStatus().getAttribute('aria-live'), 'polite');
  await a11y('write, draft saved');

  await app.reload();
  await app.expectPage('Write a reflection');
  assert.equal(await app.reflectionInput().inputValue(), DRAFT, 'the text is restored');
  const fields = await app.dateFields();
  assert.deepEqual(
    { day: Number(fields.day), month: Number(fields.month), year: Number(fields.year) },
    twoDaysAgo,
    'the date is restored',
  );
  await a11y('write, draft restored');

  // Cancel keeps the draft, and the journal points back to it.
  await app.link('Cancel').click();
  await app.expectPage('Your journal');
  await app.expectVisibleText('You have an unsaved draft');
  await a11y('journal, unsaved draft');
  await app.reload();
  await app.expectVisibleText('You have an unsaved draft');

  await app.link('Continue writing').click();
  await app.expectPage('Write a reflection');
  assert.equal(await app.reflectionInput().inputValue(), DRAFT);
  // The draft names someone, so the identifier panel is drawn with the page, above Save
  // reflection (words already in the box are scanned at once). Saving once it is seen,
  // as a worker would, so the click lands where the button is drawn.
  await app.expectVisibleText('Check for details that could identify someone');

  await app.saveNew();
  await app.expectPage(`Reflection about ${longDate(twoDaysAgo)}`);
  assert.equal((await app.entryText().textContent()).trim(), DRAFT);

  await app.link('Back to your journal').click();
  await app.expectPage('Your journal');
  assert.equal(await page.getByText('You have an unsaved draft').count(), 0, 'saving clears the draft');
  const keys = await app.anchorpointKeys();
  assert.ok(!keys.some((k) => k.startsWith('anchorpoint.draft.')), `no draft left: ${keys.join(', ')}`);

  await app.open('/write');
  assert.equal(await app.reflectionInput().inputValue(), '', 'a new reflection starts empty');
});
