#!/usr/bin/env node
// Compiles style/main.scss (NHS.UK frontend core, the components we use, and
// our `app-` classes) into style/build/app.css, which Trunk links.
//
// Privacy guard: the journal must never make the browser contact another host.
// After compiling, every url() is checked: local NHS.UK icons are inlined as
// data: URIs, and any remote url(), protocol-relative url() or @import makes
// this script fail loudly instead of writing the file.
//
// Usage: node scripts/build-css.mjs [--expanded] [--no-purge]

import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as sass from 'sass';
import { PurgeCSS } from 'purgecss';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'style', 'main.scss');
const outDir = join(root, 'style', 'build');
const outFile = join(outDir, 'app.css');
const nodeModules = join(root, 'node_modules');
const nhsAssets = join(nodeModules, 'nhsuk-frontend', 'dist', 'nhsuk', 'assets');

// Local url() prefixes we can resolve, and where their files live.
const localAssetRoots = [['/assets/', nhsAssets]];
const mimeTypes = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

function fail(message) {
  console.error(`\nbuild-css: FAILED\n${message}\n`);
  process.exit(1);
}

if (!existsSync(join(nodeModules, 'nhsuk-frontend'))) {
  fail('node_modules/nhsuk-frontend is missing. Run `npm ci` first.');
}

let css;
try {
  const result = sass.compile(entry, {
    loadPaths: [nodeModules],
    style: process.argv.includes('--expanded') ? 'expanded' : 'compressed',
    // Deprecation warnings inside nhsuk-frontend are not ours to fix.
    quietDeps: true,
    sourceMap: false,
  });
  css = result.css;
} catch (error) {
  fail(String(error?.message ?? error));
}

// Keep only the rules the app can use. nhsuk-frontend styles every variant of every
// component (about 200 KB); the app uses a fraction. Every class name the UI sets is
// written out literally somewhere in src/ (Rust view! macros and format! strings), so
// a selector whose words appear nowhere in src/ or index.html cannot match anything.
// Measured: the gzipped stylesheet roughly halves, which leaves room in the 250 KB
// bundle budget for features.
if (!process.argv.includes('--no-purge')) {
  const [purged] = await new PurgeCSS().purge({
    content: [join(root, 'src', '**', '*.rs'), join(root, 'index.html'), join(root, 'web', '*.js')],
    css: [{ raw: css }],
    defaultExtractor: (content) => content.match(/[A-Za-z0-9_-]+/g) || [],
    keyframes: true,
    fontFace: true,
    // nhsuk-frontend declares 77 custom properties (its colours, breakpoints, version)
    // that its compiled rules never read with var(): Sass has already written the
    // values in. Nothing of ours reads them either (no inline styles; the CSP refuses
    // them). 0.56 KB of the first load's gzip, measured 2026-12-08.
    variables: true,
  });
  css = purged.css;
}

// Inline local assets; collect anything that would leave the device.
const problems = [];
css = css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g, (whole, _quote, ref) => {
  const target = ref.trim();
  if (/^data:/i.test(target)) return whole;
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    problems.push(`remote url(): ${target}`);
    return whole;
  }
  const match = localAssetRoots.find(([prefix]) => target.startsWith(prefix));
  if (!match) {
    problems.push(`local url() that Trunk would not copy: ${target}`);
    return whole;
  }
  const file = join(match[1], target.slice(match[0].length).split(/[?#]/)[0]);
  const type = mimeTypes[extname(file).toLowerCase()];
  if (!existsSync(file) || !type) {
    problems.push(`url() to a missing or unknown asset: ${target} (looked in ${file})`);
    return whole;
  }
  return `url("data:${type};base64,${readFileSync(file).toString('base64')}")`;
});

// Belt and braces: nothing else may name a remote resource either.
for (const m of css.matchAll(/@import[^;]*;?/gi)) problems.push(`@import: ${m[0]}`);
for (const m of css.matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi)) {
  problems.push(`reference to another host: ${m[0]}`);
}
for (const m of css.matchAll(/@font-face/gi)) problems.push(`@font-face found at offset ${m.index}`);

if (problems.length > 0) {
  fail(
    'The compiled CSS would make the browser contact another host or load a file\n' +
      'that is not in the bundle:\n  - ' +
      [...new Set(problems)].join('\n  - '),
  );
}

mkdirSync(outDir, { recursive: true });
writeFileSync(outFile, css);

const raw = Buffer.byteLength(css);
const gz = gzipSync(css, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`build-css: wrote style/build/app.css  raw ${kb(raw)} (${raw} B)  gzip ${kb(gz)} (${gz} B)`);
