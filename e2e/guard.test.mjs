// The harness's own promise, tested: in every journey a request for any host other than
// 127.0.0.1 fails inside the browser, so it never leaves the machine, and the guard
// reports it so the journey fails. The browser sends such requests to a proxy that is
// not there (CHROMIUM_ARGS); the app's own server on 127.0.0.1 is still reached
// directly.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { test } from 'node:test';
import { launch, serveDist, guardContext, checkA11y } from './harness.mjs';

/** This machine's first address that is not loopback, if it has one. */
function outsideAddress() {
  for (const list of Object.values(networkInterfaces())) {
    for (const address of list ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  return null;
}

test('a request for another host fails in the browser, reaches nothing, and the guard reports it', async () => {
  const browser = await launch();
  const app = await serveDist();
  // A server on this machine's own outside address: without the guard, the browser
  // would reach it, as it would reach any other host.
  const outside = outsideAddress();
  const reached = [];
  const listener = createServer((req, res) => {
    reached.push(req.url);
    res.end('reached');
  });
  await new Promise((done) => listener.listen(0, '0.0.0.0', done));
  try {
    const context = await browser.newContext();
    const guard = await guardContext(context);
    const page = await context.newPage();

    // An address no host has (TEST-NET-3): the request fails at the dead proxy, not on
    // the network.
    const failed = await page.goto('http://203.0.113.9/leak?words=1').then(() => null, (e) => e.message);
    assert.match(failed ?? 'it loaded', /ERR_PROXY_CONNECTION_FAILED/);
    const expected = ['GET http://203.0.113.9/leak?words=1'];

    if (outside) {
      const url = `http://${outside}:${listener.address().port}/leak`;
      const refused = await page.goto(url).then(() => null, (e) => e.message);
      assert.match(refused ?? 'it loaded', /ERR_PROXY_CONNECTION_FAILED/);
      expected.push(`GET ${url}`);
    }
    assert.deepEqual(reached, [], 'nothing reached the server on the outside address');
    assert.deepEqual(guard.externalRequests(), expected);
    assert.match(guard.problems().join('\n'), /203\.0\.113\.9/, 'the journey would fail');

    // The app itself, on 127.0.0.1, is reached directly and starts (in a new tab: the
    // first still shows Chromium's error page).
    const tab = await context.newPage();
    await tab.goto(`${app.url}/`);
    await tab.getByRole('heading', { level: 1, name: 'Your journal' }).waitFor();
    await checkA11y(tab, 'journal after the guard turned requests away');
    assert.deepEqual(guard.externalRequests(), expected, 'the app asked for no other host');
    await context.close();
  } finally {
    listener.close();
    await app.close();
    await browser.close();
  }
});
