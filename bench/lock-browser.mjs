#!/usr/bin/env node
// Browser benchmarks for the passphrase lock, in Debian's Chromium through playwright-core,
// against the release bundle in dist/ (build it first: node scripts/build.mjs). Run by
// hand, never by the test command:
//
//   node bench/lock-browser.mjs                 everything below
//   ROUNDS=5 N=5000 node bench/lock-browser.mjs
//   ONLY=params|unlock|startup node bench/lock-browser.mjs
//
// 1. params: Argon2id's time in Chromium for several settings, to choose the strongest
//    that unlocks within 1.5 s. The lock is turned on through the app; then the stored
//    header's "m" and "t" are edited (within the limits the app accepts) and the right
//    passphrase entered. The key derived differs, so the unlock fails, but the full
//    derivation runs first: the time between the unlock page's performance marks
//    `anchorpoint:unlock-start` and `anchorpoint:unlock-derived` is Argon2id alone.
// 2. unlock: with the header as the app made it (KdfParams::CHOSEN), ROUNDS reloads of
//    an empty locked journal: derivation, and from pressing Unlock to the journal page.
// 3. startup: N reflections of bench/journal-v4.mjs's prose (about 1,000 characters, 3
//    tags), stored compact. Reading the journal unsealed (navigation to the list drawn),
//    then the lock turned on through the app (timed: every record sealed in one batch),
//    then ROUNDS unlocks: the key derivation, reading the sealed journal (from the
//    derived key to `anchorpoint:unlock-loaded`), and from pressing Unlock to the list.
//    Then the UTF-16 units the journal takes, sealed against compact, and from that how
//    many such reflections fit in Chromium's local storage with the lock on.
//
// Nothing leaves 127.0.0.1: the e2e harness's network guard is used. Prints a table and
// one JSON line (prefixed "JSON ").

import { serveDist, launch, guardContext } from '../e2e/harness.mjs';
import { makeJournal, compactFrame, indexShards } from './journal-v4.mjs';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const N = Number(process.env.N ?? 5000);
const ONLY = process.env.ONLY;
const PASSPHRASE = 'three random words';
/** Chromium's local storage quota in UTF-16 units, as the storage tests measured it. */
const CHROMIUM_UNITS = 5_242_880;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;

async function page(browser, base) {
  const context = await browser.newContext({ baseURL: base });
  await guardContext(context);
  const p = await context.newPage();
  p.setDefaultTimeout(120_000);
  return p;
}

async function heading(p, text) {
  await p.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

async function turnOn(p) {
  await p.goto('/settings/lock');
  await heading(p, 'Turn on the lock');
  await p.getByLabel('Create a passphrase', { exact: true }).fill(PASSPHRASE);
  await p.getByLabel('Type the passphrase again', { exact: true }).fill(PASSPHRASE);
  const t0 = Date.now();
  await p.getByRole('button', { name: 'Turn on the lock', exact: true }).click();
  await heading(p, 'Settings');
  return Date.now() - t0;
}

/** Reloads the locked page, unlocks, and returns the marks' durations and wall clock. */
async function unlockOnce(p, { expect = 'Your journal', wrong = false } = {}) {
  await p.goto('/');
  await heading(p, 'Unlock your journal');
  await p.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  const t0 = await p.evaluate(() => performance.now());
  await p.getByRole('button', { name: 'Unlock', exact: true }).click();
  if (wrong) {
    await p.locator('.nhsuk-error-summary').waitFor();
  } else {
    await heading(p, expect);
    await p.locator('#search-results li, .app-empty-state').first().waitFor();
  }
  return p.evaluate((t0) => {
    const at = (n) => performance.getEntriesByName(n)[0]?.startTime;
    return {
      derive: at('anchorpoint:unlock-derived') - at('anchorpoint:unlock-start'),
      load: at('anchorpoint:unlock-loaded') - at('anchorpoint:unlock-derived'),
      total: performance.now() - t0,
    };
  }, t0);
}

async function params(browser, base) {
  const p = await page(browser, base);
  await p.goto('/');
  await turnOn(p);
  const original = await p.evaluate(() => localStorage.getItem('anchorpoint.lock'));
  const rows = [];
  for (const [m, t] of [[19456, 2], [32768, 2], [47104, 2], [65536, 2], [65536, 3], [98304, 3], [131072, 2], [131072, 3], [196608, 3], [262144, 3]]) {
    await p.evaluate(([h, m, t]) => {
      const header = JSON.parse(h);
      header.kdf.m = m;
      header.kdf.t = t;
      localStorage.setItem('anchorpoint.lock', JSON.stringify(header));
    }, [original, m, t]);
    const times = [];
    const same = m === 65536 && t === 3;
    for (let i = 0; i < 3; i += 1) times.push((await unlockOnce(p, { wrong: !same })).derive);
    rows.push({ memory_mib: m / 1024, passes: t, derive_ms: round(median(times)), worst_ms: round(Math.max(...times)) });
    console.log(`argon2id ${m / 1024} MiB x ${t}: median ${round(median(times))} ms, worst ${round(Math.max(...times))} ms`);
  }
  await p.evaluate((h) => localStorage.setItem('anchorpoint.lock', h), original);
  await p.context().close();
  return rows;
}

async function unlock(browser, base) {
  const p = await page(browser, base);
  await p.goto('/');
  await turnOn(p);
  const runs = [];
  for (let i = 0; i < ROUNDS + 1; i += 1) runs.push(await unlockOnce(p));
  runs.shift(); // the first warms the caches
  await p.context().close();
  const out = {
    derive_ms: round(median(runs.map((r) => r.derive))),
    derive_worst_ms: round(Math.max(...runs.map((r) => r.derive))),
    click_to_journal_ms: round(median(runs.map((r) => r.total))),
  };
  console.log(`unlock, empty journal, chosen settings: derive ${out.derive_ms} ms (worst ${out.derive_worst_ms}), Unlock pressed to journal ${out.click_to_journal_ms} ms`);
  return out;
}

async function seed(p, journal) {
  const pairs = journal.map((e) => [e.key, compactFrame(e.json)]);
  pairs.push(...indexShards(journal));
  for (let i = 0; i < pairs.length; i += 500) {
    await p.evaluate((chunk) => {
      for (const [k, v] of chunk) localStorage.setItem(k, v);
    }, pairs.slice(i, i + 500));
  }
}

async function units(p) {
  return p.evaluate(() => {
    let n = 0;
    for (const k of Object.keys(localStorage)) {
      if (k.startsWith('anchorpoint.')) n += k.length + localStorage.getItem(k).length;
    }
    return n;
  });
}

async function startup(browser, base) {
  const p = await page(browser, base);
  await p.goto('/');
  await seed(p, makeJournal(N));
  const plain = [];
  for (let i = 0; i < ROUNDS + 1; i += 1) {
    await p.goto('/');
    await p.locator('#search-results li').first().waitFor();
    plain.push(await p.evaluate(() => performance.now()));
  }
  plain.shift();
  const compactUnits = await units(p);
  const sealMs = await turnOn(p);
  const sealedUnits = await units(p);
  const runs = [];
  for (let i = 0; i < ROUNDS + 1; i += 1) runs.push(await unlockOnce(p));
  runs.shift();
  await p.context().close();
  const perCompact = compactUnits / N;
  const perSealed = sealedUnits / N;
  const out = {
    n: N,
    unsealed_navigation_to_list_ms: round(median(plain)),
    turn_on_ms: sealMs,
    sealed_read_ms: round(median(runs.map((r) => r.load))),
    sealed_derive_ms: round(median(runs.map((r) => r.derive))),
    sealed_click_to_list_ms: round(median(runs.map((r) => r.total))),
    units_compact: compactUnits,
    units_sealed: sealedUnits,
    fit_compact: Math.floor(CHROMIUM_UNITS / perCompact),
    fit_sealed: Math.floor(CHROMIUM_UNITS / perSealed),
  };
  console.log(`${N} reflections unsealed: navigation to list ${out.unsealed_navigation_to_list_ms} ms (median of ${ROUNDS})`);
  console.log(`turning the lock on (sealing all ${N}): ${sealMs} ms wall clock`);
  console.log(`${N} reflections sealed: reading ${out.sealed_read_ms} ms after the key, derive ${out.sealed_derive_ms} ms, Unlock pressed to list ${out.sealed_click_to_list_ms} ms`);
  console.log(`units: compact ${compactUnits} (${round(perCompact)} a reflection), sealed ${sealedUnits} (${round(perSealed)}); fit in ${CHROMIUM_UNITS}: ${out.fit_compact} compact, ${out.fit_sealed} sealed`);
  return out;
}

const server = await serveDist();
const browser = await launch();
const result = {};
try {
  if (!ONLY || ONLY === 'params') result.params = await params(browser, server.url);
  if (!ONLY || ONLY === 'unlock') result.unlock = await unlock(browser, server.url);
  if (!ONLY || ONLY === 'startup') result.startup = await startup(browser, server.url);
} finally {
  await browser.close();
  await server.close();
}
console.log(`JSON ${JSON.stringify(result)}`);
