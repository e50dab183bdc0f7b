// The supervisor view (issue 12): a supervisor opens link workers' summary files by the
// file picker, by drag and drop and by keyboard; each bad file gets its own clear error
// while the good ones open and are aggregated; script-like text stays text; the same
// summary twice opens once with a note; the worker's journal is never read or written.
// axe-core runs on every page and state. Everything in the files is fictional.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fillStorage, freeStorage } from './storage.mjs';
import { useHarness } from './harness.mjs';

const { journey } = useHarness();

const V2 = readFileSync(fileURLToPath(new URL('../tests/fixtures/export/v2/summary.json', import.meta.url)), 'utf8');
const V1 = readFileSync(fileURLToPath(new URL('../tests/fixtures/export/v1/summary.json', import.meta.url)), 'utf8');

/** The v2 fixture with `change` made to it. */
function summary(change) {
  const value = JSON.parse(V2);
  change(value);
  return JSON.stringify(value, null, 2);
}

/** A second worker's summary: their own name, more boundaries stretched. */
const MENSAH = summary((v) => {
  v.worker = 'K. Mensah';
  for (const t of v.normative.tags) if (t.tag === 'boundary-stretched') t.count = 4;
});

function file(name, text) {
  return { name, mimeType: 'application/json', buffer: Buffer.from(text, 'utf8') };
}

async function openFiles(page, files) {
  await page.locator('#summary-files').setInputFiles(files);
}

/** Sets a reflection in the worker's journal first, to check it is never touched. */
async function journalWithOneReflection(app) {
  await app.writeEntry({ about: await app.today(), text: 'Walked with Ada Quillfeather to the library.' });
  return app.rawStorage();
}

journey('three files, one corrupt: the two good ones are aggregated and one clear error is shown', async ({ app, page, a11y }) => {
  await app.open('/');
  const before = await journalWithOneReflection(app);
  await app.link('Journal').click();
  await app.expectPage('Your journal');
  await app.link('Open their summaries in the supervisor view').click();
  await app.expectPage('Supervisor view');
  await app.expectText(page.getByRole('heading', { level: 2, name: 'No summaries open' }), 'No summaries open');
  await a11y('supervisor view, empty');

  await openFiles(page, [file('jo-b.json', V2), file('corrupt.json', V2.slice(0, 900)), file('k-mensah.json', MENSAH)]);
  await app.expectText(app.errorSummary(), '‘corrupt.json’ is not a summary file: it is not JSON. Nothing from it was opened.');
  assert.deepEqual(await app.errorLinks(), [
    {
      text: '‘corrupt.json’ is not a summary file: it is not JSON. Nothing from it was opened. Choose the .json summary file the worker downloaded from Anchorpoint.',
      href: '#summary-files',
    },
  ]);
  await app.expectTitle('Error: Supervisor view – Anchorpoint');
  await app.expectText(page.locator('.nhsuk-notification-banner'), '2 summaries opened');
  await app.expectText(page.locator('#open-summaries'), '2 summaries from 2 workers open');
  await app.expectText(page.locator('#summary-files-error'), 'Error: 1 file could not be opened');
  await a11y('supervisor view, two opened and one error');
  await app.errorSummary().getByRole('link').click();
  await app.waitUntil(async () => (await app.focused()).id === 'summary-files', 'focus on the file input');

  // Aggregated across workers: both in every table, the stretched boundaries compared.
  await app.link('Patterns across workers').click();
  await app.expectPage('Patterns across workers');
  await app.expectText(page.locator('#sup-discretions-heading + figure figcaption'), 'K. Mensah has the most stretched boundaries: 4 reflections.');
  const rows = await page.locator('#sup-discretions-caption').locator('xpath=ancestor::table').locator('tbody th').allTextContents();
  assert.deepEqual(rows, ['Jo B', 'K. Mensah']);
  assert.equal(await page.locator('svg.app-chart__svg').count() >= 2, true, 'charts are drawn');
  await a11y('patterns across workers');

  await app.link('Discussion prompts').click();
  await app.expectPage('Discussion prompts');
  await app.expectText(page.locator('#prompts-normative + p + ul'), 'K. Mensah: Boundaries stretched in 4 reflections over 4 weeks.');
  await a11y('discussion prompts');

  await app.link('Print view').click();
  await app.expectPage('Supervisor view: print', 'Print view');
  assert.equal(await page.locator('details[open]').count() >= 4, true, 'data tables open for paper');
  await a11y('print view');

  await app.link('Open summaries').click();
  await app.link('K. Mensah').click();
  await app.expectPage('K. Mensah: timeline');
  await app.expectText(page.locator('#timeline-caption'), 'K. Mensah: 1 summary');
  await app.expectText(page.locator('main'), 'What they want to bring to supervision');
  await a11y('one worker’s timeline');

  // Nothing of the journal was read into the view, and nothing in storage changed.
  assert.deepEqual(await app.rawStorage(), before, 'local storage is exactly as it was');
  assert.ok(!(await page.locator('main').innerText()).includes('Ada Quillfeather'));
});

journey('each kind of bad file gets its own error and changes nothing; script-like text stays text', async ({ app, page, a11y }) => {
  await app.open('/supervisor');
  await app.expectPage('Supervisor view');
  const before = await app.rawStorage();
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const script = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
  await openFiles(page, [
    file('notes.txt', 'Not JSON at all'),
    file('journal.json', '{"entries": []}'),
    file('wrong-shape.json', summary((v) => delete v.period)),
    file('future.json', summary((v) => { v.version = 3; })),
    file('huge.json', ' '.repeat(1024 * 1024 + 1)),
    file('script.json', summary((v) => {
      v.worker = 'Jo <b>B</b>';
      v.bring = { text: script, redactions: [] };
    })),
    file('v1.json', V1),
    file('v1 copy.json', V1),
  ]);
  const summaryText = await app.errorSummary().innerText();
  for (const expected of [
    '‘notes.txt’ is not a summary file: it is not JSON.',
    '‘journal.json’ is not an Anchorpoint supervision summary.',
    '‘wrong-shape.json’ is damaged: part of it has the wrong shape (missing field ‘period’). Nothing from it was opened. Ask the worker to download the summary again.',
    '‘future.json’ was made by a newer version of Anchorpoint (format 3); this version opens formats 1 and 2. Nothing from it was opened. Reload Anchorpoint to get its latest version, then open the file again.',
    '‘huge.json’ is too big to be a summary (1.0 MB); the largest file that opens is 1 MB.',
  ]) {
    assert.ok(summaryText.includes(expected), `${expected}\n in\n${summaryText}`);
  }
  assert.equal((await app.errorLinks()).length, 5, 'one error per bad file');
  await app.expectText(page.locator('.nhsuk-notification-banner'), '2 summaries opened');
  await app.expectText(page.locator('#open-duplicates'), '‘v1 copy.json’ is the same summary as ‘v1.json’, so it is open once.');
  await a11y('supervisor view, every kind of bad file');

  // The script-like name and text are shown as text and never run.
  await app.link('Jo <b>B</b>').click();
  await app.expectPage('Jo <b>B</b>: timeline');
  await app.expectText(page.locator('main'), script);
  assert.equal(await page.locator('main img, main script, main b').count(), 0, 'no markup was made');
  assert.equal(dialogs, 0, 'nothing ran');
  await a11y('timeline with script-like text');
  assert.deepEqual(await app.rawStorage(), before, 'nothing was stored');
});

journey('summaries open by drag and drop, and by the keyboard alone', async ({ app, page, a11y }) => {
  // Playwright asks Chromium to hand it file choosers when the first listener is added, and
  // does not wait for the answer. A key pressed straight after can open the chooser first,
  // which is then never seen (it failed so on CI). Listening from the start leaves that done.
  const choosers = [];
  page.on('filechooser', (chooser) => choosers.push(chooser));
  await app.open('/');
  // From the header, by keyboard.
  await app.tabTo('the Supervisor view link', (f) => f.text === 'Supervisor view');
  await page.keyboard.press('Enter');
  await app.expectPage('Supervisor view');
  // The file input is reached by Tab; Space opens the chooser.
  await app.tabTo('the file input', (f) => f.id === 'summary-files');
  await page.keyboard.press('Space');
  await app.waitUntil(async () => choosers.length === 1, async () => `one file chooser, saw ${choosers.length}`);
  await choosers[0].setFiles([file('jo-b.json', V2)]);
  await app.expectText(page.locator('.nhsuk-notification-banner'), '1 summary opened');
  await app.tabTo('the worker link', (f) => f.text === 'Jo B');
  await page.keyboard.press('Enter');
  await app.expectPage('Jo B: timeline');
  await page.goBack();
  await app.expectPage('Supervisor view');

  // Dropped onto the drop zone: the same file again is noticed, a new one opens.
  await page.evaluate(([a, b]) => {
    const data = new DataTransfer();
    data.items.add(new File([a], 'again.json', { type: 'application/json' }));
    data.items.add(new File([b], 'k-mensah.json', { type: 'application/json' }));
    const zone = document.querySelector('.app-drop-zone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, [V2, MENSAH]);
  await app.expectText(page.locator('.nhsuk-notification-banner'), '1 summary opened');
  await app.expectText(page.locator('#open-duplicates'), '‘again.json’ is the same summary as ‘jo-b.json’');
  await app.expectText(page.locator('#open-summaries'), '2 summaries from 2 workers open');
  await a11y('supervisor view, dropped files');

  // Closing one by keyboard, from its worker's timeline.
  await app.tabTo('the worker link', (f) => f.text === 'K. Mensah');
  await page.keyboard.press('Enter');
  await app.expectPage('K. Mensah: timeline');
  await app.tabTo('the close button', (f) => f.text === 'Close this summary ‘k-mensah.json’');
  await page.keyboard.press('Enter');
  await app.expectPage('This worker’s summaries are not open', 'Worker not found');
  await app.link('Open summaries').first().click();
  await app.expectText(page.locator('#open-summaries'), '1 summary from 1 worker open');
  await app.button('Close all summaries').click();
  await app.expectText(page.getByRole('heading', { level: 2, name: 'No summaries open' }), 'No summaries open');
});

journey('a worker puts initials on a summary, and the supervisor opens the downloaded file', async ({ app, page, a11y }) => {
  await app.open('/');
  await app.writeEntry({ about: await app.today(), text: 'Said no to an after-hours call and felt fine about it.' });
  await app.open('/summary');
  await app.expectPage('Create a supervision summary');
  await app.button('Continue').click();
  await app.expectPage('Check your summary before you download it');
  const name = page.getByLabel('Name or initials shown to your supervisor (optional)');
  // Too long: a field error, nothing downloaded.
  await name.fill('Q'.repeat(41));
  await page.getByRole('radio', { name: 'JSON (.json)' }).check();
  await app.button('Confirm and download').click();
  await app.expectText(app.errorSummary(), 'Name or initials must be 40 characters or fewer');
  await app.expectText(page.locator('#worker-name-error'), 'Error: Name or initials must be 40 characters or fewer');
  await a11y('summary review, name too long');
  await name.fill('  Jo   B ');
  const [download] = await Promise.all([page.waitForEvent('download'), app.button('Confirm and download').click()]);
  await app.expectPage('Summary downloaded');
  assert.match(download.suggestedFilename(), /^anchorpoint-summary-jo-b-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  const json = JSON.parse(text);
  assert.equal(json.version, 2);
  assert.equal(json.worker, 'Jo B');
  const [markdown] = await Promise.all([page.waitForEvent('download'), app.button('Download Markdown (.md)').click()]);
  assert.match(markdown.suggestedFilename(), /^anchorpoint-summary-jo-b-.*\.md$/);
  assert.ok(readFileSync(await markdown.path(), 'utf8').includes('Link worker: Jo B'));

  await app.link('Supervisor view').click();
  await app.expectPage('Supervisor view');
  await openFiles(page, [file(download.suggestedFilename(), text)]);
  await app.expectText(page.locator('.nhsuk-notification-banner'), '1 summary opened');
  await app.link('Jo B').click();
  await app.expectPage('Jo B: timeline');
});

journey('the supervisor keeps summaries on this device, apart from the journal, or lets them go', async ({ app, page, a11y }) => {
  await app.open('/');
  const before = await journalWithOneReflection(app);
  const journalOnly = (all) => Object.fromEntries(Object.entries(all).filter(([k]) => !k.startsWith('anchorpoint-supervisor.')));
  await app.open('/supervisor');
  await openFiles(page, [file('jo-b.json', V2)]);
  await app.expectText(page.locator('.nhsuk-notification-banner'), '1 summary opened');
  assert.match(await page.locator('#where-kept').innerText(), /stay in this tab only/);

  // Storage full: a clear error, nothing kept, still open here.
  await fillStorage(page);
  await page.getByLabel('Keep them on this device').check();
  await app.button('Save this choice').click();
  await app.expectText(app.errorSummary(), "The summaries could not be kept on this device because this browser's storage for Anchorpoint is full. The summaries are still open in this tab, and nothing kept on this device has changed.");
  await a11y('supervisor view, storage full');
  await freeStorage(page);
  assert.deepEqual(await app.rawStorage(), before, 'nothing was written');

  await app.button('Save this choice').click();
  await app.expectText(page.locator('#keep-saved'), 'Summaries you open are kept on this device');
  await a11y('supervisor view, keeping');
  const kept = Object.keys(await app.rawStorage()).filter((k) => k.startsWith('anchorpoint-supervisor.')).sort();
  assert.equal(kept.length, 2, kept.join());
  assert.equal(kept[0], 'anchorpoint-supervisor.keep');
  assert.match(kept[1], /^anchorpoint-supervisor\.summary\.[0-9a-f]{16}$/);
  assert.deepEqual(journalOnly(await app.rawStorage()), before, 'the journal is byte for byte as it was');

  // Kept across a reload; a file opened now is kept too.
  await app.reload();
  await app.expectText(page.locator('#open-summaries'), '1 summary from 1 worker open');
  await openFiles(page, [file('k-mensah.json', MENSAH)]);
  await app.expectText(page.locator('#open-summaries'), '2 summaries from 2 workers open');
  await app.reload();
  await app.expectText(page.locator('#open-summaries'), '2 summaries from 2 workers open');

  // Let them go: the space is empty, the journal untouched, the tab keeps them open.
  await page.getByLabel('Only in this tab').check();
  await app.button('Save this choice').click();
  await app.expectText(page.locator('#keep-saved'), 'Summaries are no longer kept on this device');
  assert.deepEqual(await app.rawStorage(), before);
  await app.reload();
  await app.expectText(page.getByRole('heading', { level: 2, name: 'No summaries open' }), 'No summaries open');
});

journey('a protected summary: the worker seals it, the supervisor opens it among a good and a corrupt file', async ({ app, page, a11y }) => {
  const PASSPHRASE = 'heron over the canal at dawn';
  await app.open('/');
  await app.writeEntry({ about: await app.today(), text: 'Stayed late again; I want to talk about the waiting list.' });
  await app.open('/summary');
  await app.button('Continue').click();
  await app.expectPage('Check your summary before you download it');
  await page.getByLabel('Name or initials shown to your supervisor (optional)').fill('K. Mensah');
  await page.getByLabel('Protect the JSON file with a passphrase (optional)').fill(PASSPHRASE);
  // Not JSON: protection needs the JSON.
  await page.getByRole('radio', { name: 'Markdown (.md)' }).check();
  await app.button('Confirm and download').click();
  await app.expectText(app.errorSummary(), 'Choose JSON to protect the file with a passphrase');
  await page.getByRole('radio', { name: 'JSON (.json)' }).check();
  await page.getByLabel('Passphrase again').fill('heron over the canal at dusk');
  await app.button('Confirm and download').click();
  await app.expectText(app.errorSummary(), 'The passphrases do not match');
  await a11y('summary review, passphrases differ');
  await page.getByLabel('Passphrase again').fill(PASSPHRASE);
  await app.expectText(page.locator('.nhsuk-card--warning'), 'The file will be protected');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), app.button('Confirm and download').click()]);
  await app.expectPage('Summary downloaded');
  await app.expectText(page.locator('main'), 'The file is protected');
  assert.ok(!(await page.locator('main').innerText()).includes('The file is not encrypted'));
  await a11y('summary downloaded, protected');
  const sealed = readFileSync(await download.path(), 'utf8');
  const outer = JSON.parse(sealed);
  assert.equal(outer.kind, 'sealed');
  assert.equal(outer.purpose, 'summary');
  assert.ok(!sealed.includes('K. Mensah') && !sealed.includes('waiting list'), 'nothing readable in the file');

  await app.link('Supervisor view').click();
  await app.expectPage('Supervisor view');
  const before = await app.rawStorage();
  await openFiles(page, [file('jo-b.json', V2), file('corrupt.json', '{"format": "anchorpoint-supervision-summary", "version": 2'), file(download.suggestedFilename(), sealed)]);
  await app.expectText(page.locator('.nhsuk-notification-banner'), '1 summary opened');
  await app.expectText(app.errorSummary(), '‘corrupt.json’ is not a summary file: it is not JSON.');
  const label = `Passphrase for ‘${download.suggestedFilename()}’`;
  await page.getByLabel(label).waitFor();
  await a11y('supervisor view, a protected file waiting');

  await page.getByLabel(label).fill('heron over the canal at dusk');
  await app.button('Open protected summary').click();
  // Argon2id takes a second or more: wait longer than the usual ten.
  await page.locator('#error-summary', { hasText: `The passphrase does not open ‘${download.suggestedFilename()}’. Check it with the worker` }).waitFor({ timeout: 30_000 });
  await app.expectText(page.locator('#open-summaries'), '1 summary from 1 worker open');
  assert.deepEqual(await app.rawStorage(), before, 'a wrong passphrase changes nothing');
  await a11y('supervisor view, wrong passphrase');

  await page.getByLabel(label).fill(PASSPHRASE);
  await app.button('Open protected summary').click();
  await page.locator('#open-summaries', { hasText: '2 summaries from 2 workers open' }).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByLabel(label).count(), 0, 'no longer waiting');
  await app.link('Patterns across workers').click();
  const rows = await page.locator('#sup-discretions-caption').locator('xpath=ancestor::table').locator('tbody th').allTextContents();
  assert.deepEqual(rows, ['Jo B', 'K. Mensah']);
});
