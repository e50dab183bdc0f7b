#!/usr/bin/env node
// The review page at scale (issue 13), in Debian's Chromium against the release bundle
// in DIST (default dist/; build it first with node scripts/build.mjs). Run by hand:
//
//   node bench/review-browser.mjs
//   DIST=/path/to/an/older/dist node bench/review-browser.mjs     (the "before")
//   BEFORE=/path/to/an/older/dist node bench/review-browser.mjs   (both, in one run)
//
// ENTRIES reflections (200) of test-corpus lines, about 1,500 characters each and dense
// with identifiers, and NAMES private names (2,000). Two figures, each measured in the
// page (no Playwright round trip inside the measure), median of ROUNDS after a warm-up:
//
// - draw: from the click on "Continue" to the first frame drawn with the review's words
//   on the page (before paging, every reflection's text at once; since, the first
//   reflection with the overview of totals over all 200);
// - add a phrase: from the click on "Redact" to the first frame drawn after the page
//   says where the phrase will be redacted;
// - next reflection (paged review only): from the click on "Next" to the first frame
//   drawn with reflection 2's heading.
// The "Continue" handler's work (Review::new) and, for the paged review, the time until
// every text is scanned and the totals shown are read from marks the page leaves.
//
// Nothing leaves 127.0.0.1: the e2e harness's network guard is used.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, guardContext } from '../e2e/harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ENTRIES = Number(process.env.ENTRIES ?? 200);
const NAMES = Number(process.env.NAMES ?? 2000);
const here = dirname(fileURLToPath(import.meta.url));

const corpus = readFileSync(join(here, '..', 'tests', 'corpus', 'redaction.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
// The corpus's private names, then made-up ones up to NAMES in all.
const corpusNames = [...new Set(corpus.flatMap((c) => c.names))].slice(0, 50);
const names = [...corpusNames];
for (let i = 0; names.length < NAMES; i += 1) names.push(`Listed${i} Person${i}`);

/** The reflections' texts: corpus lines in a fixed order, about 1,500 characters each. */
function texts() {
  const out = [];
  let next = 0;
  for (let i = 0; i < ENTRIES; i += 1) {
    let text = '';
    while (text.length < 1500) {
      text += (text ? ' ' : '') + corpus[next % corpus.length].text;
      next += 1;
    }
    out.push(text.slice(0, 2000));
  }
  return out;
}

/** Runs in the page: stores the reflections and settings as version 3 records. */
function seed([bodies, privateNames]) {
  const envelope = (kind, data) => JSON.stringify({ app: 'anchorpoint', kind, v: 3, data });
  localStorage.clear();
  const ids = [];
  const today = new Date();
  bodies.forEach((text, i) => {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - Math.floor((i * 140) / bodies.length));
    const about = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    const id = `s${i.toString(36)}-1`;
    ids.push(id);
    const at = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    localStorage.setItem(
      `anchorpoint.entry.${id}`,
      envelope('entry', { id, written_at: at, updated_at: at, about, sections: [{ text }], tags: ['md-patient'], dismissed: [] }),
    );
  });
  localStorage.setItem('anchorpoint.index', envelope('index', { ids }));
  localStorage.setItem(
    'anchorpoint.settings',
    envelope('settings', { end_question: true, check_in_interval: 'fortnightly', private_names: privateNames }),
  );
}

/** Runs in the page: the time between two marks, then clears them. */
function between(name) {
  const start = performance.getEntriesByName(`${name}-start`).at(-1);
  const end = performance.getEntriesByName(`${name}-end`).at(-1);
  performance.clearMarks();
  return end && start ? end.startTime - start.startTime : null;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (x) => Math.round(x * 10) / 10;

/** In the page: clicks `selector` and resolves with the time to the first frame drawn
 * once `done()` holds (checked on every DOM change). */
function clickAndTime([selector, doneSource]) {
  const done = new Function(`return (${doneSource})();`);
  return new Promise((resolve) => {
    const start = performance.now();
    const finish = () => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - start);
        channel.port2.postMessage(null);
      });
    };
    const observer = new MutationObserver(() => {
      if (done()) {
        observer.disconnect();
        finish();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector(selector).click();
  });
}

/** Every figure for the build in `dist` (undefined: dist/), in one browser. */
async function measure(dist) {
const server = await serveDist(dist);
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
  const guard = await guardContext(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  const bodies = texts();
  const chars = bodies.reduce((n, t) => n + t.length, 0);
  await page.evaluate(seed, [bodies, names]);

  const draws = [];
  const phrases = [];
  const scans = [];
  const nexts = [];
  const completes = [];
  let marks = 0;
  for (let round = 0; round <= ROUNDS; round += 1) {
    await page.goto(`${server.url}/summary`);
    const from = new Date(Date.now() - 140 * 86400000);
    await page.locator('#from').fill(String(from.getDate()));
    await page.locator('#from-month').fill(String(from.getMonth() + 1));
    await page.locator('#from-year').fill(String(from.getFullYear()));
    await page.getByRole('button', { name: `Include all ${ENTRIES} reflections` }).click();
    await page.waitForTimeout(300);
    const continueButton = await page.evaluate(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === 'Continue');
      b.id = b.id || 'bench-continue';
      return `#${b.id}`;
    });
    const n = ENTRIES;
    const draw = await page.evaluate(clickAndTime, [
      continueButton,
      // Both versions draw in one pass, so the first text drawn means the page is drawn.
      `() => document.querySelectorAll('.app-review-text .app-review-words').length >= 1`,
    ]);
    void n;
    // The paged review scans the rest between frames: wait for the totals, and time
    // "Continue" to every text scanned from the marks the page leaves.
    await page.waitForFunction(() => document.querySelector('main')?.innerText.includes('Anchorpoint has marked'), null, { timeout: 120_000 });
    const complete = await page.evaluate(() => {
      const s = performance.getEntriesByName('anchorpoint:review-start').at(-1);
      const e = performance.getEntriesByName('anchorpoint:review-complete').at(-1);
      return s && e ? e.startTime - s.startTime : null;
    });
    if (round > 0 && complete !== null) completes.push(complete);
    scans.push(await page.evaluate(between, 'anchorpoint:review'));
    marks = await page.evaluate(() => document.querySelectorAll('.app-review-text mark').length);
    await page.locator('#phrase').fill('walking group');
    const add = await page.evaluate(() => {
      const b = document.querySelector('.app-phrase-form button[type=submit]');
      b.id = 'bench-redact';
      return '#bench-redact';
    });
    const phrase = await page.evaluate(clickAndTime, [
      add,
      "() => (document.querySelector('[role=status][aria-live=polite]')?.textContent ?? '').includes('walking group')",
    ]);
    // Paged review only: the next reflection.
    if (await page.locator('#review-next').count()) {
      const next = await page.evaluate(clickAndTime, [
        '#review-next',
        "() => (document.querySelector('#review-page-heading')?.textContent ?? '').startsWith('Reflection 2 of')",
      ]);
      if (round > 0) nexts.push(next);
    }
    if (round > 0) {
      draws.push(draw);
      phrases.push(phrase);
    }
  }
  const problems = [...guard.problems(), ...errors];
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const result = {
    dist: dist ?? 'dist',
    entries: ENTRIES,
    chars,
    privateNames: names.length,
    highlighted: marks,
    drawMedianMs: Math.round(median(draws)),
    drawMaxMs: Math.round(Math.max(...draws)),
    addPhraseMedianMs: round1(median(phrases)),
    addPhraseMaxMs: round1(Math.max(...phrases)),
    nextMedianMs: nexts.length ? round1(median(nexts)) : null,
    scanMedianMs: round1(median(scans.slice(1))),
    completeMedianMs: completes.length ? Math.round(median(completes)) : null,
    rounds: ROUNDS,
  };
  console.log(`Review page in Chromium (${result.dist}): ${ENTRIES} reflections, ${chars.toLocaleString('en-GB')} characters, ${names.length} private names, ${marks} highlighted redactions on the first screen`);
  console.log(`  "Continue" to the review drawn:  ${result.drawMedianMs} ms median, ${result.drawMaxMs} ms worst`);
  console.log(`  add a phrase to redact:           ${result.addPhraseMedianMs} ms median, ${result.addPhraseMaxMs} ms worst`);
  if (nexts.length) console.log(`  next reflection:                  ${result.nextMedianMs} ms median, ${round1(Math.max(...nexts))} ms worst`);
  console.log(`  "Continue" handler (Review::new):  ${result.scanMedianMs} ms median (before: every text scanned; after: counting only)`);
  if (completes.length) console.log(`  "Continue" to every text scanned and the totals shown: ${result.completeMedianMs} ms median, ${Math.round(Math.max(...completes))} ms worst`);
  console.log(`JSON ${JSON.stringify(result)}`);
  return result;
} finally {
  await browser.close();
  await server.close();
}
}

// BEFORE=<an older dist> measures it first, in the same run, for a before/after table.
if (process.env.BEFORE) await measure(process.env.BEFORE);
await measure(process.env.DIST);
