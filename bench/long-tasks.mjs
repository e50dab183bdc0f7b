#!/usr/bin/env node
// The long tasks (over 50 ms) of the journal page's start-up, in Chromium slowed to a
// quarter of its speed (what Lighthouse's mobile run assumes of a phone), with 0, 1,000
// and 5,000 reflections stored. Each long task holds up the worker's first click or key;
// their time over 50 ms each is the "total blocking time" Lighthouse scores. Counted
// from the reload until 4 s after the list is drawn, so the work after the first frame
// (the search index, the identifier flags) is in it. Run by hand:
//
//   node scripts/build.mjs && node bench/long-tasks.mjs
//   BEFORE=/tmp/dist-main node bench/long-tasks.mjs    two bundles, alternated in one run
//   ROUNDS=3 SIZES=0,1000 node bench/long-tasks.mjs
//
// Prints each run's long tasks (start ms: duration ms) and, per bundle and size, the
// median of the blocking time.

import { serveDist, launch, guardContext, DIST } from '../e2e/harness.mjs';
import { makeJournal, storedPairs } from './journal-v4.mjs';
import { putStored } from '../e2e/records.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SIZES = (process.env.SIZES ?? '0,1000,5000').split(',').map(Number);
const bundles = [['after', DIST]];
if (process.env.BEFORE) bundles.push(['before', process.env.BEFORE]);

const browser = await launch();
const journal = makeJournal(Math.max(...SIZES));
const results = [];
try {
  for (const [name, dist] of bundles) {
    const server = await serveDist(dist);
    for (const n of SIZES) {
      // One context per bundle and size: its storage seeded once.
      const context = await browser.newContext();
      await guardContext(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/`);
      await page.evaluate(() => localStorage.clear());
      await putStored(page, storedPairs(journal.slice(0, n)));
      await page.addInitScript(() => {
        window.__long = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]);
        }).observe({ type: 'longtask', buffered: true });
      });
      results.push({ name, n, page, context, server });
    }
  }
  const rows = new Map();
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (const r of results) {
      const cdp = await r.context.newCDPSession(r.page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await r.page.reload();
      await r.page.waitForSelector(r.n ? '#search-results li' : 'h1');
      await r.page.waitForTimeout(4000);
      const long = await r.page.evaluate(() => window.__long);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      await cdp.detach();
      // The first round warms the HTTP cache and the compiled code, and is dropped.
      if (round === 0) continue;
      const blocking = long.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
      const key = `${r.name} ${r.n}`;
      rows.set(key, [...(rows.get(key) ?? []), blocking]);
      console.log(`${key.padEnd(12)} round ${round}: blocking ${blocking} ms; long tasks ${long.map(([s, d]) => `${s}: ${d}`).join(', ')}`);
    }
  }
  console.log(`\nChromium ${browser.version()}, CPU at a quarter speed, median of ${ROUNDS}: blocking time (ms)`);
  for (const [key, values] of rows) {
    const sorted = [...values].sort((a, b) => a - b);
    console.log(`${key.padEnd(12)} ${String(sorted[Math.floor(sorted.length / 2)]).padStart(6)}   (all: ${values.join(', ')})`);
  }
} finally {
  await browser.close();
  for (const r of results) r.server.close?.();
}
