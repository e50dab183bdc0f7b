#!/usr/bin/env node
// Runs every end-to-end journey against the release bundle, two spec files at a time
// (each starts its own Chromium and server; this machine has two cores, and a journey
// spends most of its time waiting on the page: 434 s for all of them against about
// 500 s one file at a time, 2026-12-06). A journey that must see a state between two
// steps holds the app's timers itself (summary.test.mjs) rather than count on a slow
// processor, so a faster or busier machine does not change what it sees.
//
//   node e2e/run.mjs                      all journeys against ./dist
//   DIST=/path/to/dist node e2e/run.mjs   another bundle
//   node e2e/run.mjs e2e/edit.test.mjs    chosen files
//
// Extra arguments that start with "--" go to `node --test`.

import { spawnSync } from 'node:child_process';
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.env.DIST ?? join(here, '..', 'dist'));
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`e2e: no ${join(dist, 'index.html')}. Build first: node scripts/build.mjs (or set DIST).`);
  process.exit(2);
}

// Chromium's headless shell (Debian's chromium-headless-shell, the same version as
// chromium): the same engine without the full browser's UI and services. Six journey
// files took 53 and 50 s with it against 82 and 88 s with chromium (2026-12-08). The
// benchmarks keep chromium, so their figures stay comparable with earlier ones.
const SHELL = '/usr/bin/chromium-headless-shell';
const shell = process.env.CHROMIUM_SHELL ?? (existsSync(SHELL) ? SHELL : undefined);

const args = process.argv.slice(2);
const flags = args.filter((a) => a.startsWith('--'));
const chosen = args.filter((a) => !a.startsWith('--'));
const files = chosen.length > 0
  ? chosen
  : readdirSync(here).filter((f) => f.endsWith('.test.mjs')).sort().map((f) => join(here, f));

const result = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=2', '--test-reporter=spec', ...flags, ...files],
  { stdio: 'inherit', env: { ...process.env, DIST: dist, ...(shell ? { CHROMIUM_SHELL: shell } : {}) } },
);
process.exit(result.status ?? 1);
