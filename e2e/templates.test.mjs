// Writing with a template: one box per prompt, kept as a draft across a reload, saved
// with the prompts as headings; switching template keeps words; the end-of-entry
// question and linking to a holding thread from the write page.

import assert from 'node:assert/strict';
import { useHarness } from './harness.mjs';
import { storedRecord } from './records.mjs';

const { journey } = useHarness();

function today() {
  const d = new Date();
  return d.toISOString().slice(0, 10);
}

function envelope(kind, data) {
  return JSON.stringify({ app: 'anchorpoint', kind, v: 3, data });
}

async function chooseTemplate(page, name) {
  await page.getByLabel('How do you want to write?').selectOption({ label: name });
}

journey('a reflection written with a template keeps each prompt and answer', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.startWriting();
  await chooseTemplate(page, 'Driscoll');
  await page.getByLabel('What?', { exact: true }).waitFor();
  await a11y('write, with a template');
  await page.getByLabel('What?', { exact: true }).fill('Went with Person C to the walking group.');
  await page.getByLabel('Now what?', { exact: true }).fill('Ask at supervision about travel time.');

  // The draft keeps the template and the answers.
  await app.reload();
  await app.expectPage('Write a reflection');
  assert.equal(await page.getByLabel('Now what?', { exact: true }).inputValue(), 'Ask at supervision about travel time.');
  assert.equal(await page.getByLabel('How do you want to write?').inputValue(), 'driscoll');

  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  await app.expectVisibleText('Reflection saved');
  await app.expectVisibleText('Written with the template: Driscoll');
  const headings = await page.locator('main h2').allInnerTexts();
  assert.ok(headings.includes('What?') && headings.includes('Now what?'), headings.join(' | '));
  assert.ok(!headings.includes('So what?'), 'an unanswered prompt is not shown');
  await a11y('entry written with a template');

  // Editing offers the unanswered prompt again, with the answers in place.
  await page.getByRole('link', { name: 'Edit this reflection' }).click();
  await app.expectPage('Edit reflection');
  assert.equal(await page.getByLabel('What?', { exact: true }).inputValue(), 'Went with Person C to the walking group.');
  assert.equal(await page.getByLabel('So what?', { exact: true }).inputValue(), '');
});

journey('switching template keeps what was written, and an empty template form says what to do', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.expectPage('Write a reflection');
  await app.fillReflection('Started freely about the food bank call.');
  await chooseTemplate(page, 'Driscoll');
  assert.equal(await page.getByLabel('What?', { exact: true }).inputValue(), 'Started freely about the food bank call.');
  await page.getByLabel('What?', { exact: true }).fill('');
  await app.saveNew();
  await app.expectTitle('Error: Write a reflection – Anchorpoint');
  assert.deepEqual((await app.errorLinks()).map((l) => l.text), ['Answer at least one question']);
  await a11y('template with no answers');
  await page.getByRole('link', { name: 'Answer at least one question' }).click();
  await app.waitUntil(async () => (await app.focused()).id === 'answer-0', 'focus on the first answer');
});

journey('the end-of-entry question is asked, kept with the entry, and can be switched off', async ({ app, page, a11y }) => {
  await app.open('/write');
  await app.fillReflection('Rang my contact at the food bank directly.');
  await page.getByRole('group', { name: 'Did you make a judgement call today?' }).getByLabel('Yes').check();
  await a11y('end-of-entry question answered');
  await app.saveNew();
  await app.expectVisibleText('Did you make a judgement call today? Yes');

  await page.evaluate((value) => localStorage.setItem('anchorpoint.settings', value), envelope('settings', {
    end_question: false, check_in_interval: 'monthly', private_names: [],
  }));
  await app.open('/write');
  await app.expectPage('Write a reflection');
  assert.equal(await page.getByText('Did you make a judgement call today?').count(), 0);
});

journey('a reflection can be linked to an open holding thread from the write page', async ({ app, page, a11y }) => {
  await app.open('/');
  await page.evaluate((value) => localStorage.setItem('anchorpoint.threads', value), envelope('threads', {
    threads: [
      { id: 't1', pseudonym: 'Person A', opened: today(), functions: [], drivers: [], entries: [] },
      { id: 't2', pseudonym: 'Person B', opened: today(), functions: [], drivers: [], entries: [],
        closed: { on: today(), outcome: 'closed' } },
    ],
  }));
  await app.open('/write');
  await app.expectPage('Write a reflection');
  const group = page.getByRole('group', { name: 'Is this part of a holding thread?' });
  assert.deepEqual((await group.locator('label').allInnerTexts()).map((s) => s.trim()), ['Person A']);
  await group.getByLabel('Person A').check();
  await app.fillReflection('Third call with Person A; still waiting for the housing team.');
  await a11y('write, with a thread chosen');
  await app.saveNew();
  await app.expectPath(/^\/entries\/[^/]+$/);
  const id = app.entryId();
  const stored = storedRecord(await page.evaluate(() => localStorage.getItem('anchorpoint.threads')));
  assert.deepEqual(stored.data.threads[0].entries, [id]);
  assert.deepEqual(stored.data.threads[1].entries, []);
});
