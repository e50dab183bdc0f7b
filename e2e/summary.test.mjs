// The supervision summary: the one moment anything leaves the device. Fictional
// reflections full of identifiers are seeded (stored format v3), the worker chooses
// the weeks and which reflections' words go in, checks every redaction on the review
// page (showing a false alarm as written, trying to show a listed name, adding a word),
// confirms, and the downloaded file of every format is read back: every planted
// identifier must be gone, the words that are not identifiers (scores, money, times)
// must survive, and the tags and counts must be right. axe runs on every page.
//
// Every identifier is fictional: made-up names, an NHS number from the 999 test range,
// phone numbers from the drama ranges, example.com email, a made-up street.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useHarness, addDays, normaliseSpace, checkA11y, gateZeroDelayTimers, isoDate } from './harness.mjs';

const { journey } = useHarness();

/** The Monday of the week containing `date`, as the summary names weeks. */
function mondayOf(date) {
  const weekday = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

const PRIVATE_NAMES = ['Ada Quillfeather', 'Brightwater Surgery'];

// The reflections. `include` marks those whose words the worker ticks.
function reflections(today) {
  return [
    {
      id: 'esum00001-1',
      about: addDays(today, -8),
      tags: ['anchor-step', 'holding-waiting'],
      text:
        'Mrs Pennywhistle, aged 47, lives at 14 Acacia Road, OX4 3AB. Her DOB is 03/04/1979. ' +
        'She is Polish and goes to the Catholic church. Her PHQ-9 score of 14 is down from 19, ' +
        'she paid £20 for the bus pass and we met at 2:30pm in room 4.',
    },
    {
      id: 'esum00002-2',
      about: addDays(today, -1),
      tags: ['md-patient', 'boundary-stretched'],
      text:
        'Saw Ada Quillfeather (NHS 999 000 0018) at Brightwater Surgery. I rang her on ' +
        '07700 900123 after hours, which stretched the boundary. QUILLFEATHER’S daughter ' +
        'emailed from ada.q@example.com and the WEMWBS was 41.',
    },
    {
      id: 'esum00003-3',
      about: addDays(today, -1),
      tags: ['escalate-elsewhere'],
      text: 'Safeguarding concern about Orrin Paleday, passed to the duty team on 020 7946 0123.',
    },
  ];
}

// Written through the editor, like a worker would, on the day of the journey.
const WRITTEN =
  'Walked with Mr Ellery Crumb to the library. His postcode is LS6 2AB and his mobile ' +
  '07700 900987; his NI number is QQ 12 34 56 C.';

const BRING =
  'How do I keep holding Ada Quillfeather’s case without promising too much? ' +
  'Her son is on 0113 496 0789.';

// Words that must never appear in any export, compared without regard to case.
const PLANTED = [
  'quillfeather', 'pennywhistle', 'paleday', 'orrin', 'brightwater', 'acacia',
  'ox4 3ab', '03/04/1979', 'aged 47', '999 000 0018', '07700 900123', 'ada.q@example.com',
  'ellery', 'crumb', 'ls6 2ab', '07700 900987', 'qq 12 34 56 c',
  '0113 496 0789', '020 7946 0123', 'safeguarding concern',
];
// Words that are not identifiers and must survive in the formats that carry text.
const SURVIVORS = ['PHQ-9 score of 14', '£20', '2:30pm', 'room 4', 'WEMWBS was 41'];

async function seed(page, today) {
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const envelope = (kind, data) => JSON.stringify({ app: 'anchorpoint', kind, v: 3, data });
  const entries = reflections(today);
  const items = entries.map((e) => [
    `anchorpoint.entry.${e.id}`,
    envelope('entry', {
      id: e.id,
      written_at: at,
      updated_at: at,
      about: isoDate(e.about),
      sections: [{ text: e.text }],
      tags: e.tags,
      dismissed: [],
    }),
  ]);
  items.push(['anchorpoint.index', envelope('index', { ids: entries.map((e) => e.id) })]);
  items.push([
    'anchorpoint.settings',
    envelope('settings', { end_question: true, check_in_interval: 'fortnightly', private_names: PRIVATE_NAMES }),
  ]);
  await page.evaluate((pairs) => pairs.forEach(([k, v]) => localStorage.setItem(k, v)), items);
  return entries;
}

/** Seeds the journal, fills the form for the last four weeks with every reflection's
 * words and the bring text, and continues to the review page. */
async function toReview(app, page, a11y) {
  await app.open('/');
  const today = await app.today();
  const entries = await seed(page, today);
  await app.writeEntry({ about: today, text: WRITTEN });
  await app.open('/summary');
  await app.expectPage('Create a supervision summary');
  await a11y('summary form');
  await app.button('Include all 3 reflections').click();
  // The escalated reflection can be ticked, and its words still never go.
  await page.locator('.nhsuk-checkboxes__item', { hasText: 'Tagged escalate elsewhere' }).locator('input').check();
  await page.getByLabel('What I want to bring to supervision (optional)').fill(BRING);
  await app.button('Continue').click();
  await app.expectPage('Check your summary before you download it');
  return { today, entries };
}

async function confirmAs(app, page, label) {
  await page.getByRole('radio', { name: label }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), app.button('Confirm and download').click()]);
  return download;
}

async function read(download) {
  return readFile(await download.path(), 'utf8');
}

function assertNoPlanted(text, format) {
  const lower = text.toLowerCase();
  for (const planted of PLANTED) {
    assert.ok(!lower.includes(planted.toLowerCase()), `${format} export still contains “${planted}”`);
  }
}

/** Goes to the next reflection with "Next" and checks that focus moved to its heading. */
async function next(app, page) {
  await page.locator('#review-next').click();
  await app.waitUntil(async () => (await app.focused()).id === 'review-page-heading', 'focus on the reflection’s heading');
}

journey('every planted identifier is gone from every format, and tags and counts are right', async ({ app, page, context, a11y }) => {
  const { today } = await toReview(app, page, a11y);
  await a11y('summary review');

  // One reflection at a time, with a count and the totals over all of them.
  const heading = page.locator('#review-page-heading');
  await app.expectText(heading, 'Reflection 1 of 3');
  await app.expectText(page.locator('main'), 'You have checked 1 of 4: every reflection, and what you want to bring to supervision.');
  // The rest of the reflections are scanned between frames; then the totals show.
  await app.expectText(page.locator('main'), 'Anchorpoint has marked');
  const total = Number(/Anchorpoint has marked (\d+) words or phrases to redact/.exec(await page.locator('main').innerText())?.[1]);
  assert.ok(total >= 12, `expected many redactions in all, saw ${total}`);
  // Only the first reflection's words are drawn.
  assert.equal(await page.locator('.app-review-text').count(), 1);
  assert.ok(!normaliseSpace(await page.locator('.app-review-page').innerText()).includes('Quillfeather'));
  // The escalated reflection is counted, never quoted.
  const first = normaliseSpace(await page.locator('main').innerText());
  assert.ok(!first.includes('Orrin'), 'the escalated reflection’s words are not on the review page');
  assert.ok(first.includes('3 reflections. 1 reflection tagged escalate elsewhere: counted, words not included'));
  // Quasi-identifiers of every reflection are listed, not removed.
  const warning = page.locator('.nhsuk-card--warning', { hasText: 'Check these details' });
  await app.expectText(warning, 'Polish');
  await app.expectText(warning, 'Catholic');

  // Any other redaction can be shown as written, hypothetically as a false alarm: a
  // deliberate button per redaction, which can be undone.
  const postcode = page.getByRole('button', { name: /^Show as written\W+‘OX4 3AB’$/ });
  await postcode.click();
  const again = page.getByRole('button', { name: /^Redact again\W+‘OX4 3AB’$/ });
  await app.waitUntil(async () => (await again.count()) === 1, 'the postcode can be redacted again');
  // Focus follows in the next animation frame, once the text is redrawn (it failed on a
  // busy machine when read at once).
  const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  await app.waitUntil(
    async () => /^Redact again: ‘OX4 3AB’$/.test(await focused()),
    async () => `focus on "Redact again: ‘OX4 3AB’", was on ${JSON.stringify((await focused()).slice(0, 80))}`,
  );
  await app.expectText(page.locator('mark.app-redaction--shown'), 'OX4 3AB');
  await a11y('summary review, a redaction shown as written');
  await again.click();
  await app.waitUntil(async () => (await postcode.count()) === 1, 'the postcode is redacted again');

  // The worker redacts more words, in every reflection.
  await page.getByLabel('Word or phrase to redact').fill('the Catholic church');
  await app.button('Redact').click();
  await app.expectText(page.getByRole('status'), '‘the Catholic church’ will be redacted wherever it appears: 1 place now.');
  await app.expectText(page.locator('mark.app-redaction', { hasText: 'the Catholic church' }), 'Chosen by you');
  await app.expectText(page.locator('main'), `Anchorpoint has marked ${total + 1} words or phrases to redact`);
  await a11y('summary review, word added');
  // Undo: it is no longer redacted, and the totals are as they were.
  await page.getByRole('button', { name: 'Stop redacting ‘the Catholic church’' }).click();
  await app.expectText(page.getByRole('status'), '‘the Catholic church’ is no longer redacted everywhere.');
  await app.expectText(page.locator('main'), `Anchorpoint has marked ${total} words or phrases to redact`);
  assert.equal(await page.locator('mark.app-redaction', { hasText: 'the Catholic church' }).count(), 0);
  await page.getByLabel('Word or phrase to redact').fill('the Catholic church');
  await app.button('Redact').click();
  await app.expectText(page.getByRole('status'), '‘the Catholic church’ will be redacted wherever it appears: 1 place now.');

  // Nothing is downloaded before every reflection has been seen.
  await app.button('Confirm and download').click();
  await app.expectText(app.errorSummary(), 'Check every reflection before you download: you have checked 1 of 4. Go to reflection 2, the first you have not checked');
  await a11y('summary review, not every reflection checked');
  // The error links to the way to the first reflection not checked, as GOV.UK errors do.
  await app.errorSummary().getByRole('link').click();
  await app.waitUntil(async () => (await app.focused()).id === 'first-unchecked', 'focus on the link to reflection 2');
  await page.keyboard.press('Enter');
  await app.waitUntil(async () => (await app.focused()).id === 'review-page-heading', 'focus on reflection 2’s heading');
  await app.expectText(heading, 'Reflection 2 of 3');
  await app.expectText(page.getByRole('status'), 'Showing reflection 2. You have checked 2 of 4.');
  await a11y('summary review, reflection 2');

  // A name on the private list is never offered to be shown.
  const listedRow = page.locator('tr', { hasText: 'Ada Quillfeather' }).first();
  await app.expectText(listedRow, 'On your list of names, so always redacted');
  assert.equal(await listedRow.getByRole('button').count(), 0);

  // Every kind is shown, over the pages; "Previous" goes back.
  let labels = normaliseSpace(await page.locator('.app-review-page').innerText());
  await page.locator('#review-previous').click();
  await app.expectText(heading, 'Reflection 1 of 3');
  labels += normaliseSpace(await page.locator('.app-review-page').innerText());
  await next(app, page);
  await next(app, page);
  await app.expectText(heading, 'Reflection 3 of 3');
  labels += normaliseSpace(await page.locator('.app-review-page').innerText());
  await next(app, page);
  await app.expectText(heading, 'What I want to bring to supervision');
  assert.equal(await page.locator('#review-next').count(), 0, 'the last page has no “Next”');
  await a11y('summary review, the bring text');
  labels += normaliseSpace(await page.locator('.app-review-page').innerText());
  for (const kind of ['NHS number', 'Phone number', 'Email address', 'Postcode', 'Address', 'Name', 'Date', 'Age', 'National Insurance number']) {
    assert.ok(labels.includes(kind), `the review page names the kind “${kind}”`);
  }
  assert.equal(await page.locator('#first-unchecked').count(), 0, 'every page has been seen');

  // Nothing is downloaded without choosing a format.
  await app.button('Confirm and download').click();
  await app.expectText(app.errorSummary(), 'Select which file you want to download');

  const markdown = await read(await confirmAs(app, page, 'Markdown (.md)'));
  await app.expectPage('Summary downloaded');
  await a11y('summary downloaded');
  const main = normaliseSpace(await page.locator('main').innerText());
  assert.ok(main.includes('The file is not encrypted'));
  assert.ok(main.includes('.md'));

  const files = { markdown };
  for (const [key, label] of [['html', 'Printable page (.html)'], ['json', 'JSON (.json)'], ['csv', 'Tag counts per week (.csv)']]) {
    const [download] = await Promise.all([page.waitForEvent('download'), app.button(`Download ${label}`).click()]);
    assert.match(download.suggestedFilename(), /^anchorpoint-summary-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.(md|html|json|csv)$/);
    files[key] = await read(download);
  }
  await app.expectText(page.locator('main'), '.csv');

  for (const [format, text] of Object.entries(files)) assertNoPlanted(text, format);
  for (const survivor of SURVIVORS) {
    assert.ok(files.markdown.includes(survivor), `Markdown keeps “${survivor}”`);
    assert.ok(files.json.includes(survivor), `JSON keeps “${survivor}”`);
  }
  assert.ok(files.markdown.includes('Person A'), 'names become consistent pseudonyms');
  assert.ok(files.html.includes('@media print'), 'the HTML prints cleanly');
  assert.ok(!/<script/i.test(files.html), 'the HTML has no script');

  // The printable page opens on its own (nothing external: the network guard is on),
  // passes axe, and prints to PDF from the browser.
  const printable = await context.newPage();
  await printable.setContent(files.html);
  await checkA11y(printable, 'exported printable summary');
  await printable.emulateMedia({ media: 'print' });
  const pdf = await printable.pdf({ format: 'A4' });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 2000, `a real PDF, ${pdf.length} bytes`);
  await printable.close();

  // Tags and counts, from the JSON.
  const summary = JSON.parse(files.json);
  assert.equal(summary.format, 'anchorpoint-supervision-summary');
  assert.equal(summary.version, 2);
  assert.equal(summary.worker, null, 'no name was given');
  assert.equal(summary.overview.entries, 4);
  assert.equal(summary.overview.entries_shared, 3);
  assert.equal(summary.normative.escalations, 1);
  const counts = Object.fromEntries(summary.overview.tags.map((t) => [t.tag, t.count]));
  assert.deepEqual(counts, {
    'md-patient': 1,
    'boundary-stretched': 1,
    'anchor-step': 1,
    'holding-waiting': 1,
    'escalate-elsewhere': 1,
  });

  // The CSV: one row per week and tag, weeks as their Mondays.
  const labelOf = Object.fromEntries(summary.overview.tags.map((t) => [t.tag, t.label]));
  const rows = files.csv.trim().split('\r\n');
  assert.equal(rows[0], 'week_commencing,family,tag,count');
  const thisWeek = isoDate(mondayOf(addDays(today, -1)));
  const earlier = isoDate(mondayOf(addDays(today, -8)));
  for (const [week, tag] of [[thisWeek, 'md-patient'], [thisWeek, 'boundary-stretched'], [earlier, 'anchor-step'], [earlier, 'holding-waiting'], [thisWeek, 'escalate-elsewhere']]) {
    assert.ok(
      rows.some((r) => r.startsWith(`${week},`) && r.includes(labelOf[tag]) && r.endsWith(',1')),
      `CSV has ${tag} once in the week of ${week}: ${rows.join(' | ')}`,
    );
  }
  assert.equal(rows.length, 6);
});

journey('the summary can be made by keyboard alone, and un-redacting keeps focus in place', async ({ app, page, a11y }) => {
  await toReview(app, page, a11y);
  await app.tabTo('the first “Show as written” button', (f) => f.tag === 'button' && f.text.startsWith('Show as written'), { max: 60 });
  const first = await app.focused();
  await page.keyboard.press('Enter');
  await app.waitUntil(async () => (await app.focused()).id === first.id && (await app.focused()).text.startsWith('Redact again'), 'focus stays on the same redaction');
  // Every reflection by keyboard: "Next" moves focus to the next reflection's heading.
  while ((await page.locator('#review-next').count()) > 0) {
    await app.tabTo('the next reflection link', (f) => f.id === 'review-next', { max: 80 });
    await page.keyboard.press('Enter');
    await app.waitUntil(async () => (await app.focused()).id === 'review-page-heading', 'focus on the reflection’s heading');
  }
  await app.tabTo('the Markdown radio', (f) => f.id === 'format', { max: 80 });
  await page.keyboard.press('Space');
  await app.tabTo('the confirm button', (f) => f.id === 'confirm-download');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  await app.expectPage('Summary downloaded');
  assert.match(download.suggestedFilename(), /\.md$/);
  await a11y('summary downloaded by keyboard');
});

journey('the form explains what is wrong and nothing is made until it is right', async ({ app, page, a11y }) => {
  await app.open('/summary');
  await page.locator('#from').fill('');
  await page.locator('#from-month').fill('');
  await page.locator('#from-year').fill('');
  await page.locator('#to').fill('31');
  await page.locator('#to-month').fill('2');
  await app.button('Continue').click();
  await app.expectTitle('Error: Create a supervision summary – Anchorpoint');
  assert.deepEqual(await app.errorLinks(), [
    { href: '#from', text: 'Enter the start date' },
    { href: '#to', text: 'End date must be a real date' },
  ]);
  await a11y('summary form with errors');
  // The link takes the worker to the box to fix, and the date's boxes are marked.
  await page.getByRole('link', { name: 'End date must be a real date' }).click();
  // Focus moves on the next animation frame, as for every error link.
  await app.waitUntil(async () => (await app.focused()).id === 'to', 'focus on the end date’s day box');
  assert.equal(await page.locator('#to.nhsuk-input--error').count(), 1);
  assert.equal(await page.locator('.nhsuk-error-message', { hasText: 'End date must be a real date' }).count(), 1);
  await app.expectPath(/^\/summary$/);
});

journey('a review or confirmation page opened without a summary says so and keeps nothing', async ({ app, page, a11y }) => {
  await app.open('/summary/review');
  await app.expectPage('There is no summary to check');
  await a11y('no summary to check');
  await app.open('/summary/done');
  await app.expectPage('There is no summary to show');
  assert.deepEqual(await app.anchorpointKeys(), []);
  // The summary pages never write to storage.
  await toReview(app, page, a11y);
  const keys = await app.anchorpointKeys();
  assert.ok(keys.every((k) => k.startsWith('anchorpoint.entry.') || /^anchorpoint\.index\.\d+$/.test(k) || k === 'anchorpoint.settings'), keys.join());
});

journey('words chosen to redact still apply after going back to change the choices', async ({ app, page, a11y }) => {
  await toReview(app, page, a11y);
  await page.getByLabel('Word or phrase to redact').fill('walking group');
  await app.button('Redact').click();
  await app.expectText(page.getByRole('status'), '‘walking group’ will be redacted wherever it appears');
  await page.getByRole('link', { name: 'Change what I want to bring to supervision' }).click();
  await app.expectPage('Create a supervision summary');
  // The form kept every choice: continue straight away.
  assert.equal(await page.getByLabel('What I want to bring to supervision (optional)').inputValue(), BRING);
  await app.button('Continue').click();
  await app.expectPage('Check your summary before you download it');
  await app.expectText(page.locator('main'), 'Words you chose to redact');
  await app.expectText(page.locator('main'), '‘walking group’');

  // A bring text that is too long gets its own error, and the reflections stay listed.
  await page.getByRole('link', { name: 'Change weeks' }).click();
  await page.getByLabel('What I want to bring to supervision (optional)').fill('x'.repeat(2001));
  assert.equal(await page.getByRole('checkbox').count(), 4);
  await app.button('Continue').click();
  assert.deepEqual(await app.errorLinks(), [
    { href: '#bring', text: 'What you want to bring to supervision must be 2,000 characters or fewer' },
  ]);
  assert.equal(await page.getByRole('checkbox').count(), 4);
  await a11y('summary form, bring text too long');
});

// Many dense reflections: the review scans them between frames after drawing the first,
// and says it is still looking until it has finished. The texts are the test corpus's
// fictional lines (tests/corpus/redaction.jsonl), about 1,500 characters each, as the
// review benchmark (bench/review-browser.mjs) builds them.
const DENSE = 240;

async function denseTexts() {
  const corpus = (await readFile(new URL('../tests/corpus/redaction.jsonl', import.meta.url), 'utf8'))
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const names = [...new Set(corpus.flatMap((c) => c.names))].slice(0, 50);
  const texts = [];
  let next = 0;
  for (let i = 0; i < DENSE; i += 1) {
    let text = '';
    while (text.length < 1500) {
      text += (text ? ' ' : '') + corpus[next % corpus.length].text;
      next += 1;
    }
    texts.push(text.slice(0, 2000));
  }
  return { texts, names };
}

journey('with many dense reflections the review says it is still looking, refuses to download meanwhile, and then shows the totals', async ({ app, page, a11y }) => {
  const timers = await gateZeroDelayTimers(page);
  await app.open('/');
  const today = await app.today();
  const { texts, names } = await denseTexts();
  const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const envelope = (kind, data) => JSON.stringify({ app: 'anchorpoint', kind, v: 3, data });
  const ids = texts.map((_, i) => `edense${i.toString(36)}-1`);
  const items = texts.map((text, i) => [
    `anchorpoint.entry.${ids[i]}`,
    envelope('entry', {
      id: ids[i], written_at: at, updated_at: at, about: isoDate(addDays(today, -(i % 14))),
      sections: [{ text }], tags: ['md-patient'], dismissed: [],
    }),
  ]);
  items.push(['anchorpoint.index', envelope('index', { ids })]);
  items.push(['anchorpoint.settings', envelope('settings', { end_question: true, check_in_interval: 'fortnightly', private_names: names })]);
  await page.evaluate((pairs) => pairs.forEach(([k, v]) => localStorage.setItem(k, v)), items);
  await app.reload();

  await app.open('/summary');
  await app.expectPage('Create a supervision summary');
  await app.button(`Include all ${DENSE} reflections`).click();
  await timers.shut();
  await app.button('Continue').click();
  await app.expectPage('Check your summary before you download it');
  const main = page.locator('main');
  const still = new RegExp(
    `Anchorpoint is still looking for identifiers in what you are sharing: (\\d+) of ${DENSE} done\\. ` +
      'The number of redactions and the details to check appear when it has finished\\.',
  );
  /** How many texts the page says it has scanned, or null if it is not still looking. */
  const looked = async () => {
    const m = still.exec(normaliseSpace(await main.innerText()));
    return m ? Number(m[1]) : null;
  };
  // The first page is drawn at once; the rest wait for the scan's steps.
  const first = await looked();
  assert.ok(first !== null && first < DENSE, `still looking at first, with ${first} of ${DENSE} done`);
  assert.ok(!normaliseSpace(await main.innerText()).includes('Anchorpoint has marked'), 'no totals yet');
  await a11y('summary review, still looking for identifiers');

  // Each step scans some more and says how far it has got.
  for (let i = 0; i < 20 && (await looked()) === first; i += 1) {
    assert.ok((await timers.step()) > 0, 'a step of the scan was waiting');
  }
  const later = await looked();
  assert.ok(later > first && later < DENSE, `one step scanned some more: ${first}, then ${later}, of ${DENSE}`);

  // Confirming while it looks is refused: not every reflection has been seen, so nothing
  // is downloaded.
  let downloaded = false;
  page.on('download', () => { downloaded = true; });
  await app.button('Confirm and download').click();
  await app.expectText(app.errorSummary(), `Check every reflection before you download: you have checked 1 of ${DENSE}.`);
  assert.equal(await looked(), later, 'still looking, no further, when Confirm was refused');
  await a11y('summary review, still looking, download refused');

  // The state ends: the totals replace it.
  await timers.open();
  await app.waitUntil(async () => normaliseSpace(await main.innerText()).includes('Anchorpoint has marked'), 'the scan to finish', 60_000);
  const done = normaliseSpace(await main.innerText());
  assert.ok(!/still looking for identifiers/.test(done), 'the “still looking” words are gone');
  const total = Number(/Anchorpoint has marked (\d+) words or phrases to redact/.exec(done)?.[1]);
  assert.ok(total > DENSE, `expected many redactions over ${DENSE} dense reflections, saw ${total}`);
  assert.equal(downloaded, false, 'nothing was downloaded');
  await a11y('summary review, every text scanned');
});
