#!/usr/bin/env node
// A first visit against the visits after it, in Chromium at a quarter speed: the long
// tasks of each (their time over 50 ms, which Lighthouse calls blocking) and how much of
// the main thread went to compiling wasm functions as they were first called.
//
// Lighthouse measures a first visit, and a first visit is the one that pays for
// compiling: Chromium compiles a wasm function the first time it is called, on the
// thread that calls it, and keeps the compiled code for the visits after. The other
// benchmarks (`long-tasks.mjs`, `profile.mjs`) measure later visits. Run by hand:
//
//   node scripts/build.mjs && node bench/first-visit.mjs
//   N=0 ROUNDS=3 node bench/first-visit.mjs
//   BEFORE=/tmp/dist-main node bench/first-visit.mjs    two bundles, alternated in one run
//
// Each round is a new browser context with the journal (N reflections, 1,000 by default)
// stored from a page that does not start the app; then the journal page is opened
// (first) and reloaded (second).

import { serveDist, launch, guardContext, DIST } from '../e2e/harness.mjs';
import { makeJournal, storedPairs } from './journal-v4.mjs';
import { putStored } from '../e2e/records.mjs';

const N = Number(process.env.N ?? 1000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const bundles = [['after', DIST]];
if (process.env.BEFORE) bundles.push(['before', process.env.BEFORE]);

const pairs = storedPairs(makeJournal(N));
const browser = await launch();
const servers = new Map();
for (const [name, dist] of bundles) servers.set(name, await serveDist(dist));
const rows = new Map();
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The renderer's main thread's long tasks and its lazy compiling, from a trace. */
function readTrace(buffer) {
  const { traceEvents } = JSON.parse(buffer.toString());
  // The page's renderer's main thread: of the renderers' main threads (the page's, and the
  // blank or seeding page's before it), the one that ran the most.
  const busy = new Map();
  for (const e of traceEvents) if (e.name === 'RunTask') busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  const main = traceEvents
    .filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .sort((a, b) => (busy.get(`${b.pid}:${b.tid}`) ?? 0) - (busy.get(`${a.pid}:${a.tid}`) ?? 0))[0];
  const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid;
  const long = traceEvents.filter((e) => onMain(e) && e.name === 'RunTask' && e.dur > 50_000).map((e) => Math.round(e.dur / 1000));
  const lazy = traceEvents.filter((e) => onMain(e) && e.name === 'wasm.CompileLazy');
  return {
    long,
    blocking: long.reduce((sum, d) => sum + d - 50, 0),
    compiled: lazy.length,
    compileMs: Math.round(lazy.reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000),
  };
}

try {
  for (let round = 1; round <= ROUNDS; round += 1) {
    for (const [name] of bundles) {
      const server = servers.get(name);
      const context = await browser.newContext();
      await guardContext(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/icons/icon.svg`);
      await putStored(page, pairs);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      for (const visit of ['first', 'second']) {
        await browser.startTracing(page, { categories: ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
        if (visit === 'first') await page.goto(`${server.url}/`);
        else await page.reload();
        await page.waitForSelector(N ? '#search-results li' : 'h1');
        await page.waitForTimeout(4000);
        const seen = readTrace(await browser.stopTracing());
        const key = `${name} ${visit}`;
        rows.set(key, [...(rows.get(key) ?? []), seen]);
        console.log(`${key.padEnd(13)} round ${round}: blocking ${seen.blocking} ms; compiled on first call ${seen.compiled} functions in ${seen.compileMs} ms; long tasks ${seen.long.join(', ')}`);
      }
      await context.close();
    }
  }
  console.log(`\nChromium ${browser.version()}, CPU at a quarter speed, ${N} reflections, median of ${ROUNDS}`);
  for (const [key, seen] of rows) {
    console.log(`${key.padEnd(13)} blocking ${String(median(seen.map((s) => s.blocking))).padStart(5)} ms (all: ${seen.map((s) => s.blocking).join(', ')}); compiling on first call ${median(seen.map((s) => s.compileMs))} ms`);
  }
} finally {
  await browser.close();
  for (const server of servers.values()) await server.close();
}
