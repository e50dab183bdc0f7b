// Writes the service worker (web/sw.js) into a built app, listing every file the app is
// made of and a version that changes whenever any of them does. Called by
// scripts/post-build.mjs, after the Content-Security-Policy hashes are in index.html, so
// the cached index.html is the final one.

import { readFileSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';

const template = new URL('../web/sw.js', import.meta.url);

function filesUnder(folder, root = folder) {
  return readdirSync(folder)
    // Not hidden files, nor the build's brotli copies (the server sends those in place
    // of the file itself).
    .filter((name) => !name.startsWith('.') && !name.endsWith('.br'))
    .flatMap((name) => {
      const path = join(folder, name);
      return statSync(path).isDirectory() ? filesUnder(path, root) : [relative(root, path)];
    });
}

/** Writes `<folder>/sw.js` and returns { version, files }. */
export function writeServiceWorker(folder) {
  const files = filesUnder(folder)
    .filter((f) => f !== 'sw.js')
    .map((f) => `/${f.split(sep).join('/')}`)
    .sort();
  const hash = createHash('sha256');
  for (const f of files) hash.update(f).update('\0').update(readFileSync(join(folder, f))).update('\0');
  const version = hash.digest('hex').slice(0, 16);
  const source = readFileSync(template, 'utf8')
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace('__FILES__', JSON.stringify(files));
  writeFileSync(join(folder, 'sw.js'), source);
  return { version, files };
}
