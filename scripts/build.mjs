#!/usr/bin/env node
// Builds the release app into dist/ without Trunk: the NHS.UK styles, cargo for wasm32,
// wasm-bindgen, wasm-opt -Oz (binaryen from npm), terser for the JavaScript glue,
// content-hashed file names, index.html,
// then the post-build step (Content-Security-Policy hashes and the service worker), and
// last a brotli copy of each compressible file for the server to send.
//
// Why not `trunk build`: Trunk had to be compiled from source on every fresh machine
// (6 to 10 minutes of a cold set-up), and it cannot split the wasm by route, which needs
// a step between cargo and wasm-bindgen (trunk-rs/trunk#1022). This script is that
// pipeline, with the split step (wasm-split-cli) in it. Trunk remains for `scripts/serve.sh --dev`
// (live reload) and reads the same index.html: this script understands the same
// `<link data-trunk …>` tags (css, rust, copy-dir, copy-file).
//
// The app starts from a small module file, not an inline script, so the page runs no
// inline script at all. Every file except index.html, sw.js, the manifest and the icons
// has a content hash in its name, and the stylesheet and start module carry SRI
// integrity, so a damaged file is refused rather than run.
//
// The build goes to a staging folder that replaces dist/ only when every step worked.
//
// Usage: node scripts/build.mjs [--dist <folder>] [--names] [--cargo-only]
//
// --cargo-only runs only the cargo step, with the same flags, and writes nothing else:
// scripts/setup.sh starts it in the background, at the lowest priority, as soon as the
// toolchain is there, when scripts/test.sh or scripts/serve.sh will build the release app.
//
// --names keeps the main module's function names (wasm-opt -g), so a CPU profile of
// start-up names what it spends its time on (bench/profile.mjs). It adds about 400 KB,
// so it is for measuring only, never for serving.

import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addScriptHashes } from './csp.mjs';
import { writeServiceWorker } from './offline.mjs';
import { precompress } from './brotli.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distArg = process.argv.indexOf('--dist');
const dist = resolve(distArg > 0 ? process.argv[distArg + 1] : join(root, 'dist'));
const stage = `${dist}.staging`;
const BIN = 'anchorpoint';
const targetDir = resolve(root, process.env.CARGO_TARGET_DIR ?? 'target');
const keepNames = process.argv.includes('--names');
const cargoOnly = process.argv.includes('--cargo-only');

const started = Date.now();
const step = (what) => console.log(`build: ${what} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const run = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
const runAsync = (command, args) =>
  new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} exited with ${code}`))));
  });
const digest = (bytes, algorithm = 'sha256') => createHash(algorithm).update(bytes).digest();
const hashName = (bytes) => digest(bytes).toString('hex').slice(0, 16);
const integrity = (bytes) => `sha384-${digest(bytes, 'sha384').toString('base64')}`;
// The wasm-bindgen glue and the chunk loader are both first load, written by tools for
// reading, not sending: terser takes the first load's JavaScript from 19.4 to 15.1 KB
// gzip (2026-12-06). What the wasm and the build rely on (import keys, chunk file
// names) are properties and string literals, which minifying leaves as they are.
const minify = async (code) => {
  const { minify: terser } = await import('terser');
  const out = await terser(code, { module: true, compress: true, mangle: true });
  if (typeof out.code !== 'string') throw new Error('terser gave no code');
  return out.code;
};

// A module's bytes without its "name" custom section. The chunks' names are not kept
// (debug info is off for them), and binaryen 132 does not know one of the subsections
// wasm-split writes there: it printed a warning for every chunk, about 300 lines that
// buried the build's own messages (2026-12-08).
function withoutNames(bytes) {
  const leb = (at) => {
    let value = 0, shift = 0, byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, at];
  };
  const kept = [bytes.subarray(0, 8)];
  for (let at = 8; at < bytes.length;) {
    const [size, body] = leb(at + 1);
    const end = body + size;
    if (end > bytes.length) throw new Error('a chunk is cut short');
    let isName = false;
    if (bytes[at] === 0) {
      const [length, name] = leb(body);
      isName = length === 4 && Buffer.from(bytes.subarray(name, name + 4)).toString('latin1') === 'name';
    }
    if (!isName) kept.push(bytes.subarray(at, end));
    at = end;
  }
  return Buffer.concat(kept);
}

// --emit-relocs keeps the linker's relocations, which the split step reads to find what
// code each lazy page needs. RUSTFLAGS changes cargo's fingerprint: the first build after
// a build without it recompiles every dependency.
// `--cfg erase_components` makes Leptos type-erase each component's view: one copy of the
// rendering code for many views, 11 KB less first load (measured 2026-12-05).
// In CI, rustc's warnings stop the build: this is the one compile of the code only the
// `split` feature builds (src/ui/lazy.rs and a few one-liners), which the browser tests'
// linted build (scripts/test.sh) does not see. Cargo caps dependencies' lints.
//
// The standard library is compiled with the app (`-Zbuild-std`, from the toolchain's
// rust-src), so that it can be built for size (`optimize_for_size`) and with panics that
// stop at once (`-Cpanic=immediate-abort`): no panic messages, formatting or file
// locations in the wasm. The app already aborts on a panic (`panic = "abort"`); what is
// lost is only the message in the console, which debug builds keep. Measured 2026-12-08:
// the first load 278.6 to 254.2 KB gzip. These are unstable options of the pinned
// toolchain (rust-toolchain.toml), allowed by RUSTC_BOOTSTRAP for this one build, so a
// new toolchain must be checked against them before it is pinned.
const BUILD_STD = ['-Zbuild-std=std,panic_abort', '-Zbuild-std-features=optimize_for_size'];
function cargoBuild() {
  const denyWarnings = process.env.CI === 'true' ? '-D warnings' : null;
  const rustflags = [
    process.env.RUSTFLAGS, '-Clink-args=--emit-relocs', '--cfg erase_components',
    '-Zunstable-options', '-Cpanic=immediate-abort', denyWarnings,
  ].filter(Boolean).join(' ');
  run('cargo', ['build', '--release', '--quiet', ...BUILD_STD, '--target', 'wasm32-unknown-unknown', '--bin', BIN, '--features', 'split'], {
    env: { ...process.env, RUSTFLAGS: rustflags, RUSTC_BOOTSTRAP: '1' },
  });
}

// Leptos always builds server functions' browser client (server_fn's `browser`
// feature), and with it wasm-streams, whose three classes wasm-bindgen exports: the main
// module keeps their code, and the glue a JavaScript class for each, though nothing can
// reach them here (the app has no server, and nothing in it makes a stream). They are
// taken out of both after wasm-bindgen, so wasm-opt drops the code only they reach:
// 1.7 KB of the first load's gzip, measured 2026-12-08. If wasm-bindgen ever writes
// them in another form, or the app starts to use them, the build stops here and says so.
const UNUSED_CLASSES = ['IntoUnderlyingByteSource', 'IntoUnderlyingSink', 'IntoUnderlyingSource'];
async function dropUnusedClasses(gluePath, wasmPath) {
  let glue = readFileSync(gluePath, 'utf8');
  const { default: binaryen } = await import('binaryen');
  const module = binaryen.readBinary(readFileSync(wasmPath));
  const exports = [];
  for (let i = 0; i < module.getNumExports(); i++) exports.push(binaryen.getExportInfo(module.getExportByIndex(i)).name);
  for (const name of UNUSED_CLASSES) {
    const forms = [
      // The class, from its declaration to the line that gives it Symbol.dispose.
      new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^if \\(Symbol\\.dispose\\) ${name}\\.prototype\\[Symbol\\.dispose\\] = ${name}\\.prototype\\.free;\\n`, 'm'),
      // Its finalization registry, which only the class uses.
      new RegExp(`^const ${name}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*\\n`, 'm'),
    ];
    for (const form of forms) {
      if (!form.test(glue)) throw new Error(`${basename(gluePath)}: wasm-bindgen no longer writes the class ${name} in the form this build removes`);
      glue = glue.replace(form, '');
    }
    const prefix = name.toLowerCase();
    if (new RegExp(prefix, 'i').test(glue)) {
      throw new Error(`${basename(gluePath)}: something besides its class uses ${name}, so it cannot be removed`);
    }
    const unused = exports.filter((e) => e.startsWith(`${prefix}_`) || e === `__wbg_${prefix}_free`);
    if (unused.length === 0) throw new Error(`${basename(wasmPath)} exports nothing of ${name}`);
    for (const e of unused) module.removeExport(e);
  }
  writeFileSync(gluePath, glue);
  binaryen.setDebugInfo(keepNames);
  writeFileSync(wasmPath, module.emitBinary());
  module.dispose();
}

if (cargoOnly) {
  try {
    cargoBuild();
  } catch {
    // cargo has said why; the full build that follows runs it again and stops there.
    process.exit(1);
  }
  process.exit(0);
}

try {
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  const template = readFileSync(join(root, 'index.html'), 'utf8');
  const links = [...template.matchAll(/<link data-trunk ([^>]*)>/g)].map(([tag, attributes]) => ({
    tag,
    rel: /rel="([^"]*)"/.exec(attributes)?.[1],
    href: /href="([^"]*)"/.exec(attributes)?.[1],
    attributes,
  }));

  step('styles');
  run('node', ['scripts/build-css.mjs']);

  step('cargo build --release (wasm32, the standard library built for size with immediate-abort panics, --emit-relocs, --cfg erase_components, --features split)');
  cargoBuild();

  // Route-level splitting (src/ui/lazy.rs): every lazy page's code moves out of the main
  // module into a chunk of its own (code shared by several pages into shared chunks),
  // and a small JavaScript loader (__wasm_split.js) fetches a chunk the first time its
  // page is visited, into the main module's memory and function table.
  step('wasm-split-cli');
  const split = join(stage, '.split');
  run('wasm-split-cli', [
    '--target', 'web', '--out-name', BIN,
    join(targetDir, 'wasm32-unknown-unknown', 'release', `${BIN}.wasm`), split,
  ]);

  step('wasm-bindgen');
  const bindgen = join(stage, '.bindgen');
  // --keep-lld-exports: the chunks import the main module's functions by the names the
  // linker gave them. --no-demangle keeps those names as the split step wrote them.
  run('wasm-bindgen', [
    '--target', 'web', '--no-typescript', '--keep-lld-exports', '--no-demangle',
    '--out-dir', bindgen, '--out-name', BIN, join(split, `${BIN}.wasm`),
  ]);
  await dropUnusedClasses(join(bindgen, `${BIN}.js`), join(bindgen, `${BIN}_bg.wasm`));

  step('wasm-opt -Oz (main module and every chunk)');
  const bindgenWasm = join(bindgen, `${BIN}_bg.wasm`);
  const optimised = join(bindgen, `${BIN}_bg.opt.wasm`);
  // The main module (the first load) goes through the wasm-opt command, as it always
  // has, in a process of its own. The chunks, over 250 mostly tiny modules, go through
  // binaryen's JavaScript API in this process: the command loads binaryen's 10 MB of wasm
  // each time it starts, which was 180 of the 190 seconds this step took (2026-12-06);
  // in one process they take about 20 s. The API's -Oz gives chunks within 0.5% of the
  // command's size (the same passes; a few inlining choices differ).
  // The features rustc 1.95 turns on for wasm32 by default, which wasm-bindgen's output uses.
  const mainModule = runAsync('wasm-opt', [
    '-Oz', ...(keepNames ? ['-g'] : []), '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    '--output', optimised, bindgenWasm,
  ]);
  const chunkFiles = readdirSync(split).filter((f) => f.endsWith('.wasm') && f !== `${BIN}.wasm`);
  const { default: binaryen } = await import('binaryen');
  const F = binaryen.Features;
  // The same features as the command's flags (bulk memory brings its -opt half, reference
  // types the long call_indirect encoding, as the command turns them on).
  const features = F.BulkMemory | F.BulkMemoryOpt | F.CallIndirectOverlong | F.NontrappingFPToInt
    | F.SignExt | F.MutableGlobals | F.ReferenceTypes | F.Multivalue;
  binaryen.setOptimizeLevel(2);
  binaryen.setShrinkLevel(2);
  binaryen.setDebugInfo(false);
  for (const chunk of chunkFiles) {
    const file = join(split, chunk);
    const module = binaryen.readBinary(withoutNames(readFileSync(file)));
    try {
      module.setFeatures(features);
      module.optimize();
      if (!module.validate()) throw new Error(`wasm-opt: ${chunk} does not validate after optimising`);
      writeFileSync(file, module.emitBinary());
    } finally {
      module.dispose();
    }
  }
  await mainModule;

  step('index.html and hashed files');
  let html = template;
  for (const link of links) {
    let replacement = '';
    if (link.rel === 'css') {
      const css = readFileSync(join(root, link.href));
      const name = `${basename(link.href, '.css')}-${hashName(css)}.css`;
      writeFileSync(join(stage, name), css);
      replacement = `<link rel="stylesheet" href="/${name}" integrity="${integrity(css)}">`;
    } else if (link.rel === 'rust') {
      const wasm = readFileSync(optimised);
      const wasmName = `${BIN}-${hashName(wasm)}_bg.wasm`;
      writeFileSync(join(stage, wasmName), wasm);
      // The small shared chunks travel together in one file (see packSmallChunks).
      const { pack, packed } = packSmallChunks(split, chunkFiles);
      const packName = `chunk_pack-${hashName(pack)}.wasm`;
      writeFileSync(join(stage, packName), pack);
      // Chunks: hashed names, and the loader rewritten to fetch them by those names.
      let loader = compactLoader(readFileSync(join(split, '__wasm_split.js'), 'utf8'), chunkFiles.length, packed, packName);
      for (const chunk of chunkFiles.filter((file) => !packed.has(file))) {
        const bytes = readFileSync(join(split, chunk));
        const chunkName = `${basename(chunk, '.wasm')}-${hashName(bytes)}.wasm`;
        writeFileSync(join(stage, chunkName), bytes);
        const literal = `"./${chunk}"`;
        if (!loader.includes(literal)) throw new Error(`__wasm_split.js does not fetch ${chunk}`);
        loader = loader.replaceAll(literal, `"./${chunkName}"`);
      }
      // The glue imports the loader and the loader imports the glue (for the main
      // module's exports), so neither name can be the hash of the other's final text.
      // The loader's name hashes its text with the glue's name left out, plus the main
      // wasm and the glue as wasm-bindgen wrote them, which fix the glue's text.
      const rawGlue = readFileSync(join(bindgen, `${BIN}.js`), 'utf8');
      const loaderName = `chunk_loader-${hashName(Buffer.concat([Buffer.from(loader), wasm, Buffer.from(rawGlue)]))}.js`;
      // The glue imports a small stand-in for the loader, which fetches the loader (and
      // with it every chunk's name) when the first chunk is wanted: it is not needed to
      // draw the journal.
      const stub = loaderStub(loader, loaderName);
      const stubName = `__wasm_split-${hashName(Buffer.concat([Buffer.from(stub), wasm, Buffer.from(rawGlue)]))}.js`;
      // Only the import statement: the wasm's import module keeps the name
      // "./__wasm_split.js", which is also the key of the glue's imports object.
      const importLoader = /(import \* as \w+ from )(["'])\.\/__wasm_split\.js\2/g;
      if (!importLoader.test(rawGlue)) throw new Error(`${BIN}.js does not import ./__wasm_split.js`);
      const glue = Buffer.from(await minify(rawGlue.replace(importLoader, `$1$2./${stubName}$2`)));
      const glueName = `${BIN}-${hashName(glue)}.js`;
      writeFileSync(join(stage, glueName), glue);
      if (!loader.includes(`"./${BIN}.js"`)) throw new Error(`__wasm_split.js does not import ./${BIN}.js`);
      writeFileSync(join(stage, loaderName), await minify(loader.replaceAll(`"./${BIN}.js"`, `"./${glueName}"`)));
      writeFileSync(join(stage, stubName), await minify(stub.replaceAll(`"./${BIN}.js"`, `"./${glueName}"`)));
      const start = Buffer.from(
        readFileSync(join(root, 'web', 'start.js'), 'utf8')
          .replace('__GLUE__', `/${glueName}`)
          .replace('__WASM__', `/${wasmName}`),
      );
      const startName = `start-${hashName(start)}.js`;
      writeFileSync(join(stage, startName), start);
      replacement = [
        // The glue is imported by the start module: preloaded here with its SRI hash.
        `<link rel="modulepreload" href="/${glueName}" integrity="${integrity(glue)}">`,
        `<link rel="preload" href="/${wasmName}" as="fetch" type="application/wasm" crossorigin>`,
        `<script type="module" src="/${startName}" integrity="${integrity(start)}"></script>`,
      ].join('\n    ');
    } else if (link.rel === 'copy-dir') {
      cpSync(join(root, link.href), join(stage, basename(link.href)), { recursive: true });
    } else if (link.rel === 'copy-file') {
      cpSync(join(root, link.href), join(stage, basename(link.href)));
    } else {
      throw new Error(`index.html: no rule for ${link.tag}`);
    }
    html = html.replace(link.tag, replacement);
  }
  writeFileSync(join(stage, 'index.html'), html);
  rmSync(bindgen, { recursive: true, force: true });
  rmSync(split, { recursive: true, force: true });

  step('post-build: script hashes and the service worker');
  addScriptHashes(stage);
  const { version, files } = writeServiceWorker(stage);

  // Brotli at its highest quality, written beside each file as `<name>.br`, the way
  // nginx's brotli_static and most static hosts serve to browsers that take brotli (every
  // current one does): the first load is a fifth smaller than with gzip -9 (256.7 against
  // 313.8 KB, 2026-12-06), and bytes are what a phone on a slow connection waits for.
  // Last, once every file is final; the service worker's list leaves the copies out.
  step('brotli');
  precompress(stage);

  rmSync(dist, { recursive: true, force: true });
  renameSync(stage, dist);
  step(`done: ${dist} (sw.js ${version}, ${files.length} files)`);
} catch (error) {
  rmSync(stage, { recursive: true, force: true });
  console.error(`\nbuild failed: ${error.message}\ndist/ is left as it was.`);
  process.exit(1);
}

// The stand-in the glue imports for the split loader: the same exports, each fetching the
// loader on its first call and handing it the call. The loader names every chunk with
// its hash, so it is 6.5 KB of the first load's gzip that drawing the journal does not
// need (2026-12-07). If the loader itself cannot be fetched, the wasm is told the chunk
// failed, as the loader tells it when a chunk cannot be fetched (its page offers "Try
// again"), and the next call fetches the loader again, under a new address so that no
// failure the browser remembers for a module stands in the way.
function loaderStub(loader, loaderName) {
  const names = [...loader.matchAll(/^export const (__wasm_split_load_\w+) =/gm)].map(([, name]) => name);
  const exported = [...loader.matchAll(/^export\b/gm)].length;
  if (names.length === 0 || names.length !== exported) {
    throw new Error(`__wasm_split.js: ${exported} exports, ${names.length} of them chunk loads in the expected form`);
  }
  return `import { initSync } from "./${BIN}.js";
let loader;
let attempt = 0;
function fetchLoader() {
    if (loader === undefined) {
        const url = attempt === 0 ? "./${loaderName}" : \`./${loaderName}?attempt=\${attempt}\`;
        attempt += 1;
        loader = import(url);
        loader.catch(() => { loader = undefined; });
    }
    return loader;
}
function later(name) {
    return (callback, data) => {
        fetchLoader().then((module) => module[name](callback, data), (error) => {
            console.error(error);
            initSync(undefined, undefined).__indirect_function_table.get(callback)(data, false);
        });
    };
}
${names.map((name) => `export const ${name} = later("${name}");`).join('\n')}
`;
}

// The split loader, as wasm-split-cli writes it, spells out the same fetching function
// for each of its ~280 chunks. One function taking the chunk's path does the same: the
// loader 48.7 to 18.1 KB raw, 318 bytes less of the first load's gzip (2026-12-07).
// Fails the build if the loader's text is not what this expects (a new wasm-split-cli),
// rather than leave a chunk unfetched.
//
// A chunk in the pack (packSmallChunks) is instead compiled from its bytes in the pack,
// which is fetched once, by the first chunk that needs it. A pack that cannot be fetched
// fails each chunk that needed it, as a missing chunk does, and the next try fetches it
// again.
function compactLoader(text, chunks, packed, packName) {
  const each = /makeLoad\(\(\) => \{\n\s*const src = fetch\(new URL\("\.\/([\w.-]+\.wasm)", import\.meta\.url\)\);\n\s*src\.catch\(\(\) => \{\}\);\n\s*return async \(imports\) => \(WebAssembly\.instantiateStreaming\(src, imports\)\);\n\}\n, /g;
  let found = 0;
  let fromPack = 0;
  const compacted = text.replace(each, (_, file) => {
    found += 1;
    const slice = packed.get(file);
    if (slice === undefined) return `makeLoad(fetchChunk("./${file}"), `;
    fromPack += 1;
    return `makeLoad(packedChunk(${slice.offset}, ${slice.length}), `;
  });
  if (found !== chunks) throw new Error(`__wasm_split.js: ${found} chunk fetchers in the expected form, not ${chunks}`);
  if (fromPack !== packed.size) throw new Error(`__wasm_split.js: ${fromPack} of ${packed.size} packed chunks found`);
  const first = compacted.indexOf('function makeLoad(');
  if (first < 0) throw new Error('__wasm_split.js has no makeLoad');
  const fetchChunk = `function fetchChunk(path) {
    return () => {
        const src = fetch(new URL(path, import.meta.url));
        src.catch(() => {});
        return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
    };
}
let pack;
function packedChunk(offset, length) {
    return () => {
        if (pack === undefined) {
            const fetched = fetch(new URL("./${packName}", import.meta.url)).then((response) => {
                if (!response.ok) throw new Error(\`${packName}: HTTP \${response.status}\`);
                return response.arrayBuffer();
            });
            fetched.catch(() => { if (pack === fetched) pack = undefined; });
            pack = fetched;
        }
        const bytes = pack;
        return async (imports) => (WebAssembly.instantiate(new Uint8Array(await bytes, offset, length), imports));
    };
}
`;
  return compacted.slice(0, first) + fetchChunk + compacted.slice(first);
}

// wasm-split-cli puts the code each set of pages shares into a chunk of its own: about
// 290 shared chunks, half of them under 540 bytes. The editor's first visit fetched 159
// chunk files, the compressor's among them: 1.1 to 1.3 s on this machine (one browser,
// the server on the same machine, 2026-12-07). Each small file also compresses poorly on
// its own. The shared chunks under PACK_BELOW bytes go into one file instead, each still a
// module of its own, compiled from its slice: 246 chunks, 56 KB of gzip together against
// 131 KB as separate files. A page's first visit fetches the whole pack, including code
// only other pages need.
function packSmallChunks(folder, files) {
  const PACK_BELOW = 4096;
  const small = files
    .filter((file) => /^chunk_\d+\.wasm$/.test(file))
    .map((file) => ({ file, bytes: readFileSync(join(folder, file)) }))
    .filter(({ bytes }) => bytes.length < PACK_BELOW)
    .sort((a, b) => a.file.localeCompare(b.file, 'en', { numeric: true }));
  const packed = new Map();
  let offset = 0;
  for (const { file, bytes } of small) {
    packed.set(file, { offset, length: bytes.length });
    offset += bytes.length;
  }
  return { pack: Buffer.concat(small.map(({ bytes }) => bytes)), packed };
}
