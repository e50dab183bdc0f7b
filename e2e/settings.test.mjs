// Settings: the end-of-entry question, the check-in interval and the private list of
// names are kept across a reload; a bad list and a full storage each say so and change
// nothing. axe-core runs on every state; the first journey uses the keyboard only.

import assert from 'node:assert/strict';
import { fillStorage, freeStorage } from './storage.mjs';
import { useHarness } from './harness.mjs';

const { journey } = useHarness();

// Fictional names only.
const NAMES = ['Ada Quillfeather', 'Bram Tillinghast', 'Larkspur Surgery'];

function checkedValue(page, name) {
  return page.evaluate((n) => document.querySelector(`input[name="${n}"]:checked`)?.value ?? null, name);
}

journey('settings are changed with the keyboard only and kept after a reload', async ({ app, page, a11y }) => {
  await app.open('/settings');
  await app.expectPage('Settings');
  assert.equal(await checkedValue(page, 'end-question'), 'yes', 'asked by default');
  assert.equal(await checkedValue(page, 'check-in-interval'), 'monthly', 'monthly by default');
  await a11y('settings');

  // Radios: Tab reaches the chosen one, arrow keys change the choice.
  await app.tabTo('the end-of-entry question', (f) => f.id === 'end-question');
  await page.keyboard.press('ArrowRight');
  assert.equal(await checkedValue(page, 'end-question'), 'no');
  await app.tabTo('the check-in interval', (f) => f.id === 'check-in-interval-monthly');
  await page.keyboard.press('ArrowUp');
  assert.equal(await checkedValue(page, 'check-in-interval'), 'fortnightly');
  await app.tabTo('the private list', (f) => f.id === 'private-names');
  await page.keyboard.type(`${NAMES[0]}\n  ${NAMES[1]}  \n\n${NAMES[2]}\nada quillfeather`);
  await app.tabTo('the save button', (f) => f.text === 'Save settings');
  await page.keyboard.press('Enter');
  await app.expectText(page.locator('.nhsuk-notification-banner'), 'Settings saved');
  // The list is shown as kept: trimmed, blank lines and repeats dropped.
  assert.equal(await page.getByLabel('Names and places to remove from exports').inputValue(), NAMES.join('\n'));
  await a11y('settings, saved');

  await app.reload();
  await app.expectPage('Settings');
  assert.equal(await checkedValue(page, 'end-question'), 'no');
  assert.equal(await checkedValue(page, 'check-in-interval'), 'fortnightly');
  assert.equal(await page.getByLabel('Names and places to remove from exports').inputValue(), NAMES.join('\n'));
  const record = JSON.parse((await app.storage())['anchorpoint.settings']);
  assert.deepEqual(record.data, {
    end_question: false,
    check_in_interval: 'fortnightly',
    private_names: NAMES,
  });

  // The banner was for that save only.
  assert.equal(await page.locator('.nhsuk-notification-banner').count(), 0);
  await app.link('Your tags').click();
  await app.expectPage('Your tags');
  await page.goBack();
  await app.expectPage('Settings');
  await app.link('Your templates').click();
  await app.expectPage('Your templates');
});

journey('a name that is too long gets a field error and nothing is saved', async ({ app, page, a11y }) => {
  await app.open('/settings');
  await page.getByLabel('No, do not ask me').check();
  await page.getByLabel('Names and places to remove from exports').fill(`${NAMES[0]}\n${'Q'.repeat(81)}`);
  await app.button('Save settings').click();
  const message = 'Each name or place must be 80 characters or fewer';
  await app.expectText(app.errorSummary(), message);
  assert.deepEqual(await app.errorLinks(), [{ text: message, href: '#private-names' }]);
  await app.expectText(page.locator('#private-names-error'), `Error: ${message}`);
  await app.expectTitle('Error: Settings – Anchorpoint');
  await a11y('settings, name too long');
  assert.equal((await app.storage())['anchorpoint.settings'], undefined, 'nothing was stored');
  await app.errorSummary().getByRole('link').click();
  await app.waitUntil(async () => (await app.focused()).id === 'private-names', 'focus on the list');
});

journey('when storage is full saving settings fails visibly and changes nothing', async ({ app, page, a11y }) => {
  await app.open('/settings');
  await page.getByLabel('Every week').check();
  await app.button('Save settings').click();
  await app.expectVisibleText('Settings saved');
  const before = await app.storage();

  await fillStorage(page);
  await page.getByLabel('No, do not ask me').check();
  await page.getByLabel('Names and places to remove from exports').fill(NAMES.join('\n').repeat(50));
  await app.button('Save settings').click();
  await app.expectText(app.errorSummary(), 'Your settings could not be saved because');
  await app.expectText(app.errorSummary(), 'your saved settings have not changed');
  await app.expectTitle('Error: Settings – Anchorpoint');
  assert.equal(await page.locator('.nhsuk-notification-banner').count(), 0, 'no success banner');
  assert.equal(await checkedValue(page, 'end-question'), 'no', 'the choice is still on the form');
  await a11y('settings, storage full');

  await freeStorage(page);
  assert.deepEqual(await app.storage(), before, 'storage is as it was');
  await app.reload();
  assert.equal(await checkedValue(page, 'end-question'), 'yes');
  assert.equal(await checkedValue(page, 'check-in-interval'), 'weekly');
});
