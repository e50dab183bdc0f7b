// The Content-Security-Policy contains an injection: if markup ever reached the page
// unescaped, an inline <script>, an onerror= handler or a javascript: link still could
// not run and read the journal. The app's own loader runs (allowed by its hash), and no
// other page can frame the app.

import assert from 'node:assert/strict';
import { useHarness } from './harness.mjs';

const { journey } = useHarness();

journey(
  'an injected script, inline handler and javascript: link do not run, while the app does',
  async ({ app, page, a11y }) => {
    await app.open('/');
    await app.expectPage('Your journal');
    // The release page itself has no inline script for an attacker's to hide beside.
    assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');

    const outcome = await page.evaluate(async () => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
      const ran = () => window.__injected ?? [];
      // 1. An inline <script> added to the live page.
      const script = document.createElement('script');
      script.textContent = "window.__injected = (window.__injected || []).concat('script');";
      document.body.append(script);
      // 2. An inline event handler, as unescaped markup would bring it.
      const holder = document.createElement('div');
      holder.innerHTML =
        '<img alt="" src="data:," onerror="window.__injected = (window.__injected || []).concat(\'onerror\')">';
      document.body.append(holder);
      // 3. A javascript: link, clicked.
      const link = document.createElement('a');
      link.href = "javascript:window.__injected = (window.__injected || []).concat('javascript-url')";
      link.textContent = 'injected';
      document.body.append(link);
      link.click();
      await new Promise((done) => setTimeout(done, 500));
      script.remove();
      holder.remove();
      link.remove();
      return { ran: ran(), violations };
    });
    assert.deepEqual(outcome.ran, [], `injected code ran: ${outcome.ran.join(', ')}`);
    assert.ok(
      outcome.violations.length >= 3,
      `the policy refused all three, saw: ${outcome.violations.join('; ')}`,
    );
    // The app itself still works after the attempt.
    await app.expectPage('Your journal');
    await a11y('journal after an injection attempt');
  },
  { allowCspViolations: true },
);

journey('no page can frame the journal, and the served headers say why', async ({ page, baseUrl }) => {
  const response = await page.goto(`${baseUrl}/`);
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
  assert.doesNotMatch(headers['content-security-policy'], /'unsafe-inline'/);
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['x-content-type-options'], 'nosniff');

  const framed = await page.evaluate(
    () =>
      new Promise((done) => {
        const frame = document.createElement('iframe');
        frame.title = 'framing attempt';
        frame.src = '/';
        frame.addEventListener('load', () => {
          // A refused frame holds Chromium's error page, from another origin.
          let document_;
          try {
            document_ = frame.contentDocument;
          } catch {
            document_ = null;
          }
          done(document_ === null ? null : document_.title);
        });
        document.body.append(frame);
      }),
  );
  assert.equal(framed, null, `the app loaded inside a frame (title ${framed})`);
}, { allowCspViolations: true });

journey('the app is served compressed: brotli to a browser that takes it, gzip otherwise', async ({ page, baseUrl }) => {
  const wasm = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) wasm.push([new URL(r.url()).pathname, r.headers()['content-encoding']]);
  });
  await page.goto(`${baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: 'Your journal' }).waitFor();
  assert.equal(wasm.length, 1, 'one wasm file for the journal page');
  const [path, encoding] = wasm[0];
  assert.equal(encoding, 'br', 'Chromium takes brotli, so it gets the build’s brotli copy');

  // The same file for a client that takes only gzip, and for one that takes neither:
  // all three are the same bytes once decoded.
  const { gunzipSync, brotliDecompressSync } = await import('node:zlib');
  const http = await import('node:http');
  const get = (acceptEncoding) => new Promise((done, fail) => {
    http.get(`${baseUrl}${path}`, { headers: { 'Accept-Encoding': acceptEncoding } }, (res) => {
      const parts = [];
      res.on('data', (b) => parts.push(b));
      res.on('end', () => done({ encoding: res.headers['content-encoding'], body: Buffer.concat(parts) }));
    }).on('error', fail);
  });
  const plain = await get('identity');
  const gzip = await get('gzip, deflate');
  const brotli = await get('gzip, deflate, br');
  assert.equal(plain.encoding, undefined);
  assert.equal(gzip.encoding, 'gzip');
  assert.equal(brotli.encoding, 'br');
  assert.ok(brotli.body.length < gzip.body.length, 'brotli is the smaller');
  assert.ok(gunzipSync(gzip.body).equals(plain.body), 'gzip decodes to the file');
  assert.ok(brotliDecompressSync(brotli.body).equals(plain.body), 'brotli decodes to the file');
});
