#!/usr/bin/env node
// Editor keystrokes with and without identifier nudges, in one run, in Debian's
// Chromium against the release bundle in dist/ (build it first: node scripts/build.mjs).
// Run by hand, never by the test command:
//
//   node bench/nudge-browser.mjs
//   KEYS=300 node bench/nudge-browser.mjs
//
// The write page gets a 5,000-character reflection dense with identifiers (phone and NHS
// numbers, names, an address), then KEYS keys are typed at its end, a key every 80 ms or
// so with a pause of 450 ms after every fifth word, so the nudge scan (which waits for a
// 350 ms pause) runs between bursts as it does for a worker. The same keys are typed
// with nudges on, then after "No, do not point them out" is saved in Settings.
//
// Per key, as bench/browser.mjs measures the search box: "work" is from the input event
// to the next animation frame (the key's task and Leptos's microtasks), "frame" to the
// first task after that frame (the frame drawn). Also the scans themselves, from the
// performance marks the nudges leave (nudge-scan-start/-end). Median, p95 and worst.
//
// Nothing leaves 127.0.0.1: the e2e harness's network guard is used.

import { serveDist, launch, guardContext } from '../e2e/harness.mjs';

const KEYS = Number(process.env.KEYS ?? 200);

const SENTENCES = [
  'Saw Mrs Okafor today (NHS 999 123 4560); she wants to try the walking group. ',
  'Rang Keisha on 07700 900123 after hours, which I know stretches the boundary. ',
  'She lives at 14 Acacia Road, Oxford OX4 3AB with her partner. ',
  'Kwame said the waiting list is months, so we keep in touch every fortnight. ',
  'Nothing to fix, I listened. I decided to go with her to the group myself. ',
  'The GP asked me to sort out a housing letter again, and I said I would signpost instead. ',
];
let TEXT = '';
for (let i = 0; TEXT.length < 5000; i += 1) TEXT += SENTENCES[i % SENTENCES.length];
TEXT = TEXT.slice(0, 5000);
const WORDS = 'then we talked about what would help next week and I felt the call was right'.split(' ');

function keystrokeProbe() {
  window.__keys = [];
  document.addEventListener(
    'input',
    (event) => {
      if (event.target.id !== 'reflection') return;
      const record = { start: event.timeStamp };
      requestAnimationFrame(() => {
        record.work = performance.now() - record.start;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          record.frame = performance.now() - record.start;
          window.__keys.push(record);
        };
        channel.port2.postMessage(null);
      });
    },
    true,
  );
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
const round1 = (x) => Math.round(x * 10) / 10;
const stats = (v) => (v.length ? { median: round1(median(v)), p95: round1(percentile(v, 95)), max: round1(Math.max(...v)) } : null);

async function typeKeys(page) {
  await page.goto(`${page.__base}/write`);
  const box = page.locator('#reflection');
  await box.waitFor();
  await box.fill(TEXT);
  await page.waitForTimeout(800);
  await box.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  // Warm up the optimising compiler.
  for (const key of ' warm up') await page.keyboard.press(key);
  await page.waitForTimeout(600);
  await page.evaluate(() => {
    window.__keys = [];
    performance.clearMarks();
  });
  let typed = 0;
  let word = 0;
  while (typed < KEYS) {
    for (const key of ` ${WORDS[word % WORDS.length]}`) {
      await page.keyboard.press(key);
      await page.waitForTimeout(80);
      typed += 1;
    }
    word += 1;
    if (word % 5 === 0) await page.waitForTimeout(450);
  }
  await page.waitForTimeout(600);
  await page.waitForFunction((k) => window.__keys.length >= k, typed, { timeout: 20_000 });
  const records = await page.evaluate(() => window.__keys);
  const scans = await page.evaluate(() => {
    const starts = performance.getEntriesByName('nudge-scan-start');
    const ends = performance.getEntriesByName('nudge-scan-end');
    return ends.map((e, i) => e.startTime - starts[i].startTime);
  });
  const nudges = await page.locator('.app-nudge').count();
  return { keys: records.length, work: stats(records.map((r) => r.work)), frame: stats(records.map((r) => r.frame)), scans: stats(scans), scanCount: scans.length, nudgesShown: nudges };
}

const server = await serveDist();
const browser = await launch();
try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
  const guard = await guardContext(context);
  await context.addInitScript(keystrokeProbe);
  const page = await context.newPage();
  page.__base = server.url;
  const on = await typeKeys(page);
  await page.goto(`${server.url}/settings`);
  await page.getByLabel('No, do not point them out').check();
  await page.getByRole('button', { name: 'Save this choice' }).click();
  await page.getByText('Saved: Anchorpoint will not point out').waitFor();
  const off = await typeKeys(page);
  const problems = guard.problems();
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const result = { chromium: browser.version(), chars: TEXT.length, withNudges: on, withoutNudges: off };
  console.log(`Editor keystrokes over a ${TEXT.length}-character reflection, Chromium ${result.chromium}`);
  for (const [name, r] of [['with nudges', on], ['without nudges', off]]) {
    console.log(`  ${name.padEnd(15)} ${r.keys} keys: work ${r.work.median}/${r.work.p95}/${r.work.max} ms, to frame ${r.frame.median}/${r.frame.p95}/${r.frame.max} ms (median/p95/max); ${r.nudgesShown} nudges shown`);
  }
  if (on.scans) console.log(`  nudge scans:    ${on.scanCount}, each ${on.scans.median}/${on.scans.p95}/${on.scans.max} ms (median/p95/max)`);
  console.log(`JSON ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  await server.close();
}
