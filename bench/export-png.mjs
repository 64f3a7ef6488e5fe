// `make bench`: how long Export ▸ PNG takes in the editor, from the click on
// the menu item to the file handed to the browser, as a user triggers it
// (real mouse clicks: Chromium withholds idle time for about a second after
// input, which is what made the export take 1.1 s while it encoded with
// canvas.toBlob()). Prints the median and the slowest of a few runs; not a
// test, it exits 0.
import { launch, startServer } from '../tests/e2e/harness.mjs';

const RUNS = Number(process.env.BENCH_PNG_RUNS ?? 8);
const browser = await launch();
const { server, origin } = await startServer();
try {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.evaluate(() => {
    const w = /** @type {any} */ (window);
    w.pngTimes = [];
    document.addEventListener('click', (e) => {
      if (/** @type {Element} */ (e.target).closest?.('[data-export="png"]')) w.pngStart = performance.now();
    }, true);
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      if (this.download.endsWith('.png')) w.pngTimes.push(performance.now() - w.pngStart);
      return click.call(this);
    };
  });
  for (let i = 0; i < RUNS; i += 1) {
    await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.click('#export');
        await page.click('[data-export="png"]');
      })(),
    ]);
  }
  const times = (await page.evaluate(() => /** @type {any} */ (window).pngTimes)).sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`Export ▸ PNG (sample, 1366×768, click to file): median ${median.toFixed(0)} ms, slowest ${times.at(-1).toFixed(0)} ms over ${times.length} runs`);
} finally {
  await browser.close();
  server.close();
}
