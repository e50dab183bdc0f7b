#!/usr/bin/env node
// Browser benchmarks for the journal page, in Debian's Chromium through playwright-core,
// against the release bundle in dist/ (build it first: node scripts/build.mjs),
// or the one DIST names. Run by hand, never by the test command:
//
//   node bench/browser.mjs              start-up for 0, 5,000 and 10,000 reflections in
//                                       one run, then keystrokes over 5,000
//   ROUNDS=9 KEYS=40 node bench/browser.mjs
//   ONLY=startup node bench/browser.mjs the start-up alone (ONLY=keys: the keystrokes alone)
//   SIZES=0,1000,5000 node bench/browser.mjs   other journal sizes for the start-up
//   DIST=/tmp/dist-bench node bench/browser.mjs  another bundle (a copy of dist/, so a
//                                       rebuild during the run cannot change what is measured)
//   BEFORE=/tmp/dist-main ONLY=startup node bench/browser.mjs   the start-up of two
//                                       bundles in one run: BEFORE's pages are reloaded in
//                                       the same rounds as DIST's, so both see the same load
//
// 1. Start-up: from navigation start (performance.timeOrigin) to the journal being
//    interactive: the first result in #search-results and an enabled #search-text, or
//    the empty state for an empty journal. A MutationObserver injected before the app's
//    own script notes the moment ("DOM") and the next animation frame ("frame").
//    Every size is measured in the same run and browser: one context (its own local
//    storage) per size, seeded once, then ROUNDS + 1 rounds in which each size's page is
//    reloaded in turn, the order rotating each round; the first round warms the caches
//    and is dropped. Median and worst of ROUNDS for each size, and each size's median
//    frame over the empty journal's. After every load the page must show the whole
//    journal ("N reflections") and no storage warning, or the run stops.
//    The journal (bench/journal-v4.mjs) is made in Node from a fixed seed: reflections of
//    about 1,000 characters (900 to 1,150) of ordinary prose from a generator of many
//    distinct sentences, 3 tags each, one to four a day back from late 2026, each stored
//    as the app stores it from storage format 4: a compact frame `AP4;z;1;...` (the JSON
//    envelope DEFLATE-compressed at level 9 and packed 15 bits to a UTF-16 character),
//    with the index in its 256 shards. The encoder is checked against e2e/records.mjs's
//    decoder before use. The pairs are written into the page's local storage 500 per
//    page.evaluate; the UTF-16 code units stored (keys and values) are printed. If a
//    size does not fit in local storage (about 5.2 million units in Chromium), as many
//    reflections as fit are kept with their index, and the run says how many that was.
// 2. Keystroke: a word typed one key at a time into #search-text over 5,000 entries, for
//    a word most entries contain and one few do, a key every 80 ms or so. A capturing
//    listener notes each input event's time stamp (when the key reached the page) and
//    asks for an animation frame. "work" ends when that frame begins: the key's task,
//    the app's microtasks (Leptos renders in microtasks) and the layout the browser's
//    text editing forces are done. "frame" ends when that frame has been drawn: a task
//    queued from its animation-frame callback runs only after the frame's style, layout,
//    paint and commit. Chromium draws straight after a key, before other tasks, so this
//    is the first frame that shows the new results (and a task queued by the input
//    handler itself would run only after that frame, so it cannot mark the end of the
//    work). Median, p95 and max over at least KEYS keystrokes.
//    The same probe and keys on a bare <input> on an empty page give the browser's own
//    floor (delivering the key, editing the box, drawing the frame), printed below.
//    The page writes the words into the address once typing pauses (300 ms) or focus
//    leaves the box, so that write falls between the measured keys, as it does for a
//    worker typing.
//    This journal is generated in the page from a fixed seed (`seedJournal`): entries of
//    300 to 2,000 characters (most of them short), 0 to 3 tags, stored as version 3 JSON
//    records with their index, which the app still reads.
//
// Nothing leaves 127.0.0.1: the harness's network guard is used as in the e2e tests.
//
// Prints a table and one JSON line (prefixed "JSON ") for the README.

import { serveDist, launch, guardContext, DIST } from '../e2e/harness.mjs';
import { resolve } from 'node:path';
import { makeJournal, compactFrame, checkEncoder, indexShards } from './journal-v4.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 7);
const KEYS = Number(process.env.KEYS ?? 30);
const SIZES = (process.env.SIZES ?? '0,5000,10000').split(',').map(Number);
const CHUNK = 500; // key/value pairs per page.evaluate when seeding
const ONLY = process.env.ONLY ?? '';
const BEFORE = process.env.BEFORE ? resolve(process.env.BEFORE) : null;
const MANY = 'waiting';
const FEW = 'allotment';

/**
 * Runs in the page: writes `n` fictional entries and the index into local storage, as
 * version 3 JSON records (for the keystroke run). Self-contained, because it is sent to
 * the browser as source.
 */
function seedJournal(n) {
  const SENTENCES = [
    'Second session with Person A at the community café.',
    'We talked about the garden, her granddaughter’s visit and the weather.',
    'It was the first time she mentioned the debt.',
    'I decided to ring my contact at the advice centre directly rather than send the form.',
    'The waiting list for counselling is still months long, so we agreed to keep in touch.',
    'She seemed more relaxed by the end and laughed about the bus.',
    'Wrote up my notes and checked the referral inbox before lunch.',
    'Person B didn’t come to the walking group again; I will phone on Friday.',
    'The GP asked me to see someone about housing, which is outside my remit.',
    'Nothing to fix today. I listened and let him talk about his brother.',
    'Back-to-back all afternoon and behind on my notes; felt drained.',
    'The food bank has changed its opening hours, which nobody told us.',
    'Person C booked the gardening club herself, which felt like a real step.',
    'Still waiting on the PIP decision; he is anxious about the letter.',
    'Team meeting ran over. We talked about caseload and supervision.',
    'Went with her to the library to meet the volunteer coordinator.',
    'He says I am the one person he can offload to, which stays with me.',
    'The carers’ group closed last year, so there is nowhere to refer her on to.',
    'Answered a message after hours because she sounded frightened.',
    'We looked at the leaflet for the men’s shed together and he kept it.',
  ];
  const RARE = 'She asked about the allotment waiting list at the community garden.';
  const TAGS = [
    'md-patient', 'md-staff', 'md-community', 'boundary-held', 'boundary-stretched',
    'holding-waiting', 'holding-preparing', 'holding-easing-load', 'holding-witness',
    'driver-no-provision', 'driver-readiness', 'anchor-at-ease', 'anchor-space',
    'anchor-step', 'anchor-presence', 'barrier-structural', 'wellbeing-load',
    'wellbeing-caseload',
  ];
  let state = 0x5eed1234;
  const next = () => {
    // A 32-bit xorshift: the same journal every run, no library needed.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const below = (k) => Math.floor(next() * k);
  const envelope = (kind, data) => JSON.stringify({ app: 'anchorpoint', kind, v: 3, data });
  // Most reflections are short; a few are long. Mean about 620 characters, which keeps
  // 5,000 of them (about 4.3 M characters stored) inside Chromium's local storage quota.
  const length = () => {
    const r = next();
    if (r < 0.8) return 300 + below(400);
    if (r < 0.95) return 700 + below(500);
    return 1200 + below(801);
  };
  localStorage.clear();
  const ids = [];
  const start = Date.UTC(2026, 10, 24);
  for (let i = 0; i < n; i += 1) {
    const about = new Date(start - Math.floor(i / 3.5) * 86400000).toISOString().slice(0, 10);
    const want = length();
    let text = '';
    while (text.length < want) {
      text += (text ? (below(4) === 0 ? '\n' : ' ') : '') + SENTENCES[below(SENTENCES.length)];
    }
    if (below(100) === 0) text = `${RARE} ${text}`;
    text = text.slice(0, 2000);
    const tags = [...new Set(Array.from({ length: below(4) }, () => TAGS[below(TAGS.length)]))];
    const id = `b${i.toString(36)}-${below(1e6).toString(36)}`;
    ids.push(id);
    const at = `${about}T${String(8 + below(10)).padStart(2, '0')}:00:00Z`;
    localStorage.setItem(
      `anchorpoint.entry.${id}`,
      envelope('entry', {
        id, written_at: at, updated_at: at, about,
        sections: [{ prompt: null, text }], tags, dismissed: [],
      }),
    );
  }
  localStorage.setItem('anchorpoint.index', envelope('index', { ids }));
  let chars = 0;
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    chars += key.length + localStorage.getItem(key).length;
  }
  return chars;
}

/** Injected before the app's script on every load: notes when the journal is usable. */
function startupProbe() {
  window.__startup = null;
  const ready = () => {
    const input = document.getElementById('search-text');
    const listed = document.querySelector('#search-results li');
    if (listed && input && !input.disabled) return true;
    return document.querySelector('.app-empty-state') !== null;
  };
  const observer = new MutationObserver(() => {
    if (window.__startup || !ready()) return;
    const dom = performance.now();
    window.__startup = { dom };
    observer.disconnect();
    requestAnimationFrame(() => {
      window.__startup.frame = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Injected for the keystroke run: notes each input event's work and drawn frame. */
function keystrokeProbe() {
  window.__keys = [];
  document.addEventListener(
    'input',
    (event) => {
      if (event.target.id !== 'search-text') return;
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

/** Runs in the page: writes [key, value] pairs until the browser says storage is full. */
function writePairs(pairs) {
  let written = 0;
  for (const [key, value] of pairs) {
    try {
      localStorage.setItem(key, value);
    } catch (error) {
      if (error.name === 'QuotaExceededError') return { written, full: true };
      throw error;
    }
    written += 1;
  }
  return { written, full: false };
}

/** Runs in the page: the UTF-16 code units local storage holds (keys and values), and the entry keys. */
function storageUse() {
  let units = 0;
  let entries = 0;
  for (let i = 0; i < localStorage.length; i += 1) {
    const key = localStorage.key(i);
    units += key.length + localStorage.getItem(key).length;
    if (key.startsWith('anchorpoint.entry.')) entries += 1;
  }
  return { units, entries };
}

/**
 * Writes the first `n` reflections of `journal` (compact v4 frames made in Node) and the
 * index shards listing them into the page's local storage, CHUNK pairs per call. When
 * storage fills up, keeps as many reflections as fit with their index.
 */
async function seedCompact(page, journal, n) {
  await page.evaluate(() => localStorage.clear());
  let written = 0;
  let full = false;
  while (written < n && !full) {
    const chunk = journal.slice(written, Math.min(n, written + CHUNK)).map((e) => [e.key, e.stored]);
    const result = await page.evaluate(writePairs, chunk);
    written += result.written;
    full = result.full;
  }
  // The index, in shards. If it does not fit beside the reflections, drop the newest-
  // written reflections a hundred at a time until it does.
  for (;;) {
    const shards = indexShards(journal.slice(0, written));
    const result = await page.evaluate(writePairs, shards);
    if (!result.full) break;
    full = true;
    const drop = journal.slice(Math.max(0, written - 100), written).map((e) => e.key);
    await page.evaluate((keys) => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith('anchorpoint.index.')) localStorage.removeItem(key);
      }
      for (const key of keys) localStorage.removeItem(key);
    }, drop);
    written -= drop.length;
  }
  const use = await page.evaluate(storageUse);
  if (use.entries !== written) throw new Error(`wrote ${written} reflections but storage holds ${use.entries}`);
  return { written, full, units: use.units };
}

/** After a measured load: the page shows the whole journal and reports no problem. */
async function checkLoaded(page, n) {
  const shown = await page.evaluate(() => ({
    count: document.getElementById('search-count')?.textContent ?? null,
    empty: document.querySelector('.app-empty-state') !== null,
    warning: document.querySelector('.nhsuk-card--warning')?.textContent ?? null,
  }));
  const expected = n === 0 ? null : n === 1 ? '1 reflection' : `${n} reflections`;
  if (shown.warning !== null) throw new Error(`the page shows a warning with ${n} reflections: ${shown.warning}`);
  if (n === 0 ? !shown.empty : shown.count !== expected) {
    throw new Error(`with ${n} reflections stored the page shows ${JSON.stringify(shown)}`);
  }
}

/**
 * Start-up with each of SIZES reflections stored, in one browser and one run: a context
 * (its own local storage) per size, seeded once, then ROUNDS + 1 rounds in which each
 * page is reloaded in turn (the order rotates each round; the first round warms the
 * caches and is dropped), so every size sees the same machine load.
 */
async function startups(browser, servers) {
  const largest = Math.max(...SIZES);
  const journal = makeJournal(largest).map((e) => ({ ...e, stored: compactFrame(e.json) }));
  checkEncoder(journal.slice(0, 5).map((e) => e.json));
  const runs = [];
  for (const [bundle, server] of servers) for (const n of SIZES) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
    const guard = await guardContext(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    const seeded = await seedCompact(page, journal, n);
    const texts = journal.slice(0, seeded.written).map((e) => e.text.length);
    await page.addInitScript(startupProbe);
    runs.push({ bundle, n, context, guard, page, seeded, samples: [], meanText: texts.length ? texts.reduce((a, b) => a + b) / texts.length : 0 });
  }
  for (let round = 0; round <= ROUNDS; round += 1) {
    for (let k = 0; k < runs.length; k += 1) {
      const run = runs[(round + k) % runs.length];
      await run.page.reload();
      await run.page.waitForFunction(() => window.__startup?.frame !== undefined, null, { timeout: 180_000 });
      const s = await run.page.evaluate(() => window.__startup);
      await checkLoaded(run.page, run.seeded.written);
      if (round > 0) run.samples.push(s); // the first round warms the caches
    }
  }
  const results = [];
  for (const run of runs) {
    const problems = run.guard.problems();
    await run.context.close();
    if (problems.length > 0) throw new Error(problems.join('\n'));
    results.push({
      bundle: run.bundle,
      entries: run.n,
      stored: run.seeded.written,
      storageFull: run.seeded.full,
      units: run.seeded.units,
      meanTextChars: Math.round(run.meanText),
      domMs: round1(median(run.samples.map((s) => s.dom))),
      domMaxMs: round1(Math.max(...run.samples.map((s) => s.dom))),
      frameMs: round1(median(run.samples.map((s) => s.frame))),
      frameMaxMs: round1(Math.max(...run.samples.map((s) => s.frame))),
    });
  }
  return results;
}

/** Types each word KEYS times over into #search-text and sums up the probe's records. */
async function typeWords(page) {
  const box = page.locator('#search-text');
  await box.waitFor();
  // Warm up: let the browser compile the hot wasm functions with its optimising tier.
  await box.focus();
  for (const key of `${MANY} ${FEW}`) await page.keyboard.press(key);
  await page.waitForTimeout(500);
  await box.fill('');
  await page.waitForTimeout(200);
  const results = {};
  for (const word of [MANY, FEW]) {
    const records = [];
    let matches = '';
    while (records.length < KEYS) {
      await box.fill('');
      await page.waitForTimeout(100);
      await page.evaluate(() => {
        window.__keys = [];
      });
      await box.focus();
      for (const key of word) {
        await page.keyboard.press(key);
        // A brisk typist: a key every 80 ms or so. No polling in the page meanwhile,
        // which would itself take time from the keystroke being measured.
        await page.waitForTimeout(80);
      }
      await page.waitForFunction((k) => window.__keys.length === k, word.length, { timeout: 10_000 });
      records.push(...(await page.evaluate(() => window.__keys)));
      const count = page.locator('#search-count');
      matches = (await count.count()) > 0 ? await count.innerText() : '(no app)';
    }
    const work = records.map((r) => r.work);
    const frame = records.map((r) => r.frame);
    results[word] = {
      matches,
      keystrokes: records.length,
      workMedianMs: round1(median(work)),
      workP95Ms: round1(percentile(work, 95)),
      workMaxMs: round1(Math.max(...work)),
      frameMedianMs: round1(median(frame)),
      frameP95Ms: round1(percentile(frame, 95)),
      frameMaxMs: round1(Math.max(...frame)),
    };
  }
  return results;
}

async function keystrokes(browser, server, n) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
  const guard = await guardContext(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.evaluate(seedJournal, n);
  await page.addInitScript(keystrokeProbe);
  await page.reload();
  const results = await typeWords(page);
  const problems = guard.problems();
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return results;
}

/** The same keys into a bare text box on an otherwise empty page: the browser's floor. */
async function bareInput(browser) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 }, locale: 'en-GB' });
  const guard = await guardContext(context);
  const page = await context.newPage();
  await page.setContent('<!DOCTYPE html><title>Floor</title><input id="search-text">');
  await page.evaluate(keystrokeProbe);
  const results = await typeWords(page);
  const problems = guard.problems();
  await context.close();
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return results;
}

const server = await serveDist();
const before = BEFORE ? await serveDist(BEFORE) : null;
const browser = await launch();
try {
  const version = browser.version();
  const bundles = [['after', server], ...(before ? [['before', before]] : [])];
  const starts = ONLY === 'keys' ? [] : await startups(browser, bundles);
  const keys = ONLY === 'startup' ? {} : await keystrokes(browser, server, 5000);
  const floor = ONLY === 'startup' ? {} : await bareInput(browser);

  console.log(`Chromium ${version}, bundle ${DIST}${before ? ` ("after"), against ${BEFORE} ("before")` : ''}`);
  const runs = [ONLY !== 'keys' && `${ROUNDS} interleaved reloads each (median)`, ONLY !== 'startup' && `${KEYS}+ keystrokes per word`];
  console.log(`${runs.filter(Boolean).join(', ')}\n`);
  const ratios = {};
  if (starts.length > 0) {
    console.log('start-up   reflections  stored  UTF-16 units  DOM ms (median/worst)  frame ms (median/worst)  frame / empty');
    for (const s of starts) {
      const empty = starts.find((e) => e.entries === 0 && e.bundle === s.bundle);
      const ratio = empty && s.entries > 0 ? round1(s.frameMs / empty.frameMs) : null;
      if (ratio !== null) ratios[before ? `${s.bundle} ${s.entries}` : s.entries] = ratio;
      console.log(
        `${(before ? s.bundle : '').padEnd(7)}    ${String(s.entries).padStart(11)}  ${String(s.stored).padStart(6)}  ${String(s.units).padStart(12)}  ` +
          `${`${s.domMs} / ${s.domMaxMs}`.padStart(21)}  ${`${s.frameMs} / ${s.frameMaxMs}`.padStart(23)}  ` +
          `${ratio === null ? '' : `${ratio}×`.padStart(13)}`,
      );
    }
    const texts = starts.filter((s) => s.stored > 0);
    if (texts.length > 0) {
      const big = texts[texts.length - 1];
      console.log(
        `           reflections of ${big.meanTextChars} characters on average, 3 tags each, as compact v4 frames: ` +
          `${Math.round(big.units / big.stored)} UTF-16 units a reflection, index included`,
      );
    }
    for (const s of starts.filter((x) => x.stored < x.entries)) {
      console.log(`           ${s.entries} reflections do not fit in local storage: only ${s.stored} did`);
    }
    console.log('');
  }
  if (ONLY !== 'startup') {
    console.log('keystroke over 5,000   matches at the end          work ms (median/p95/max)   to frame ms (median/p95/max)');
    const row = (label, matches, r) =>
      console.log(
        label.padEnd(24) +
          matches.padEnd(28) +
          `${r.workMedianMs} / ${r.workP95Ms} / ${r.workMaxMs}`.padEnd(27) +
          `${r.frameMedianMs} / ${r.frameP95Ms} / ${r.frameMaxMs}`,
      );
    for (const [word, r] of Object.entries(keys)) row(`  "${word}"`, r.matches, r);
    for (const [word, r] of Object.entries(floor)) row(`  "${word}"`, 'bare <input>, no app', r);
  }
  console.log(
    `JSON ${JSON.stringify({ chromium: version, startup: starts, startupRatioToEmpty: ratios, keystroke5000: keys, keystrokeBareInput: floor })}`,
  );
} finally {
  await browser.close();
  await server.close();
  await before?.close();
}
