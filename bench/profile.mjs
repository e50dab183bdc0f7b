#!/usr/bin/env node
// Where the journal page's start-up spends its time: a CPU profile (V8's sampling
// profiler) of one reload with N reflections stored, Chromium slowed to a quarter of its
// speed as in bench/long-tasks.mjs, from the reload until 4 s after the list is drawn.
// Prints the functions with the most time of their own, the most time in all (with what
// they call), and, for each name in FOCUS, what the time under it went to. Build with
// names first, or the wasm's functions are only numbers:
//
//   node scripts/build.mjs --names --dist /tmp/dist-names
//   DIST=/tmp/dist-names N=1000 FOCUS=load_first,IdentifierFlag node bench/profile.mjs
//   FIRST=1 DIST=/tmp/dist-names node bench/profile.mjs     a first visit instead
//
// A reload before the profiled one warms the HTTP cache and the compiled code, as a
// second visit would be; a first visit (FIRST=1, what Lighthouse measures) also compiles
// the wasm it runs, and its journal is stored from a page that does not start the app.

import { serveDist, launch, guardContext, DIST } from '../e2e/harness.mjs';
import { makeJournal, storedPairs } from './journal-v4.mjs';
import { putStored } from '../e2e/records.mjs';

const N = Number(process.env.N ?? 1000);
const FIRST = Boolean(process.env.FIRST);

const ESCAPES = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
/** Rust's legacy symbol names made readable (`_ZN4core3ops...17h<hash>E`); others as they are. */
function demangle(symbol) {
  const legacy = /^_ZN(.*)E$/.exec(symbol);
  if (!legacy) return symbol;
  const parts = [];
  let rest = legacy[1];
  for (let m; (m = /^(\d+)/.exec(rest)); ) {
    const length = Number(m[1]);
    parts.push(rest.slice(m[1].length, m[1].length + length));
    rest = rest.slice(m[1].length + length);
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
  return parts
    .map((p) => p.replace(/\$([A-Z]+)\$/g, (all, e) => ESCAPES[e] ?? all).replace(/\$u([0-9a-f]+)\$/g, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/\.\./g, '::').replace(/^_(?=[<{])/, ''))
    .join('::');
}
const FOCUS = (process.env.FOCUS ?? '').split(',').filter(Boolean);
const TOP = Number(process.env.TOP ?? 40);

const browser = await launch();
const server = await serveDist(DIST);
try {
  const context = await browser.newContext();
  await guardContext(context);
  const page = await context.newPage();
  await page.goto(FIRST ? `${server.url}/icons/icon.svg` : `${server.url}/`);
  await page.evaluate(() => localStorage.clear());
  const pairs = storedPairs(makeJournal(N));
  await putStored(page, pairs);
  if (!FIRST) {
    await page.reload();
    await page.waitForTimeout(1500);
  }

  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.start');
  if (FIRST) await page.goto(`${server.url}/`);
  else await page.reload();
  await page.waitForSelector(N ? '#search-results li' : 'h1');
  await page.waitForTimeout(4000);
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.detach();

  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const name = (id) => demangle(nodes.get(id).callFrame.functionName) || '(anonymous)';
  // Microseconds sampled in each node.
  const sampled = new Map();
  profile.samples.forEach((id, i) => sampled.set(id, (sampled.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const stackOf = (id) => {
    const stack = [];
    for (let at = id; at !== undefined; at = parent.get(at)) stack.push(name(at));
    return stack;
  };
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  const own = new Map();
  const all = new Map();
  const under = new Map(FOCUS.map((f) => [f, { total: 0, names: new Map() }]));
  for (const [id, us] of sampled) {
    const stack = stackOf(id);
    add(own, stack[0], us);
    for (const n of new Set(stack)) add(all, n, us);
    for (const [focus, found] of under) {
      const at = stack.findIndex((n) => n.includes(focus));
      if (at < 0) continue;
      found.total += us;
      for (const n of new Set(stack.slice(0, at))) add(found.names, n, us);
    }
  }
  const ms = (us) => `${(us / 1000).toFixed(1).padStart(8)} ms`;
  const table = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([n, us]) => `${ms(us)}  ${n.slice(0, 160)}`)
      .join('\n');
  console.log(`Chromium ${browser.version()}, CPU at a quarter speed, ${N} reflections, ${FIRST ? 'a first visit' : 'one reload'}\n`);
  console.log(`Own time\n${table(own)}\n`);
  console.log(`Time with what it calls\n${table(all)}`);
  for (const [focus, found] of under) console.log(`\nUnder ${focus} (${ms(found.total).trim()})\n${table(found.names)}`);
} finally {
  await browser.close();
  await server.close();
}
