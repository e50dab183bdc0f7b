#!/usr/bin/env node
// Lighthouse 13 on the journal page as scripts/serve.sh serves it (release build, gzip,
// security headers), with an empty journal and with 1,000 reflections, mobile and
// desktop, in one run. Each is a first visit: no HTTP cache and no service worker.
// Prints performance, LCP, FCP, total blocking time, accessibility and best practices.
//
// Lighthouse is not one of the project's packages (it would add minutes to every fresh
// set-up for a figure measured by hand), so install it anywhere first:
//
//   npm install --prefix /tmp/lh lighthouse@13.5.0
//   node scripts/build.mjs && LIGHTHOUSE_MODULES=/tmp/lh node bench/lighthouse.mjs
//
// Debian's Chromium is used ($CHROMIUM, default /usr/bin/chromium), never a downloaded one.

import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { serveStatic } from '../scripts/static-server.mjs';
import { DIST, CHROMIUM_ARGS } from '../e2e/harness.mjs';
import { makeJournal, storedPairs } from './journal-v4.mjs';
import { putStored } from '../e2e/records.mjs';

const modules = process.env.LIGHTHOUSE_MODULES ?? '/tmp/lh';
const need = createRequire(join(modules, 'node_modules', 'x.js'));
const load = async (name) => import(pathToFileURL(need.resolve(name)).href);
const { default: lighthouse } = await load('lighthouse');
const { default: desktopConfig } = await load('lighthouse/core/config/desktop-config.js');
const chromeLauncher = await load('chrome-launcher');
const { default: puppeteer } = await load('puppeteer-core');

const SIZES = [0, 1_000];
const server = await serveStatic(DIST, { cache: true });
const url = `${server.url}/`;
const journal = makeJournal(Math.max(...SIZES));

const rows = [];
try {
  for (const n of SIZES) {
    for (const [formFactor, config] of [['mobile', undefined], ['desktop', desktopConfig]]) {
      // A new browser with a new profile for every run, so nothing is left from the last.
      const chrome = await chromeLauncher.launch({
        chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        chromeFlags: CHROMIUM_ARGS.map((flag) => (flag === '--headless' ? '--headless=new' : flag)),
      });
      const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
      // Seeded from a page of the same origin that does not start the app, so no service
      // worker is installed by the seeding, and the HTTP cache is cleared: every run is a
      // first visit with only the journal in local storage (Lighthouse's own reset would
      // clear that too, so it is turned off).
      const seed = await browser.newPage();
      await seed.goto(`${server.url}/icons/icon.svg`);
      const pairs = storedPairs(journal.slice(0, n));
      await seed.evaluate(() => localStorage.clear());
      await putStored(seed, pairs);
      const cdp = await seed.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Storage.clearDataForOrigin', {
        origin: server.url,
        storageTypes: 'service_workers,cache_storage',
      });
      await cdp.detach();
      await seed.close();
      const page = await browser.newPage();
      const result = await lighthouse(
        url,
        {
          logLevel: 'error',
          output: 'json',
          disableStorageReset: true,
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
        },
        config,
        page,
      );
      const { categories, audits } = result.lhr;
      rows.push({
        reflections: n,
        formFactor,
        performance: Math.round(categories.performance.score * 100),
        lcpMs: Math.round(audits['largest-contentful-paint'].numericValue),
        fcpMs: Math.round(audits['first-contentful-paint'].numericValue),
        tbtMs: Math.round(audits['total-blocking-time'].numericValue),
        accessibility: Math.round(categories.accessibility.score * 100),
        bestPractices: Math.round(categories['best-practices'].score * 100),
        failing: Object.values(audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => a.id),
      });
      await browser.disconnect();
      await chrome.kill();
    }
  }
} finally {
  await server.close();
}
console.log(`Lighthouse 13, ${new Date().toISOString().slice(0, 10)}, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`);
console.table(rows);
