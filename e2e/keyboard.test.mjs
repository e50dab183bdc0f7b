// The whole write-and-save journey by keyboard alone: Tab, Shift+Tab, Enter
// and Space. No mouse clicks anywhere in this file.

import assert from 'node:assert/strict';
import { useHarness, longDate } from './harness.mjs';
import { KEYBOARD } from './fixtures.mjs';

const { journey } = useHarness();

const isLink = (name) => (f) => f.tag === 'a' && f.text === name;
const isButton = (name) => (f) => f.tag === 'button' && f.text === name;
const hasId = (id) => (f) => f.id === id;

journey('a reflection can be written and saved with the keyboard alone', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.expectPage('Your journal');
  const today = await app.today();

  await app.tabTo('the "Write a reflection" link', isLink('Write a reflection'));
  await page.keyboard.press('Enter');
  await app.expectPage('Write a reflection');
  await a11y('write, reached by keyboard');

  // The date fields come in order: day, month, year.
  await app.tabTo('the Day field', hasId('about-day'));
  assert.equal(Number((await app.focused()).value), today.day);
  await page.keyboard.press('Tab');
  assert.equal((await app.focused()).id, 'about-month');
  await page.keyboard.press('Tab');
  assert.equal((await app.focused()).id, 'about-year');

  await app.tabTo('the reflection textarea', hasId('reflection'));
  await page.keyboard.type('Written without a mouse:');
  await page.keyboard.press('Enter'); // a new line, not a submit
  await page.keyboard.type(KEYBOARD.replace('Written without a mouse: ', ''));
  const text = `Written without a mouse:\n${KEYBOARD.replace('Written without a mouse: ', '')}`;
  assert.equal(await app.reflectionInput().inputValue(), text);
  assert.equal(app.path(), '/write', 'Enter in the textarea does not submit');

  // Shift+Tab goes back to the template choice; Tab returns to the text, unchanged.
  await page.keyboard.press('Shift+Tab');
  assert.equal((await app.focused()).id, 'template');
  await page.keyboard.press('Tab');
  assert.equal((await app.focused()).id, 'reflection');

  await app.tabTo('the "Save reflection" button', isButton('Save reflection'));
  await page.keyboard.press('Space');
  await app.expectPage(`Reflection about ${longDate(today)}`);
  assert.equal((await app.entryText().textContent()).trim(), text);
  await a11y('entry, saved by keyboard');

  await app.tabTo('the "Back to your journal" link', isLink('Back to your journal'));
  await page.keyboard.press('Enter');
  await app.expectPage('Your journal');
  await a11y('journal, reached by keyboard');

  await app.tabTo('the entry link', isLink(longDate(today)));
  await page.keyboard.press('Enter');
  await app.expectPage(`Reflection about ${longDate(today)}`);
});

journey('the error summary links can be followed by keyboard', async ({ app, page }) => {
  await app.open('/write');
  await app.tabTo('the "Save reflection" button', isButton('Save reflection'));
  await page.keyboard.press('Enter');
  await app.expectText(app.errorSummary(), 'There is a problem');
  await app.tabTo('the "Enter your reflection" link', isLink('Enter your reflection'));
  await page.keyboard.press('Enter');
  await app.waitUntil(
    async () => (await app.focused()).id === 'reflection',
    async () => `focus on #reflection, was ${JSON.stringify(await app.focused())}`,
  );
  await page.keyboard.type('Fixed by keyboard.');
  assert.equal(await app.reflectionInput().inputValue(), 'Fixed by keyboard.');
});

journey('the skip link, editing and deleting all work with the keyboard alone', async ({ app, page, a11y }) => {
  await app.open('/');
  const day = longDate(await app.today());
  await app.writeEntry({ text: KEYBOARD });
  await app.open('/');

  // The first Tab reaches the skip link; Enter moves focus to the main content.
  await app.tabTo('the skip link', isLink('Skip to main content'), { max: 1 });
  await page.keyboard.press('Enter');
  await app.waitUntil(async () => (await app.focused()).id === 'maincontent', 'focus on #maincontent');

  // Open the entry, then edit it.
  await app.tabTo(`the entry link "${day}"`, isLink(day));
  await page.keyboard.press('Enter');
  await app.expectPage(`Reflection about ${day}`);
  await app.tabTo('the edit link', isLink('Edit this reflection'));
  await page.keyboard.press('Enter');
  await app.expectPage('Edit reflection');
  await app.tabTo('the reflection box', hasId('reflection'));
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Edited by keyboard.');
  await app.tabTo('the save button', isButton('Save changes'));
  await page.keyboard.press('Enter');
  await app.expectPage(`Reflection about ${day}`);
  assert.match((await app.entryText().textContent()).trim(), /Edited by keyboard\.$/);
  await a11y('entry, edited by keyboard');

  // Delete it, confirming with Space on the warning button.
  await app.tabTo('the delete link', isLink('Delete this reflection'));
  await page.keyboard.press('Enter');
  await app.expectPage('Are you sure you want to delete this reflection?', 'Delete reflection');
  await app.tabTo('the confirm button', isButton('Yes, delete it'));
  await page.keyboard.press('Space');
  await app.expectPage('Your journal');
  await app.expectVisibleText('Reflection deleted');
  assert.deepEqual(await app.listedDays(), []);
});
