// End-to-end harness for Anchorpoint: serves the release bundle on 127.0.0.1,
// drives Debian's Chromium through playwright-core, and checks on every journey
// that nothing left the device, nothing crashed, and every page visited passes
// axe-core with zero violations.
//
// A spec file looks like this:
//
//   import { useHarness } from './harness.mjs';
//   const { journey } = useHarness();
//   journey('a saved reflection is still there after a reload', async ({ app }) => { ... });
//
// Environment:
//   DIST      folder to serve (default: <repo>/dist, the release build)
//   CHROMIUM  browser binary (default: /usr/bin/chromium). Never a downloaded one.
//   CHROMIUM_SHELL  Chromium's headless shell, used instead when set and not HEADED:
//             e2e/run.mjs sets it (the same engine without the browser's own UI and
//             services; the journeys took about 40% less time with it, 2026-12-08)
//   HEADED=1  show the browser (needs a display)

import { mkdir } from 'node:fs/promises';
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { before, after, test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serveStatic } from '../scripts/static-server.mjs';
import { openStored } from './records.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');
const require = createRequire(import.meta.url);

export const DIST = resolve(process.env.DIST ?? join(repo, 'dist'));
export const ARTIFACTS = join(here, 'artifacts');
export const TITLE_SUFFIX = ' – Anchorpoint'; // en dash

// ---------------------------------------------------------------------------
// (1) Static server for dist/ with an SPA fallback
// ---------------------------------------------------------------------------

/**
 * Serves `root` on 127.0.0.1 at a free port with scripts/static-server.mjs, the server
 * scripts/serve.sh runs, so journeys see the same compression, headers, caching and SPA
 * fallback a person does. Every journey has a new browser context with an empty cache,
 * and a rebuilt bundle has new hashed names, so a rebuilt bundle is what is tested.
 * Resolves to { url, close(), requests } where requests lists served paths.
 */
export function serveDist(root = DIST) {
  return serveStatic(root);
}

// ---------------------------------------------------------------------------
// (2) Browser
// ---------------------------------------------------------------------------

// From ../shared/TOOLING.md: quiet on a closed network, runnable as root.
// A fresh profile folder per launch comes from playwright itself (it refuses
// --user-data-dir in launch()).
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Every request for another host goes to a proxy that is not there (the discard
  // port), so it fails in the browser and never leaves the machine. Loopback is never
  // proxied, so 127.0.0.1 is reached directly. The guard below records each such
  // request and fails the journey. Intercepting every request in the test process
  // instead (Playwright's route) did the same at about a tenth of the journeys' time.
  '--proxy-server=http://127.0.0.1:9',
];

/** Starts Debian's Chromium (its headless shell, if CHROMIUM_SHELL says where). Never downloads a browser. */
export async function launch() {
  const headed = process.env.HEADED === '1';
  const shell = headed ? undefined : process.env.CHROMIUM_SHELL;
  const executablePath = shell || process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install it with: apt-get install -y chromium chromium-headless-shell ` +
        '(or set CHROMIUM, and CHROMIUM_SHELL, to browser binaries).',
    );
  }
  return chromium.launch({
    executablePath,
    headless: !headed,
    downloadsPath: join(ARTIFACTS, 'downloads'),
    args: headed ? CHROMIUM_ARGS.filter((a) => a !== '--headless') : CHROMIUM_ARGS,
  });
}

// ---------------------------------------------------------------------------
// (3) Network guard and (5) crash capture
// ---------------------------------------------------------------------------

const LOCAL_HOST = '127.0.0.1';

function leavesDevice(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (['data:', 'blob:', 'about:'].includes(parsed.protocol)) return false;
  return parsed.hostname !== LOCAL_HOST;
}

/**
 * Watches a context: records every request that is not for 127.0.0.1 (the browser's
 * dead proxy, in CHROMIUM_ARGS, has already made it fail), records uncaught page errors
 * and Rust panics printed to the console. `problems()` lists what went wrong, in words.
 */
export async function guardContext(context, { allowCspViolations = false } = {}) {
  const external = new Set();
  const pageErrors = [];
  const consoleErrors = [];

  // The context's requests include its service workers' own (Chromium).
  context.on('request', (request) => {
    if (leavesDevice(request.url())) external.add(`${request.method()} ${request.url()}`);
  });

  const watchPage = (page) => {
    page.on('websocket', (ws) => {
      if (leavesDevice(ws.url())) external.add(`WEBSOCKET ${ws.url()}`);
    });
    page.on('pageerror', (error) => pageErrors.push(error.stack || String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);

  return {
    externalRequests: () => [...external],
    pageErrors: () => [...pageErrors],
    consoleErrors: () => [...consoleErrors],
    problems() {
      const out = [];
      if (external.size > 0) {
        out.push(`Requests for a host other than 127.0.0.1 (they failed at the browser's dead proxy):\n    ${[...external].join('\n    ')}`);
      }
      if (pageErrors.length > 0) out.push(`Uncaught page errors:\n    ${pageErrors.join('\n    ')}`);
      const panics = consoleErrors.filter((t) => /panicked at|RuntimeError/.test(t));
      if (panics.length > 0) out.push(`Rust panics:\n    ${panics.join('\n    ')}`);
      // The app itself must never need the policy bent: a refusal means an inline
      // style or script crept in, or something tried to load from elsewhere.
      const refused = consoleErrors.filter((t) => /Content Security Policy/.test(t));
      if (refused.length > 0 && !allowCspViolations) {
        out.push(`Refused by the Content-Security-Policy:\n    ${refused.join('\n    ')}`);
      }
      return out;
    },
  };
}

/** Fails listing every request for a host other than 127.0.0.1. */
export function assertNoExternalRequests(guard) {
  const external = guard.externalRequests();
  assert.deepEqual(external, [], `Requests for a host other than 127.0.0.1:\n  ${external.join('\n  ')}`);
}

// ---------------------------------------------------------------------------
// (4) Accessibility: axe-core injected from node_modules, never from a URL
// ---------------------------------------------------------------------------

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Runs axe-core on the page as it is now and fails on ANY violation, listing
 * rule, impact, help, targets and HTML. `label` names the page and state.
 */
export async function checkA11y(page, label) {
  // Let the current render settle before judging it.
  await page.waitForLoadState('load');
  const hasAxe = await page.evaluate(() => typeof window.axe !== 'undefined');
  // Evaluated through DevTools, not added as a <script>: the page's policy refuses inline
  // scripts, as it should, and must not be loosened for the tests.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.join(' '),
        html: n.html,
        summary: n.failureSummary,
      })),
    }));
  }, AXE_TAGS);
  if (violations.length > 0) {
    const lines = violations.flatMap((v) => [
      `- ${v.id} [${v.impact}] ${v.help}`,
      ...v.nodes.map(
        (n) => `    at ${n.target}\n      ${n.html}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`,
      ),
    ]);
    assert.fail(
      `axe-core found ${violations.length} accessibility violation(s) on "${label}" (${page.url()}):\n` +
        lines.join('\n'),
    );
  }
}

// ---------------------------------------------------------------------------
// (6) Page object for the journal
// ---------------------------------------------------------------------------

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * Holds every request matching `pattern` until the function it returns is called, to
 * see the page before a chunk arrives. A held request the page has since dropped (it
 * reloaded) is let go quietly.
 */
export async function holdRequests(page, pattern) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(pattern, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/**
 * Work the app does a step at a time, each step a zero-delay timer (the summary's scan,
 * the search index after start-up). To see the state between steps on any machine,
 * however fast, the app's zero-delay timers are held while the gate is shut and run one
 * at a time when the test says: the test, not the processor's speed, decides how far the
 * work has got. Call before the page loads; with `{ shut: true }` every page the tab
 * loads starts with the gate shut, so even work queued during start-up waits.
 */
export async function gateZeroDelayTimers(page, { shut = false } = {}) {
  await page.addInitScript((shut) => {
    const realSetTimeout = window.setTimeout.bind(window);
    const gate = { shut, held: [] };
    window.__timerGate = gate;
    window.setTimeout = (callback, delay, ...args) => {
      // Only the app's own timers (set from its wasm), not axe-core's or the harness's.
      if (gate.shut && !delay && typeof callback === 'function' && /wasm/.test(new Error().stack)) {
        gate.held.push(() => callback(...args));
        return 0;
      }
      return realSetTimeout(callback, delay, ...args);
    };
  }, shut);
  return {
    shut: () => page.evaluate(() => { window.__timerGate.shut = true; }),
    /** Runs the timers held so far (each may queue the next, which waits). */
    step: () => page.evaluate(() => {
      const ran = window.__timerGate.held.splice(0);
      ran.forEach((run) => run());
      return ran.length;
    }),
    open: () => page.evaluate(() => {
      const gate = window.__timerGate;
      gate.shut = false;
      gate.held.splice(0).forEach((run) => setTimeout(run, 0));
    }),
  };
}

/** A calendar date without a time or zone: { year, month (1-12), day }. */
export function civilDate(year, month, day) {
  const d = new Date(Date.UTC(year, month - 1, day));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays({ year, month, day }, days) {
  return civilDate(year, month, day + days);
}

/** A calendar date as the app stores it: "2026-11-23". */
export function isoDate({ year, month, day }) {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "Monday 23 November 2026", as the app writes the day an entry is about. */
export function longDate({ year, month, day }) {
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} ${day} ${MONTHS[month - 1]} ${year}`;
}

/** Every value in a page's local storage, exactly as stored. */
function rawStorageOf(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries({ ...localStorage })));
}

/** Stored values with Anchorpoint's frames opened to their JSON envelopes. */
function openedAll(raw) {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, openStored(v).json]));
}

export class JournalApp {
  constructor(page, baseUrl) {
    this.page = page;
    this.baseUrl = baseUrl;
    // Every address this page asked for, for checks that something was never needed.
    this.requested = [];
    page.on('request', (request) => this.requested.push(request.url()));
  }

  // --- navigation -----------------------------------------------------------

  url(path = '/') {
    return new URL(path, this.baseUrl).href;
  }

  /** Loads a path from scratch and waits for the app to render its heading. */
  async open(path = '/') {
    await this.page.goto(this.url(path));
    await this.waitForApp();
  }

  async reload() {
    await this.page.reload();
    await this.waitForApp();
  }

  async waitForApp() {
    await this.heading().waitFor({ state: 'visible' });
  }

  path() {
    return new URL(this.page.url()).pathname;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** Waits until the page's <h1> and <title> are the expected ones. */
  async expectPage(h1, title = h1) {
    await this.expectText(this.heading(), h1, { exact: true });
    await this.expectTitle(title + TITLE_SUFFIX);
  }

  async expectTitle(expected) {
    await this.waitUntil(async () => (await this.page.title()) === expected, () =>
      this.page.title().then((t) => `title to be "${expected}", was "${t}"`),
    );
  }

  async expectPath(pattern) {
    await this.waitUntil(
      async () => (typeof pattern === 'string' ? this.path() === pattern : pattern.test(this.path())),
      async () => `path to match ${pattern}, was ${this.path()}`,
    );
  }

  /** Waits for a locator's text to equal (exact) or contain `expected`. */
  async expectText(locator, expected, { exact = false } = {}) {
    await this.waitUntil(
      async () => {
        const text = await textOf(locator);
        return text !== null && (exact ? text === expected : text.includes(expected));
      },
      async () => {
        const text = await textOf(locator);
        return `text ${exact ? '' : 'containing '}"${expected}", ${
          text === null ? `found no element for ${locator}` : `got "${text}"`
        }`;
      },
    );
  }

  /**
   * Checks that nothing has been reported as set aside, and that nothing was about to
   * be: the storage notice is a chunk of its own, fetched when there is first something
   * to report, so an absent notice alone could be one still on its way.
   */
  async expectNoSetAside(message) {
    assert.equal(await this.page.locator('.app-set-aside').count(), 0, message);
    const fetched = this.requested.filter((url) => /\/split_storage_notice-/.test(url));
    assert.deepEqual(fetched, [], `${message}: the storage notice was wanted`);
  }

  /** Waits for the "set aside, nothing has been deleted" notice that names `key`. */
  async expectSetAside(key) {
    const callout = this.page.locator('.app-set-aside');
    await this.waitUntil(
      async () => {
        const text = ((await callout.allInnerTexts()).join(' ') || '').toLowerCase();
        return text.includes('set aside') && text.includes('nothing has been deleted') && text.includes(key.toLowerCase());
      },
      async () => `a set-aside warning naming ${key}, got: ${JSON.stringify(await callout.allInnerTexts())}`,
    );
  }

  async waitUntil(check, describe, timeout = 10_000) {
    const end = Date.now() + timeout;
    for (;;) {
      if (await check()) return;
      if (Date.now() > end) {
        assert.fail(`Timed out waiting for ${typeof describe === 'function' ? await describe() : describe}`);
      }
      await this.page.waitForTimeout(50);
    }
  }

  link(name) {
    return this.page.getByRole('link', { name, exact: true });
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** A link styled as a button: NHS.UK markup may give it role="button". */
  linkButton(name) {
    return this.link(name).or(this.button(name));
  }

  // --- journal page ---------------------------------------------------------

  entryList() {
    return this.page.locator('ul.app-entry-list');
  }

  /** The day-links of the listed entries, top to bottom. */
  async listedDays() {
    if ((await this.entryList().count()) === 0) return [];
    // The heading's link only: a row may also have "Tidy it" (identifiers flagged).
    return (await this.entryList().locator(':scope > li > h3 a').allInnerTexts()).map(
      normaliseSpace,
    );
  }

  /** The list items, top to bottom, as { day, href, text }. */
  async listedEntries() {
    if ((await this.entryList().count()) === 0) return [];
    return this.entryList()
      .locator(':scope > li')
      .evaluateAll((items) =>
        items.map((li) => {
          const a = li.querySelector('a');
          return {
            day: (a?.innerText ?? '').replace(/\s+/g, ' ').trim(),
            href: a?.getAttribute('href') ?? null,
            text: li.innerText.replace(/\s+/g, ' ').trim(),
          };
        }),
      );
  }

  async startWriting() {
    await this.linkButton('Write a reflection').click();
    await this.expectPage('Write a reflection');
  }

  // --- write and edit pages -------------------------------------------------

  dayInput() {
    return this.page.getByLabel('Day', { exact: true });
  }

  monthInput() {
    return this.page.getByLabel('Month', { exact: true });
  }

  yearInput() {
    return this.page.getByLabel('Year', { exact: true });
  }

  reflectionInput() {
    return this.page.getByLabel('Your reflection', { exact: true });
  }

  draftStatus() {
    return this.page.locator('.app-draft-status');
  }

  async dateFields() {
    return {
      day: await this.dayInput().inputValue(),
      month: await this.monthInput().inputValue(),
      year: await this.yearInput().inputValue(),
    };
  }

  async fillDate({ year, month, day }) {
    await this.dayInput().fill(String(day));
    await this.monthInput().fill(String(month));
    await this.yearInput().fill(String(year));
  }

  async fillReflection(text) {
    await this.reflectionInput().fill(text);
  }

  /** Types like a person, so input events fire key by key. */
  async typeReflection(text) {
    await this.reflectionInput().click();
    await this.reflectionInput().pressSequentially(text, { delay: 5 });
  }

  async saveNew() {
    await this.button('Save reflection').click();
  }

  /** Turns the passphrase lock on from its Settings page and lands back on Settings. */
  async turnOnLock(passphrase) {
    await this.open('/settings/lock');
    await this.expectPage('Turn on the lock');
    await this.page.getByLabel('Create a passphrase', { exact: true }).fill(passphrase);
    await this.page.getByLabel('Type the passphrase again', { exact: true }).fill(passphrase);
    await this.button('Turn on the lock').click();
    await this.expectPage('Settings');
    await this.expectVisibleText('The lock is on');
  }

  /** Writes a whole entry from the journal page and lands on its page. Returns its id. */
  async writeEntry({ about, text }) {
    if (this.path() !== '/write') {
      await this.open('/');
      await this.startWriting();
    }
    if (about) await this.fillDate(about);
    await this.fillReflection(text);
    await this.saveNew();
    await this.expectPath(/^\/entries\/[^/]+$/);
    await this.expectText(this.entryText(), firstLine(text));
    return this.entryId();
  }

  // --- entry page -----------------------------------------------------------

  entryId() {
    const match = /^\/entries\/([^/]+)/.exec(this.path());
    assert.ok(match, `expected an entry URL, got ${this.path()}`);
    return decodeURIComponent(match[1]);
  }

  entryText() {
    return this.page.locator('.app-entry-text');
  }

  // --- banners, callouts, errors ---------------------------------------------

  /** Waits for any element on the page to show `text`. */
  async expectVisibleText(text) {
    await this.page.getByText(text, { exact: false }).first().waitFor({ state: 'visible' });
  }

  errorSummary() {
    return this.page.locator('.nhsuk-error-summary');
  }

  async errorLinks() {
    return this.errorSummary()
      .getByRole('link')
      .evaluateAll((links) =>
        links.map((a) => ({ text: a.innerText.trim(), href: a.getAttribute('href') })),
      );
  }

  // --- focus and storage ----------------------------------------------------

  /** Describes document.activeElement: { tag, id, name, text, href }. */
  focused() {
    return this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { tag: 'body' };
      const labelled = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      return {
        tag: el.tagName.toLowerCase(),
        id: el.id || null,
        name: (labelled?.innerText ?? el.getAttribute('aria-label') ?? el.innerText ?? '')
          .replace(/\s+/g, ' ')
          .trim(),
        text: (el.innerText ?? '').replace(/\s+/g, ' ').trim(),
        href: el.getAttribute('href'),
        value: 'value' in el ? el.value : null,
      };
    });
  }

  /**
   * Presses Tab (or Shift+Tab) until `matches(focused)` holds, checks that the focused
   * element shows a focus indicator, and returns it; fails after `max` presses, listing
   * where focus went.
   */
  async tabTo(describe, matches, { shift = false, max = 40 } = {}) {
    const key = shift ? 'Shift+Tab' : 'Tab';
    const seen = [];
    for (let i = 0; i < max; i += 1) {
      await this.page.keyboard.press(key);
      const focused = await this.focused();
      if (matches(focused)) {
        await this.expectFocusVisible();
        return focused;
      }
      seen.push(focused.id ? `#${focused.id}` : `${focused.tag} "${normaliseSpace(focused.name || focused.text)}"`);
    }
    assert.fail(`${key} never reached ${describe}; focus went: ${seen.join(' → ')}`);
  }

  /** Fails unless the focused element shows a focus indicator. */
  async expectFocusVisible() {
    const style = await this.page.evaluate(() => {
      const el = document.activeElement;
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, boxShadow: s.boxShadow, background: s.backgroundColor };
    });
    const visible =
      style.outline !== 'none' || style.boxShadow !== 'none' || style.background === 'rgb(255, 235, 59)';
    assert.ok(visible, `focused element has no visible focus style: ${JSON.stringify(style)}`);
  }

  /** Every stored value, with Anchorpoint's frames opened to their JSON envelopes. */
  async storage() {
    return openedAll(await this.rawStorage());
  }

  /**
   * Every stored value, opened as `storage()` opens it, once this tab and the tabs of
   * `others` see the same local storage. Chromium keeps a copy of local storage in each
   * tab's process and passes a write on to the other tabs a moment later, so right after
   * another tab writes, this tab may not see it yet. Fails if they never agree.
   */
  async storageAgreedWith(...others) {
    const pages = [this.page, ...others.map((o) => o.page ?? o)];
    const sorted = (raw) => JSON.stringify(Object.entries(raw).sort());
    let agreed;
    await this.waitUntil(
      async () => {
        const seen = await Promise.all(pages.map(rawStorageOf));
        agreed = seen.every((raw) => sorted(raw) === sorted(seen[0])) ? seen[0] : undefined;
        return agreed !== undefined;
      },
      'the tabs to see the same local storage',
    );
    return openedAll(agreed);
  }

  /** Every stored value exactly as local storage holds it. */
  rawStorage() {
    return rawStorageOf(this.page);
  }

  anchorpointKeys() {
    return this.page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('anchorpoint.')).sort(),
    );
  }

  /** Today's date as the browser sees it. */
  today() {
    return this.page.evaluate(() => {
      const d = new Date();
      return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
    });
  }
}

/** The first match's visible text, whitespace collapsed, or null if none yet. */
async function textOf(locator) {
  if ((await locator.count()) === 0) return null;
  return normaliseSpace(await locator.first().innerText({ timeout: 1000 }).catch(() => ''));
}

export function normaliseSpace(text) {
  return String(text).replace(/\s+/g, ' ').trim();
}

function firstLine(text) {
  return text.split('\n')[0];
}

// ---------------------------------------------------------------------------
// (7) Journeys: a fresh context per test, artifacts on failure
// ---------------------------------------------------------------------------

function slug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

/**
 * Registers before/after hooks for this spec file (one server and one browser
 * per file) and returns `journey(name, fn)`, which runs `fn` in a fresh browser
 * context with { app, page, context, guard, baseUrl, a11y }. After the journey
 * it fails on requests that left 127.0.0.1, uncaught page errors and panics.
 * On failure it saves a screenshot and the page HTML in e2e/artifacts/.
 */
export function useHarness() {
  let server;
  let browser;

  before(async () => {
    server = await serveDist();
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  function journey(name, fn, { allowCspViolations = false, serviceWorkers = 'block', ...options } = {}) {
    test(name, options, async () => {
      const context = await browser.newContext({
        baseURL: server.url,
        acceptDownloads: true,
        locale: 'en-GB',
        viewport: { width: 1024, height: 800 },
        // Blocked, so every journey tests the app as served, except the offline ones.
        serviceWorkers,
      });
      context.setDefaultTimeout(10_000);
      const guard = await guardContext(context, { allowCspViolations });
      const page = await context.newPage();
      const app = new JournalApp(page, server.url);
      const a11y = (label) => checkA11y(page, label);
      let failure;
      try {
        await fn({ app, page, context, guard, baseUrl: server.url, a11y });
      } catch (error) {
        failure = error;
        await saveArtifacts(page, name).catch(() => {});
      } finally {
        const problems = guard.problems();
        await context.close();
        if (failure && problems.length > 0) {
          failure.message += `\n\nAlso:\n  ${problems.join('\n  ')}`;
        }
        if (failure) throw failure; // eslint-disable-line no-unsafe-finally
        assert.deepEqual(problems, [], problems.join('\n'));
      }
    });
  }

  return { journey, server: () => server, browser: () => browser };
}

async function saveArtifacts(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const base = join(ARTIFACTS, slug(name));
  await page.screenshot({ path: `${base}.png`, fullPage: true });
  const html = await page.content();
  const { writeFile } = await import('node:fs/promises');
  await writeFile(`${base}.html`, html);
}
