// Renders an SVG file to a PNG in headless Chromium, to look at a diagram the
// way a browser draws it.
//
//   node scripts/snapshot.mjs IN.svg OUT.png [--width 1600] [--grey]
//   node scripts/snapshot.mjs --url http://localhost:8080/ OUT.png [--width 1280]
//
// --grey prints it as a greyscale printer would. --url screenshots a page
// (waiting for body[data-ready]) instead of a file.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { chromiumPath, LAUNCH_ARGS } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [, value] = args.splice(i, 2);
  return value;
};
const grey = args.includes('--grey') && args.splice(args.indexOf('--grey'), 1);
const url = flag('--url');
const width = Number(flag('--width') ?? (url ? 1280 : 1600));
const [input, output] = url ? [undefined, args[0]] : args;
if (!output || (!url && !input)) {
  console.error('usage: node scripts/snapshot.mjs IN.svg OUT.png [--width N] [--grey] | --url URL OUT.png');
  process.exit(2);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: LAUNCH_ARGS });
try {
  if (url) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(url);
    await page.waitForSelector('body[data-ready]', { timeout: 15000 }).catch(() => {});
    await page.screenshot({ path: output, fullPage: true });
  } else {
    const svg = readFileSync(input);
    const page = await browser.newPage({ viewport: { width, height: 400 } });
    const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    // The wrapper page is ours, not the SVG's: the SVG itself stays as exported.
    await page.setContent(
      `<body style="margin:0;background:#fff"><img id="d" src="${src}" style="display:block;width:${width}px${
        grey ? ';filter:grayscale(1)' : ''
      }"></body>`,
    );
    await page.waitForFunction(() => document.getElementById('d').complete);
    await page.locator('#d').screenshot({ path: output });
  }
  console.log(`wrote ${output}`);
} finally {
  await browser.close();
}
