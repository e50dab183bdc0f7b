#!/usr/bin/env node
// Crash durability of a draft saved on every keystroke (storage issue 9, item 3).
// Run by hand, never by the test command; needs no Rust build and no dist/:
//
//   node bench/crash-durability.mjs            everything below (about 10 minutes)
//   TRIALS=5 node bench/crash-durability.mjs   more trials per cell (default 3)
//   ONLY=matrix,long,controls,flag,timeline node bench/crash-durability.mjs
//                                              pick sections (comma separated)
//
// What it does. A tiny page is served from node on 127.0.0.1 (one port for the whole run,
// so the origin, and with it the stored data, is the same before and after a crash). The
// page has a textarea; on every `input` event it saves the whole value, as Anchorpoint's
// editor does, in ONE of three ways (one way per trial, so they cannot interfere):
//
//   ls           localStorage.setItem('anchorpoint.draft.new', value)
//   idb-default  an IndexedDB readwrite transaction with the default durability
//   idb-strict   an IndexedDB readwrite transaction with {durability: 'strict'}
//
// Each trial starts Debian's Chromium on a new, empty profile folder (spawned by this
// script in its own process group, with --remote-debugging-port, and driven through
// playwright-core's connectOverCDP), opens the page, types a known sentence key by key
// (about 80 ms a key; the sentence ends in a unique marker), waits the chosen delay after
// the page saw the last key, then SIGKILLs the browser's whole process group: a real
// crash, nothing is closed or flushed. It then checks that no process of that profile
// survives (and SIGKILLs any that does, by pid, and says so), starts Chromium again on
// the same profile, opens the page in read-only mode and reads back what was stored.
// A trial records how many characters survived, whether they are a prefix of what was
// typed, and how many seconds of typing were lost (from the input event of the last
// surviving character to the input event of the last key, both stamped by the page).
//
// Sections:
//   matrix    the three ways x kill at 0.5, 1, 3 and 6 s after the last key, a 60-character
//             sentence (~5 s of typing), TRIALS trials each.
//   long      localStorage only, a 120-character text (~10 s of typing), same delays.
//   controls  localStorage: (a) graceful browser close (CDP Browser.close) 0.5 s after the
//             last key, then read back; (b) the tab is closed 0.5 s after the last key and
//             the browser is SIGKILLed 0.5 s later.
//   flag      localStorage with Chromium's --enable-aggressive-domstorage-flushing switch
//             (a browser switch: a web page cannot set it), long text.
//   timeline  localStorage: ~75 s of continuous typing while this script watches the
//             profile's "Local Storage" folder every 100 ms and finds, in the bytes on disk,
//             the longest prefix of the typed text. Shows when Chromium commits to disk.
//             Then a SIGKILL 1 s after the last key and a read-back.
//
// Prints tables and one JSON line (prefixed "JSON "). Nothing leaves 127.0.0.1: Chromium
// runs with the project's quiet switches plus a host-resolver rule that resolves nothing,
// and every request the pages make is checked.

import { createServer } from 'node:http';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const TRIALS = Number(process.env.TRIALS ?? 3);
const ONLY = (process.env.ONLY ?? 'matrix,long,controls,flag,timeline').split(',').map((s) => s.trim());
const DELAYS = [0.5, 1, 3, 6];
const KEY_MS = 80;
const KEY = 'anchorpoint.draft.new';

// 60 characters, ending in a marker that appears nowhere else.
const SHORT = 'Met R at the library, we talked about sleep and rent. #Q7ZK9';
// 120 characters.
const LONG =
  'Second visit with R today. She is sleeping better and has rung the housing office; ' +
  'next step is the food bank form. #W4XJ2';
// The timeline text: about 75 s of typing at 80 ms a key.
const TIMELINE_TEXT = (() => {
  const words =
    'we sat in the garden and talked about the week her daughter came round the bus pass ' +
    'is sorted and she wants to try the walking group on tuesday ';
  let s = '';
  while (s.length < 880) s += words;
  return s.slice(0, 880) + ' #TLM3V';
})();

// From e2e/harness.mjs (quiet on a closed network, runnable as root), plus a resolver
// rule so that no host name can be resolved at all.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Crash durability</title></head>
<body>
<label for="draft">Your reflection</label>
<textarea id="draft" rows="8" cols="80"></textarea>
<script>
const params = new URLSearchParams(location.search);
const mode = params.get('mode') || 'ls';
const readOnly = params.has('read');
const KEY = ${JSON.stringify(KEY)};
window.__log = [];           // one row per input event: { t, len, done }
window.__requests = [];
function openDb() {
  return new Promise((ok, fail) => {
    const r = indexedDB.open('anchorpoint-crash', 1);
    r.onupgradeneeded = () => r.result.createObjectStore('drafts');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
}
window.__ready = (async () => {
  if (mode === 'ls') {
    // Anchorpoint reads its storage when it starts; so does this page.
    localStorage.getItem(KEY);
  } else {
    window.__db = await openDb();
  }
  return true;
})();
window.readBack = async () => {
  await window.__ready;
  if (mode === 'ls') return localStorage.getItem(KEY);
  return new Promise((ok, fail) => {
    const tx = window.__db.transaction('drafts', 'readonly');
    const r = tx.objectStore('drafts').get(KEY);
    r.onsuccess = () => ok(r.result ?? null);
    r.onerror = () => fail(r.error);
  });
};
const box = document.getElementById('draft');
box.addEventListener('input', () => {
  if (readOnly) return;
  const value = box.value;
  const row = { t: Date.now(), len: value.length, done: null };
  window.__log.push(row);
  if (mode === 'ls') {
    localStorage.setItem(KEY, value);
    row.done = Date.now();
  } else {
    const options = mode === 'idb-strict' ? { durability: 'strict' } : undefined;
    const tx = window.__db.transaction('drafts', 'readwrite', options);
    tx.objectStore('drafts').put(value, KEY);
    tx.oncomplete = () => { row.done = Date.now(); };
  }
});
</script>
</body></html>`;

async function serve() {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    if (path === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(PAGE);
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------
// Browser: spawned in its own process group so that a SIGKILL reaches all of it
// ---------------------------------------------------------------------------

const sleep = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));
const external = new Set();

/** Pids of live (non-zombie) processes whose command line mentions `needle`. */
function processesWith(needle) {
  const pids = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmd.includes(needle)) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state !== 'Z') pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function launchBrowser(profile, url, extraArgs = []) {
  const proc = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      ...extraArgs,
      `--user-data-dir=${profile}`,
      '--remote-debugging-address=127.0.0.1',
      '--remote-debugging-port=0',
      url,
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((ok) => proc.once('exit', (code, signal) => ok({ code, signal })));
  let stderr = '';
  const ws = await new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${stderr}`)), 30_000);
    proc.stderr.on('data', (chunk) => {
      stderr += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        ok(m[1]);
      }
    });
    proc.once('exit', () => {
      clearTimeout(timer);
      fail(new Error(`Chromium exited at start:\n${stderr}`));
    });
  });
  proc.stderr.resume();
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const watch = (page) =>
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['data:', 'about:', 'blob:'].includes(u.protocol) && u.hostname !== '127.0.0.1') {
        external.add(r.url());
      }
    });
  context.pages().forEach(watch);
  context.on('page', watch);
  const target = new URL(url).href;
  let page = context.pages().find((p) => p.url() === target);
  const end = Date.now() + 15_000;
  while (!page && Date.now() < end) {
    await sleep(50);
    page = context.pages().find((p) => p.url() === target);
  }
  if (!page) throw new Error(`no tab for ${target}; tabs: ${context.pages().map((p) => p.url())}`);
  await page.waitForLoadState('load');
  await page.evaluate(() => window.__ready);
  return { proc, exited, browser, context, page, profile };
}

/** SIGKILLs the browser's process group; returns how many processes outlived it. */
async function crash(b) {
  process.kill(-b.proc.pid, 'SIGKILL');
  await b.exited;
  // A killed process can take a few milliseconds to go; give the group a second.
  for (let i = 0; i < 20 && processesWith(b.profile).length > 0; i += 1) await sleep(50);
  let stragglers = 0;
  for (let i = 0; i < 50; i += 1) {
    const left = processesWith(b.profile);
    if (left.length === 0) return stragglers;
    stragglers = Math.max(stragglers, left.length);
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await sleep(100);
  }
  throw new Error(`processes of ${b.profile} survive SIGKILL: ${processesWith(b.profile)}`);
}

/** After a failure: make sure no browser of ours is left running. */
function killIfRunning(b) {
  if (b && b.proc.exitCode === null && b.proc.signalCode === null) {
    try {
      process.kill(-b.proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Asks Chromium to quit as a user would (CDP Browser.close), waits for it to exit. */
async function closeGracefully(b) {
  const session = await b.browser.newBrowserCDPSession();
  await session.send('Browser.close').catch(() => {});
  const result = await Promise.race([b.exited, sleep(20_000).then(() => null)]);
  if (!result) {
    process.kill(-b.proc.pid, 'SIGKILL');
    await b.exited;
    throw new Error('Chromium did not quit within 20 s of Browser.close');
  }
  for (let i = 0; i < 50 && processesWith(b.profile).length > 0; i += 1) await sleep(100);
}

// ---------------------------------------------------------------------------
// One trial
// ---------------------------------------------------------------------------

async function typeText(page, text) {
  const box = page.locator('#draft');
  await box.click();
  await box.pressSequentially(text, { delay: KEY_MS });
  return page.evaluate(() => window.__log);
}

async function readBack(url, mode, profile, extraArgs) {
  const b = await launchBrowser(profile, `${url}?mode=${mode}&read=1`, extraArgs);
  const value = await b.page.evaluate(() => window.readBack());
  await closeGracefully(b);
  return value;
}

/** What survived, measured against the page's own log of input events. */
function outcome(text, value, log) {
  const got = value ?? '';
  const prefix = text.startsWith(got);
  const kept = prefix ? got.length : 0;
  const last = log[log.length - 1];
  // When the last surviving character was typed (or just before the first key, if none).
  const keptAt = kept === 0 ? log[0].t - KEY_MS : (log.find((r) => r.len === kept) ?? last).t;
  return {
    kept,
    lost: text.length - kept,
    prefix,
    full: got === text,
    secondsLost: (last.t - keptAt) / 1000,
    typingSeconds: (last.t - log[0].t) / 1000,
  };
}

async function trial({ url, mode, text, delay, how = 'kill', extraArgs = [] }) {
  const profile = mkdtempSync(join(tmpdir(), 'anchorpoint-crash-'));
  let b;
  try {
    b = await launchBrowser(profile, `${url}?mode=${mode}`, extraArgs);
    const log = await typeText(b.page, text);
    const last = log[log.length - 1];
    if (log.length !== text.length || last.len !== text.length) {
      throw new Error(`typed ${text.length} keys, page saw ${log.length} inputs, last len ${last.len}`);
    }
    let stragglers = 0;
    let pageLog = log;
    let killedAt = null;
    if (how === 'kill') {
      await sleep(last.t + delay * 1000 - Date.now() - 15);
      pageLog = await b.page.evaluate(() => window.__log).catch(() => log);
      await sleep(last.t + delay * 1000 - Date.now());
      killedAt = Date.now();
      stragglers = await crash(b);
    } else if (how === 'graceful') {
      await sleep(last.t + delay * 1000 - Date.now());
      await closeGracefully(b);
    } else if (how === 'tab-close') {
      // Keep a blank tab so the browser itself stays up, close the journal's tab,
      // then crash the browser half a second later.
      await b.context.newPage();
      await sleep(last.t + delay * 1000 - Date.now());
      await b.page.close();
      await sleep(500);
      killedAt = Date.now();
      stragglers = await crash(b);
    }
    // When the SIGKILL was sent (or, for a graceful close, when the browser had quit).
    const killedAfter = ((killedAt ?? Date.now()) - last.t) / 1000;
    const value = await readBack(url, mode, profile, extraArgs);
    const completes = pageLog.filter((r) => r.done !== null);
    const lastComplete = completes.length ? completes[completes.length - 1] : null;
    return {
      mode,
      how,
      delay,
      chars: text.length,
      ...outcome(text, value, log),
      killedAfter,
      stragglers,
      // For IndexedDB: had the last key's transaction reported `complete` before the kill?
      lastKeyCompleted: pageLog[pageLog.length - 1].done !== null,
      lastCompleteMs: lastComplete ? lastComplete.done - lastComplete.t : null,
    };
  } finally {
    killIfRunning(b);
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Timeline: when does localStorage reach the disk?
// ---------------------------------------------------------------------------

/** The longest prefix of `text` found in any file under `dir` (values are stored Latin-1). */
function longestPrefixOnDisk(dir, text) {
  let files = [];
  try {
    files = readdirSync(dir, { recursive: true })
      .map((f) => join(dir, f))
      .filter((f) => statSync(f).isFile());
  } catch {
    return 0;
  }
  const bufs = files.map((f) => {
    try {
      return readFileSync(f);
    } catch {
      return Buffer.alloc(0);
    }
  });
  const has = (k) => bufs.some((b) => b.includes(Buffer.from(text.slice(0, k), 'latin1')));
  let lo = 0;
  let hi = text.length;
  if (!has(12)) return 0;
  lo = 12;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (has(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function dirSignature(dir) {
  try {
    return readdirSync(dir, { recursive: true })
      .map((f) => {
        const s = statSync(join(dir, f));
        return `${f}:${s.size}:${s.mtimeMs}`;
      })
      .sort()
      .join('|');
  } catch {
    return '';
  }
}

async function timeline(url) {
  const text = TIMELINE_TEXT;
  const profile = mkdtempSync(join(tmpdir(), 'anchorpoint-crash-'));
  let b;
  try {
    b = await launchBrowser(profile, `${url}?mode=ls`);
    const opened = Date.now(); // the page has read localStorage: the storage area exists
    const dir = join(profile, 'Default', 'Local Storage');
    const commits = [];
    let sig = dirSignature(dir);
    let onDisk = 0;
    let stop = false;
    let first = null;
    const watcher = (async () => {
      while (!stop) {
        await sleep(100);
        const now = dirSignature(dir);
        if (now !== sig) {
          sig = now;
          const k = longestPrefixOnDisk(dir, text);
          if (k !== onDisk) {
            onDisk = k;
            commits.push({ at: Date.now(), chars: k });
          }
        }
      }
    })();
    const box = b.page.locator('#draft');
    await box.click();
    await box.pressSequentially(text, { delay: KEY_MS, timeout: 0 });
    const log = await b.page.evaluate(() => window.__log);
    first = log[0].t;
    const last = log[log.length - 1];
    await sleep(last.t + 1000 - Date.now());
    stop = true;
    await watcher;
    const stragglers = await crash(b);
    const value = await readBack(url, 'ls', profile);
    const out = outcome(text, value, log);
    const rows = commits.map((c) => {
      const typedAt = c.chars === 0 ? null : log.find((r) => r.len === c.chars);
      return {
        diskChangedAtS: +((c.at - first) / 1000).toFixed(1),
        sinceAreaOpenedS: +((c.at - opened) / 1000).toFixed(1),
        charsOnDisk: c.chars,
        typedUpToS: typedAt ? +((typedAt.t - first) / 1000).toFixed(1) : null,
      };
    });
    const files = existsSync(dir) ? readdirSync(dir, { recursive: true }) : [];
    return { typingSeconds: out.typingSeconds, chars: text.length, rows, afterCrash: out, stragglers, files };
  } finally {
    killIfRunning(b);
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

const median = (xs) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function summarise(results) {
  const groups = new Map();
  for (const r of results) {
    const k = `${r.mode}|${r.how}|${r.delay}|${r.chars}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(r);
  }
  return [...groups.values()].map((rs) => ({
    mode: rs[0].mode,
    how: rs[0].how,
    delay: rs[0].delay,
    chars: rs[0].chars,
    trials: rs.length,
    fullyKept: rs.filter((r) => r.full).length,
    allPrefix: rs.every((r) => r.prefix),
    medianCharsLost: median(rs.map((r) => r.lost)),
    medianSecondsLost: +median(rs.map((r) => r.secondsLost)).toFixed(2),
    charsLost: rs.map((r) => r.lost),
    medianTypingS: +median(rs.map((r) => r.typingSeconds)).toFixed(1),
    killedAfterS: rs.map((r) => +r.killedAfter.toFixed(2)),
    stragglers: rs.reduce((a, r) => a + r.stragglers, 0),
    lastKeyCompleted: rs.filter((r) => r.lastKeyCompleted).length,
    medianCompleteMs: median(rs.map((r) => r.lastCompleteMs).filter((x) => x !== null)),
  }));
}

function printTable(title, rows) {
  console.log(`\n${title}`);
  const head = ['mode', 'how', 'delay s', 'chars', 'fully kept', 'median chars lost', 'median s lost', 'chars lost per trial', 'typing s'];
  const body = rows.map((r) => [
    r.mode,
    r.how,
    String(r.delay),
    String(r.chars),
    `${r.fullyKept}/${r.trials}`,
    String(r.medianCharsLost),
    r.medianSecondsLost.toFixed(2),
    r.charsLost.join(' ') + (r.allPrefix ? '' : ' (NOT a prefix)'),
    String(r.medianTypingS),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  body.forEach((row) => console.log(line(row)));
}

async function main() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM} (apt-get install -y chromium)`);
  const version = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).trim();
  console.log(`${version}; node ${process.version}; ${TRIALS} trials per cell; sections: ${ONLY.join(', ')}`);
  const server = await serve();
  const started = Date.now();
  const results = [];
  const out = { chromium: version, trials: TRIALS };
  const run = async (spec) => {
    const r = await trial({ url: server.url, ...spec });
    results.push(r);
    console.log(
      `  ${r.mode.padEnd(11)} ${r.how.padEnd(9)} ${String(r.delay).padStart(3)} s  ${r.chars} chars: ` +
        `kept ${r.kept}, lost ${r.lost} (${r.secondsLost.toFixed(2)} s of typing)` +
        `${r.prefix ? '' : ' NOT A PREFIX'}; killed ${r.killedAfter.toFixed(2)} s after last key` +
        `${r.mode !== 'ls' ? `; last key complete before kill: ${r.lastKeyCompleted} (${r.lastCompleteMs} ms)` : ''}` +
        `${r.stragglers ? `; ${r.stragglers} straggler(s) killed` : ''}`,
    );
    return r;
  };
  try {
    if (ONLY.includes('matrix')) {
      console.log('\nmatrix: 60 characters, SIGKILL after each delay');
      // Interleave modes and delays, so drift on the machine spreads evenly.
      for (let t = 0; t < TRIALS; t += 1) {
        for (const delay of DELAYS) {
          for (const mode of ['ls', 'idb-default', 'idb-strict']) await run({ mode, text: SHORT, delay });
        }
      }
    }
    if (ONLY.includes('long')) {
      console.log('\nlong: localStorage, 120 characters (~10 s of typing), SIGKILL after each delay');
      for (let t = 0; t < Math.min(TRIALS, 2); t += 1) {
        for (const delay of DELAYS) await run({ mode: 'ls', text: LONG, delay });
      }
    }
    if (ONLY.includes('controls')) {
      console.log('\ncontrols: localStorage, graceful close / tab close');
      for (let t = 0; t < 2; t += 1) {
        await run({ mode: 'ls', text: LONG, delay: 0.5, how: 'graceful' });
        await run({ mode: 'ls', text: LONG, delay: 0.5, how: 'tab-close' });
      }
    }
    if (ONLY.includes('flag')) {
      console.log('\nflag: localStorage with --enable-aggressive-domstorage-flushing, 120 characters');
      for (const delay of [0.5, 1, 3]) {
        await run({
          mode: 'ls',
          text: LONG,
          delay,
          how: 'kill',
          extraArgs: ['--enable-aggressive-domstorage-flushing'],
        });
        results[results.length - 1].mode = 'ls+flag';
      }
    }
    if (ONLY.includes('timeline')) {
      console.log(`\ntimeline: localStorage, ${TIMELINE_TEXT.length} characters typed continuously`);
      const tl = await timeline(server.url).catch((error) => {
        console.error(error);
        process.exitCode = 1;
        return null;
      });
      if (tl) {
      out.timeline = tl;
      console.log(`  typed for ${tl.typingSeconds.toFixed(1)} s; the text on disk grew at:`);
      for (const r of tl.rows) {
        console.log(
          `    ${String(r.diskChangedAtS).padStart(5)} s after the first key ` +
            `(${String(r.sinceAreaOpenedS).padStart(5)} s after the page opened its storage): ` +
            `${r.charsOnDisk} chars on disk, typed up to ${r.typedUpToS} s`,
        );
      }
      console.log(
        `  SIGKILL 1 s after the last key: kept ${tl.afterCrash.kept} of ${tl.chars}, ` +
          `lost ${tl.afterCrash.secondsLost.toFixed(1)} s of typing; files: ${tl.files.join(', ')}`,
      );
      }
    }
  } finally {
    await server.close();
  }
  const summary = summarise(results);
  printTable('Summary (SIGKILL unless "how" says otherwise)', summary);
  if (external.size > 0) {
    console.log(`\nREQUESTS THAT LEFT 127.0.0.1:\n  ${[...external].join('\n  ')}`);
  } else {
    console.log('\nNo request left 127.0.0.1.');
  }
  console.log(`Total ${((Date.now() - started) / 60000).toFixed(1)} min.`);
  out.summary = summary;
  out.external = [...external];
  console.log(`JSON ${JSON.stringify(out)}`);
  if (external.size > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
