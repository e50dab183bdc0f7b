#!/usr/bin/env node
// Trunk's post-build hook (Trunk.toml), run in the staging folder before it becomes dist/:
// first the Content-Security-Policy hashes go into index.html (scripts/csp.mjs), then the
// service worker is written with the final list of files (scripts/offline.mjs).
// Outside Trunk: node scripts/post-build.mjs <folder>.

import { addScriptHashes } from './csp.mjs';
import { writeServiceWorker } from './offline.mjs';

const folder = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
try {
  if (!folder) throw new Error('no TRUNK_STAGING_DIR and no folder given');
  const scripts = addScriptHashes(folder);
  const { version, files } = writeServiceWorker(folder);
  console.log(`post-build: ${scripts} inline script(s) allowed by hash; sw.js ${version} caches ${files.length} files`);
} catch (error) {
  console.error(`post-build: ${error.message}`);
  process.exit(1);
}
