import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setup } from './harness.mjs';

const env = setup();

test('the page draws the sample diagram under the strict CSP', async () => {
  const page = await openPage(env.browser, `${env.origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const cells = await page.locator('#diagram svg .cell').count();
  assert.equal(cells, 24);
  assert.deepEqual(page.problems, []);
});
