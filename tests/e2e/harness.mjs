// Shared set-up for the browser tests: serves the built site (dist/, made by
// `make build` from www/) under the strict CSP and drives Debian's Chromium
// through playwright-core (no browser downloads).
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve, CSP } from '../../scripts/serve.mjs';

/** The built site the tests run against. */
export const SITE = fileURLToPath(new URL('../../dist/', import.meta.url));

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) throw new Error('Chromium not found: apt-get install chromium, or set CHROMIUM');
  return found;
}

export const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium once per test file. */
export async function launch() {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
}

/** Serves the built site (under the CSP) on a free port; resolves to { server, origin }. */
export async function startServer(options) {
  if (!existsSync(`${SITE}index.html`)) throw new Error('dist/ is not built: run `make build` (or node scripts/build-page.mjs)');
  const server = await serve(SITE, 0, '127.0.0.1', options);
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Starts Chromium and the server once per test file; `env.browser` and
 * `env.origin` are set before the first test. */
export function setup() {
  const env = {};
  before(async () => {
    env.browser = await launch();
    ({ server: env.server, origin: env.origin } = await startServer());
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/**
 * Opens a fresh page in its own context and records console errors, page
 * errors and CSP violations in `page.problems`; tests assert it stays empty.
 */
export async function openPage(browser, url, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  // Nothing may leave the machine: any request off this origin is a failure.
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.protocol === 'data:' || u.protocol === 'blob:' || u.hostname === '127.0.0.1') return route.continue();
    page.problems.push(`network: ${u.href}`);
    return route.abort();
  });
  if (url) await page.goto(url);
  return page;
}

/**
 * Serves `body` as the HTML page at `url` to `page` under the content
 * policy `csp` (the strict one unless told): a page of a test's own, as an
 * intranet or a wiki would serve it.
 */
export function servePage(page, url, body, csp = CSP) {
  return page.route(url, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', headers: { 'Content-Security-Policy': csp }, body }),
  );
}
