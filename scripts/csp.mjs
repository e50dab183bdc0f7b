// Part of the post-build step: lets exactly the inline scripts Trunk wrote run, and nothing
// else. Trunk starts the app with an inline <script type="module"> loader (and, under
// `trunk serve`, an auto-reload script). Allowing them with 'unsafe-inline' would let an
// injected <script>, onerror= handler or javascript: link run too and read the journal,
// so instead this hook adds the SHA-256 hash of each inline script Trunk wrote to the
// page's Content-Security-Policy. A script whose text differs by one character is refused.
//
// Called by scripts/post-build.mjs in Trunk's staging folder, after the HTML is written.

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

/** Adds the hash of each inline script in `<folder>/index.html` to its policy. */
export function addScriptHashes(folder) {
  const file = join(folder, 'index.html');
  const html = readFileSync(file, 'utf8');

  const hashes = [];
  // Inline scripts only: a <script src=…> is covered by 'self'.
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (/\bsrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }

  const policy = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
  const found = html.match(policy);
  if (!found) {
    throw new Error(`${file} has no Content-Security-Policy meta tag`);
  }
  if (/'unsafe-inline'/.test(found[2].match(/script-src[^;]*/)?.[0] ?? '')) {
    throw new Error("script-src must not allow 'unsafe-inline'; the hook adds hashes instead");
  }
  const updated = found[2].replace(/script-src([^;]*)/, (_, sources) =>
    `script-src${sources} ${hashes.join(' ')}`.trimEnd(),
  );
  writeFileSync(file, html.replace(policy, `$1${updated}$3`));
  return hashes.length;
}
