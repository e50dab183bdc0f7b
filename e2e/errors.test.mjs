// Validation: the GOV.UK/NHS error summary pattern.

import assert from 'node:assert/strict';
import { useHarness, longDate, addDays, TITLE_SUFFIX } from './harness.mjs';
import { REFERRAL_CALL } from './fixtures.mjs';

const { journey } = useHarness();

/** Waits for the summary, checks it has focus and the title says Error. */
async function expectErrorSummary(app, pageTitle) {
  await app.expectText(app.errorSummary(), 'There is a problem');
  await app.expectTitle(`Error: ${pageTitle}${TITLE_SUFFIX}`);
  await app.waitUntil(
    async () => (await app.focused()).text.includes('There is a problem'),
    async () => `focus on the error summary, was ${JSON.stringify(await app.focused())}`,
  );
}

/** Clicks each summary link and checks it focuses the field it names. */
async function expectLinksFocusFields(app) {
  const links = await app.errorLinks();
  assert.ok(links.length > 0, 'the summary lists the errors');
  for (const { text, href } of links) {
    assert.match(href, /^#[\w-]+$/, `"${text}" links to a field on this page`);
    await app.errorSummary().getByRole('link', { name: text, exact: true }).click();
    await app.waitUntil(
      async () => (await app.focused()).id === href.slice(1),
      async () => `"${text}" to focus ${href}, focus was ${JSON.stringify(await app.focused())}`,
    );
  }
  return links;
}

journey('saving an empty reflection shows an error summary that takes focus', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.saveNew();
  await expectErrorSummary(app, 'Write a reflection');
  const links = await expectLinksFocusFields(app);
  assert.deepEqual(links, [{ text: 'Enter your reflection', href: '#reflection' }]);
  await app.expectText(page.locator('.nhsuk-error-message'), 'Enter your reflection');
  assert.equal(app.path(), '/write', 'nothing was saved');
  await a11y('write, empty reflection error');

  // Fixing it saves, and the error title goes away.
  await app.fillReflection(REFERRAL_CALL);
  await app.saveNew();
  await app.expectPath(/^\/entries\//);
  assert.ok(!(await page.title()).startsWith('Error: '));
});

journey('a missing date and missing text are both reported, each linked to its field', async ({ app, a11y }) => {
  await app.open('/write');
  await app.dayInput().fill('');
  await app.monthInput().fill('');
  await app.yearInput().fill('');
  await app.saveNew();
  await expectErrorSummary(app, 'Write a reflection');
  const links = await expectLinksFocusFields(app);
  const hrefs = links.map((l) => l.href);
  assert.ok(hrefs.includes('#reflection'), `links: ${hrefs}`);
  assert.ok(hrefs.some((h) => h.startsWith('#about-')), `a link to a date field: ${hrefs}`);
  assert.ok(hrefs.indexOf('#reflection') > hrefs.findIndex((h) => h.startsWith('#about-')), 'in page order');
  await a11y('write, date and text errors');
});

journey('a date in the future is refused and the text is kept', async ({ app, a11y }) => {
  await app.open('/write');
  const today = await app.today();
  await app.fillDate(addDays(today, 1));
  await app.fillReflection(REFERRAL_CALL);
  await app.saveNew();
  await expectErrorSummary(app, 'Write a reflection');
  await app.expectText(app.errorSummary(), 'Date must be today or in the past');
  const links = await expectLinksFocusFields(app);
  assert.ok(links.every((l) => l.href.startsWith('#about-')), JSON.stringify(links));
  assert.equal(await app.reflectionInput().inputValue(), REFERRAL_CALL);
  const entries = (await app.anchorpointKeys()).filter((k) => k.startsWith('anchorpoint.entry.'));
  assert.deepEqual(entries, [], 'nothing was saved');
  await a11y('write, future date error');

  await app.fillDate(today);
  await app.saveNew();
  await app.expectPage(`Reflection about ${longDate(today)}`);
});

journey('an edit with its text removed shows the error summary', async ({ app, a11y }) => {
  const id = await app.writeEntry({ text: REFERRAL_CALL });
  await app.open(`/entries/${id}/edit`);
  await app.fillReflection('');
  await app.button('Save changes').click();
  await expectErrorSummary(app, 'Edit reflection');
  await expectLinksFocusFields(app);
  await a11y('edit, empty reflection error');
  await app.open(`/entries/${id}`);
  assert.equal((await app.entryText().textContent()).trim(), REFERRAL_CALL, 'the saved text is untouched');
});
