#!/usr/bin/env node
// Browser benchmark for the supervisor view (issue 12): opening and aggregating
// WORKERS x WEEKS weekly summaries in Debian's Chromium through playwright-core, against
// the release bundle in dist/ (build it first: node scripts/build.mjs). Run by hand:
//
//   node bench/supervisor-browser.mjs
//   WORKERS=10 WEEKS=52 ROUNDS=3 node bench/supervisor-browser.mjs
//
// Each summary is a typical weekly one made from the frozen v2 fixture
// (tests/fixtures/export/v2/summary.json): one week, one reflection to discuss, one
// other reflection, one week of learning points; its own worker name and counts. The
// files are made in the page as File objects and dropped on the drop zone in one go,
// as a supervisor would drop a folder's worth. The app leaves performance marks:
//
// - open: from the drop to every file read, validated, de-duplicated, grouped by worker
//   and added up (anchorpoint:supervisor-open-start/-end), and on to the next frame
//   after the page shows the workers (-shown);
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

const server = await serveDist();
const browser = await launch();
try {
  const opens = [];
  const showns = [];
  const patterns = [];
  let made = null;
  for (let round = 0; round <= ROUNDS; round += 1) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
    const guard = await guardContext(context);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/supervisor`);
    await page.getByRole('heading', { level: 1, name: 'Supervisor view' }).waitFor();
    made = await page.evaluate(dropAll, [fixture, WORKERS, WEEKS]);
    const count = WORKERS * WEEKS;
    await page.waitForFunction(() => performance.getEntriesByName('anchorpoint:supervisor-open-end').length > 0, null, { timeout: 120_000 });
    const heading = await page.locator('#open-summaries').innerText();
    if (!heading.startsWith(`${count} summaries from ${WORKERS} workers`)) throw new Error(`unexpected: ${heading}`);
    const open = await page.evaluate(between, 'anchorpoint:supervisor-open');
    await page.waitForFunction(() => performance.getEntriesByName('anchorpoint:supervisor-open-shown').length > 0);
    const shown = await page.evaluate(() => {
      const start = performance.getEntriesByName('anchorpoint:supervisor-open-start').at(-1);
      const end = performance.getEntriesByName('anchorpoint:supervisor-open-shown').at(-1);
      return end.startTime - start.startTime;
    });
    await page.getByRole('link', { name: 'Patterns across workers' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Patterns across workers' }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('anchorpoint:supervisor-patterns-end').length > 0);
    const p = await page.evaluate(between, 'anchorpoint:supervisor-patterns');
    const problems = [...guard.problems(), ...errors];
    await context.close();
    if (problems.length > 0) throw new Error(problems.join('\n'));
    if (round > 0) {
      opens.push(open);
      showns.push(shown);
      patterns.push(p);
    }
  }
  const result = {
    workers: WORKERS,
    weeks: WEEKS,
    files: made.files,
    averageFileBytes: Math.round(made.bytes / made.files),
    totalMB: round1(made.bytes / 1024 / 1024),
    openMs: Math.round(median(opens)),
    openShownMs: Math.round(median(showns)),
    patternsMs: Math.round(median(patterns)),
    totalMs: Math.round(median(showns) + median(patterns)),
    rounds: ROUNDS,
  };
  console.log(`Supervisor view in Chromium: ${WORKERS} workers x ${WEEKS} weekly summaries = ${made.files} files, ${result.totalMB} MB (${result.averageFileBytes} bytes each)`);
  console.log(`  open (read, validate, de-duplicate, group, add up):  ${result.openMs} ms median`);
  console.log(`  ...until the page shows them:                        ${result.openShownMs} ms median`);
  console.log(`  patterns across workers (four charts and tables):   ${result.patternsMs} ms median`);
  console.log(`  together:                                           ${result.totalMs} ms (goal: under 1,000 ms)`);
  console.log(`JSON ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  await server.close();
}
