import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, startServer, openPage } from './harness.mjs';

let browser, server, origin;
before(async () => {
  browser = await launch();
  ({ server, origin } = await startServer());
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the page draws the sample diagram under the strict CSP', async () => {
  const page = await openPage(browser, `${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const cells = await page.locator('#diagram svg .cell').count();
  assert.equal(cells, 24);
  assert.deepEqual(page.problems, []);
});
