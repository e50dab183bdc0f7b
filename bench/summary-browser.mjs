#!/usr/bin/env node
// Browser benchmark for the supervision summary's anonymiser, in Debian's Chromium
// through playwright-core, against the release bundle in dist/ (build it first:
// node scripts/build.mjs). Run by hand, never by the test command:
//
//   node bench/summary-browser.mjs
//   ROUNDS=9 ENTRIES=300 node bench/summary-browser.mjs
//
// The journal is ENTRIES fictional reflections over the last twenty weeks, each made of
// lines from the test corpus (tests/corpus/redaction.jsonl: every identifier kind,
// and the negatives that must survive) joined to about 1,500 characters, with the
// corpus's private names in settings. The worker's path is driven for real: the form
// with every reflection's words included, "Continue", then "Confirm and download" as
// Markdown. The app leaves performance marks around the two pure steps:
//
// - paging: the review shows one reflection at a time and confirming needs every one
//   seen, so the bench pages through them all (the scan itself is measured by
//   bench/review-browser.mjs and `cargo bench --bench review_scale`);
// - export: `Review::finish` with the Markdown rendering (anchorpoint:export-start/-end).
//
// Also the wall-clock time from "Continue" to the review page's heading, which includes
// drawing every highlighted text and Playwright's own round trips.
//
// Throughput is characters of included text per second of the review step, the
// figure the native `cargo bench --bench anonymise` also gives. Median of ROUNDS after
// one warm-up. Prints a table and one JSON line (prefixed "JSON ") for the README.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, guardContext } from '../e2e/harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const ENTRIES = Number(process.env.ENTRIES ?? 200);
const here = dirname(fileURLToPath(import.meta.url));

const corpus = readFileSync(join(here, '..', 'tests', 'corpus', 'redaction.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));
const names = [...new Set(corpus.flatMap((c) => c.names))].slice(0, 50);

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

const server = await serveDist();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB', acceptDownloads: true });
  const guard = await guardContext(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${server.url}/`);
  const bodies = texts();
  const chars = bodies.reduce((n, t) => n + t.length, 0);
  await page.evaluate(seed, [bodies, names]);

  const review = [];
  const exported = [];
  const pages = [];
  for (let round = 0; round <= ROUNDS; round += 1) {
    await page.goto(`${server.url}/summary`);
    // The form starts at four weeks: cover the twenty the journal spans.
    const from = new Date(Date.now() - 140 * 86400000);
    await page.locator('#from').fill(String(from.getDate()));
    await page.locator('#from-month').fill(String(from.getMonth() + 1));
    await page.locator('#from-year').fill(String(from.getFullYear()));
    await page.getByRole('button', { name: `Include all ${ENTRIES} reflections` }).click();
    const shown = Date.now();
    await page.getByRole('button', { name: 'Continue', exact: true }).click();
    await page.getByRole('heading', { name: 'Check your summary before you download it' }).waitFor();
    const pageMs = Date.now() - shown;
    // The review is paged by reflection, and "Confirm and download" is refused until
    // every reflection has been seen: page through them all, as the worker must.
    const pagedFrom = Date.now();
    await page.evaluate(async () => {
      const heading = () => document.getElementById('review-page-heading')?.textContent ?? '';
      for (let next = document.getElementById('review-next'); next; next = document.getElementById('review-next')) {
        const was = heading();
        next.click();
        while (heading() === was) await new Promise((r) => requestAnimationFrame(r));
      }
    });
    const r = Date.now() - pagedFrom;
    await page.evaluate(() => document.getElementById('format').click());
    // A page of 200 reflections' redaction tables is very long; clicking from script
    // avoids Playwright's scrolling and stability checks, which are not what is measured.
    await Promise.all([page.waitForEvent('download'), page.evaluate(() => document.getElementById('confirm-download').click())]);
    await page.getByRole('heading', { name: 'Summary downloaded' }).waitFor();
    const e = await page.evaluate(between, 'anchorpoint:export');
    if (round > 0) {
      review.push(r);
      exported.push(e);
      pages.push(pageMs);
    }
  }
  const problems = [...guard.problems(), ...errors];
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));

  const result = {
    entries: ENTRIES,
    chars,
    privateNames: names.length,
    pageThroughMs: Math.round(median(review)),
    exportMs: round1(median(exported)),
    reviewPageMs: Math.round(median(pages)),
    rounds: ROUNDS,
  };
  console.log(`Supervision summary in Chromium, ${ENTRIES} reflections, ${chars.toLocaleString('en-GB')} characters, ${names.length} private names`);
  console.log(`  page through every reflection:  ${result.pageThroughMs} ms median (${ENTRIES} pages; the scan runs between frames meanwhile)`);
  console.log(`  confirm (finish + Markdown):    ${result.exportMs} ms median`);
  console.log(`  "Continue" to the review page:  ${result.reviewPageMs} ms median (wall clock, with Playwright's own overhead)`);
  console.log(`JSON ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  await server.close();
}
