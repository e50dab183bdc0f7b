#!/usr/bin/env node
// Browser benchmark for the supervisor view (issue 12): opening and aggregating
// WORKERS x WEEKS weekly summaries in Debian's Chromium through playwright-core, against
// the release bundle in dist/ (build it first: node scripts/build.mjs). Run by hand:
//
//   node bench/supervisor-browser.mjs
//   WORKERS=10 WEEKS=52 ROUNDS=3 node bench/supervisor-browser.mjs
//   BEFORE=/path/to/old/dist node bench/supervisor-browser.mjs
//
// With BEFORE, the old build is measured in the same run, its rounds alternating with
// this build's (old, new, old, new, ...), so both see the same machine load; it prints
// both, and the JSON line holds both.
//
// Each summary is a typical weekly one made from the frozen v2 fixture
// (tests/fixtures/export/v2/summary.json): one week, one reflection to discuss, one
// other reflection, one week of learning points; its own worker name and counts. The
// files are made in the page as File objects and dropped on the drop zone in one go,
// as a supervisor would drop a folder's worth. The app leaves performance marks:
//
// - open: from the drop to every file read, validated, de-duplicated, grouped by worker
//   and added up (anchorpoint:supervisor-open-start/-end), and on to the next frame
//   after the page shows the workers (-shown); split at the moment every file has been
//   read (anchorpoint:supervisor-read-end; builds before it have no such mark) into
//   reading and the rest (validating and adding up);
// - patterns: the four across-worker charts with their tables and sentences, worked
//   out and written as markup (anchorpoint:supervisor-patterns-start/-end).
//
// Median of ROUNDS after one warm-up (each round a fresh page). Prints a table and one
// JSON line (prefixed "JSON ") for the README. The goal is under 1 s for 50 x 52.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveDist, launch, guardContext } from '../e2e/harness.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const WORKERS = Number(process.env.WORKERS ?? 50);
const WEEKS = Number(process.env.WEEKS ?? 52);
const here = dirname(fileURLToPath(import.meta.url));
const fixture = readFileSync(join(here, '..', 'tests', 'fixtures', 'export', 'v2', 'summary.json'), 'utf8');

/** Runs in the page: makes the files and drops them on the drop zone. */
function dropAll([text, workers, weeks]) {
  const base = JSON.parse(text);
  const monday = (i) => {
    const d = new Date(Date.UTC(2025, 10, 3 + 7 * i)); // Monday 3 Nov 2025
    return d.toISOString().slice(0, 10);
  };
  const files = [];
  let bytes = 0;
  for (let w = 0; w < workers; w += 1) {
    for (let i = 0; i < weeks; i += 1) {
      const s = structuredClone(base);
      const week = monday(i);
      s.worker = `Worker ${String(w + 1).padStart(2, '0')}`;
      s.period = { first_week: week, last_week: week, weeks: 1 };
      s.overview.weeks = s.overview.weeks.slice(0, 1).map((x) => ({ ...x, week }));
      s.normative.reflections = s.normative.reflections.slice(0, 1).map((x) => ({ ...x, week }));
      s.other_reflections = s.other_reflections.slice(0, 1).map((x) => ({ ...x, week }));
      s.formative.weeks = s.formative.weeks.slice(0, 1).map((x) => ({ ...x, week }));
      s.restorative.wellbeing.weeks = [{ week, checks: 3, average: 1 + ((w + i) % 5), heavy_days: (w * i) % 3 }];
      s.restorative.wellbeing.average = 3;
      s.restorative.embeddedness = i % 4 === 0 ? [{ week, rating: ['bolted-on', 'fitting-in', 'belonging'][(w + i) % 3] }] : [];
      s.tag_counts = s.tag_counts.map((x) => ({ ...x, week }));
      for (const t of s.normative.tags) t.count = (w + i + t.tag.length) % 4;
      s.restorative.holding.open = (w + i) % 6;
      const json = JSON.stringify(s, null, 2);
      bytes += json.length;
      files.push(new File([json], `anchorpoint-summary-worker-${w + 1}-${week}.json`, { type: 'application/json' }));
    }
  }
  const data = new DataTransfer();
  for (const f of files) data.items.add(f);
  const zone = document.querySelector('.app-drop-zone');
  zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  return { files: files.length, bytes };
}

function between(name) {
  const start = performance.getEntriesByName(`${name}-start`).at(-1);
  const end = performance.getEntriesByName(`${name}-end`).at(-1);
  return end && start ? end.startTime - start.startTime : null;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round1 = (x) => Math.round(x * 10) / 10;

/** One round against one build: a fresh page, the drop, the patterns page. */
async function round(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
  const guard = await guardContext(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(`${url}/supervisor`);
    await page.getByRole('heading', { level: 1, name: 'Supervisor view' }).waitFor();
    const made = await page.evaluate(dropAll, [fixture, WORKERS, WEEKS]);
    const count = WORKERS * WEEKS;
    await page.waitForFunction(() => performance.getEntriesByName('anchorpoint:supervisor-open-end').length > 0, null, { timeout: 120_000 });
    const heading = await page.locator('#open-summaries').innerText();
    if (!heading.startsWith(`${count} summaries from ${WORKERS} workers`)) throw new Error(`unexpected: ${heading}`);
    const open = await page.evaluate(between, 'anchorpoint:supervisor-open');
    const read = await page.evaluate(() => {
      const start = performance.getEntriesByName('anchorpoint:supervisor-open-start').at(-1);
      const end = performance.getEntriesByName('anchorpoint:supervisor-read-end').at(-1);
      return end ? end.startTime - start.startTime : null;
    });
    await page.waitForFunction(() => performance.getEntriesByName('anchorpoint:supervisor-open-shown').length > 0);
    const shown = await page.evaluate(() => {
      const start = performance.getEntriesByName('anchorpoint:supervisor-open-start').at(-1);
      const end = performance.getEntriesByName('anchorpoint:supervisor-open-shown').at(-1);
      return end.startTime - start.startTime;
    });
    await page.getByRole('link', { name: 'Patterns across workers' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Patterns across workers' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('anchorpoint:supervisor-patterns-end').length > 0);
    const patterns = await page.evaluate(between, 'anchorpoint:supervisor-patterns');
    const problems = [...guard.problems(), ...errors];
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return { made, open, read, shown, patterns };
  } finally {
    await context.close();
  }
}

function summarise(label, rounds, made) {
  const pick = (k) => rounds.map((r) => r[k]);
  const reads = pick('read').filter((x) => x !== null);
  const result = {
    build: label,
    workers: WORKERS,
    weeks: WEEKS,
    files: made.files,
    averageFileBytes: Math.round(made.bytes / made.files),
    totalMB: round1(made.bytes / 1024 / 1024),
    openMs: Math.round(median(pick('open'))),
    readMs: reads.length ? Math.round(median(reads)) : null,
    validateMs: reads.length ? Math.round(median(rounds.map((r) => r.open - r.read))) : null,
    openShownMs: Math.round(median(pick('shown'))),
    patternsMs: Math.round(median(pick('patterns'))),
    rounds: rounds.length,
  };
  result.totalMs = Math.round(median(pick('shown')) + median(pick('patterns')));
  console.log(`${label}: ${WORKERS} workers x ${WEEKS} weekly summaries = ${made.files} files, ${result.totalMB} MB (${result.averageFileBytes} bytes each)`);
  console.log(`  open (read, validate, de-duplicate, group, add up):  ${result.openMs} ms median`);
  if (result.readMs !== null) {
    console.log(`    of which reading the files:                       ${result.readMs} ms`);
    console.log(`    and validating, grouping, adding up:              ${result.validateMs} ms`);
  }
  console.log(`  ...until the page shows them:                        ${result.openShownMs} ms median`);
  console.log(`  patterns across workers (four charts and tables):   ${result.patternsMs} ms median`);
  console.log(`  together:                                           ${result.totalMs} ms (goal: under 1,000 ms)`);
  return result;
}

const builds = [];
if (process.env.BEFORE) builds.push({ label: `before (${process.env.BEFORE})`, server: await serveDist(process.env.BEFORE), rounds: [] });
builds.push({ label: 'this build', server: await serveDist(), rounds: [] });
const browser = await launch();
try {
  let made = null;
  // Round 0 of each build is a warm-up, not counted.
  for (let r = 0; r <= ROUNDS; r += 1) {
    for (const b of builds) {
      const one = await round(browser, b.server.url);
      made = one.made;
      if (r > 0) b.rounds.push(one);
    }
  }
  console.log(`Supervisor view in Chromium, median of ${ROUNDS} rounds after a warm-up${builds.length > 1 ? ', builds alternating' : ''}:`);
  const results = builds.map((b) => summarise(b.label, b.rounds, made));
  console.log(`JSON ${JSON.stringify(results.length === 1 ? results[0] : results)}`);
} finally {
  await browser.close();
  for (const b of builds) await b.server.close();
}
