#!/usr/bin/env node
// Serves a built Anchorpoint (dist/) on 127.0.0.1 the way a static host should: brotli
// (the build's `<file>.br`, as nginx's brotli_static serves them) or gzip for text and wasm, the security headers a <meta> tag cannot carry, and every path without
// a file extension answered with index.html so that /entries/abc loads the app as a real
// URL would. scripts/serve.sh runs it for people; the end-to-end journeys and browser
// benchmarks import it, so what is tested is what is served.
//
// The Content-Security-Policy header is the page's own <meta> policy (with the hashes
// scripts/csp.mjs added) plus what only a header can say: `frame-ancestors 'none'`, so no
// other page can frame the journal and trick a worker into clicking in it.
//
// Usage: node scripts/static-server.mjs [folder] (PORT, default 8080)

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, extname, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';


const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.webmanifest', '.svg', '.txt', '.map']);

/** The page's meta Content-Security-Policy, plus the directives only a header can carry. */
export function securityHeaders(indexHtml) {
  const meta = indexHtml.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1];
  if (!meta) throw new Error('index.html has no Content-Security-Policy meta tag');
  return {
    'Content-Security-Policy': `${meta}; frame-ancestors 'none'`,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  };
}

/**
 * Serves `root` on `host`:`port` (0 picks a free port). With `cache: false` nothing is
 * cached, so a rebuilt bundle is always what a test gets; otherwise Trunk's hashed file
 * names are cached for a year and index.html is checked every time.
 * Resolves to { url, close(), requests } where requests lists the paths asked for.
 */
export async function serveStatic(root, { host = '127.0.0.1', port = 0, cache = true } = {}) {
  root = resolve(root);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    throw new Error(
      `No ${indexPath}. Build the release bundle first (node scripts/build.mjs), ` +
        'or point DIST at a folder that has an index.html.',
    );
  }
  const security = securityHeaders(readFileSync(indexPath, 'utf8'));
  const gzipped = new Map(); // file -> { mtimeMs, body }: compress each file once
  const requests = [];
  const server = createServer(async (req, res) => {
    const headers = { ...security, Vary: 'Accept-Encoding' };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
        return;
      }
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      requests.push(path);
      let file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root + sep)) {
        res.writeHead(403, headers).end('Forbidden');
        return;
      }
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        file = join(file, 'index.html');
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) {
        if (extname(path) !== '') {
          res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
          return;
        }
        file = indexPath; // SPA fallback: the router decides what this URL shows
        info = await stat(file);
      }
      const ext = extname(file).toLowerCase();
      const hashedName = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/.test(file);
      headers['Cache-Control'] = !cache
        ? 'no-store'
        : hashedName
          ? 'public, max-age=31536000, immutable'
          : 'no-cache';
      headers['Content-Type'] = CONTENT_TYPES[ext] ?? 'application/octet-stream';
      let body;
      const accepts = req.headers['accept-encoding'] ?? '';
      // The build's brotli copy, if the browser takes brotli and the copy is not older
      // than the file (a file rebuilt without its copy falls back to gzip).
      const brotli = COMPRESSIBLE.has(ext) && /\bbr\b/.test(accepts)
        ? await stat(`${file}.br`).catch(() => null)
        : null;
      if (brotli?.isFile() && brotli.mtimeMs >= info.mtimeMs) {
        body = await readFile(`${file}.br`);
        headers['Content-Encoding'] = 'br';
      } else if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(accepts)) {
        let cached = gzipped.get(file);
        if (cached?.mtimeMs !== info.mtimeMs) {
          cached = { mtimeMs: info.mtimeMs, body: gzipSync(await readFile(file), { level: 9 }) };
          gzipped.set(file, cached);
        }
        body = cached.body;
        headers['Content-Encoding'] = 'gzip';
      } else {
        body = await readFile(file);
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  return {
    url: `http://${host}:${server.address().port}`,
    requests,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist');
  try {
    const { url } = await serveStatic(root, { port: Number(process.env.PORT ?? 8080) });
    console.log(`Anchorpoint is at ${url}/ (release build, brotli or gzip, security headers). Stop with Ctrl+C.`);
  } catch (error) {
    console.error(`Could not serve Anchorpoint: ${error.message}`);
    process.exit(1);
  }
}
