// Two lower bounds for bench/cold.mjs, written to bench/generated/ (not kept
// in git: they follow the core) from the built core in Node. Each is one
// small module, like the floor's, that inserts the core's own drawing of the
// sample (the wide layout, current scores, with the diagram's stylesheet linked) as one
// SVG string, made ahead of time:
//
// - drawn.html inserts it at once: what laying out the diagram's 42 texts,
//   titles and legend costs over the floor's 24 bare paths;
// - bound.html first compiles the diagram's Wasm module
//   (`WebAssembly.compileStreaming`, not even instantiated): no page that
//   waits for the core to draw can show its diagram sooner.
//
// They bound what the element and embed.html can reach without a picture
// drawn ahead of time: those also run their scripts, read the model and
// lay it out before inserting the same drawing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { withSample } from './snippet-page.mjs';

const ROOT = new URL('../', import.meta.url);
export const DRAWN_PAGE = '/bench/generated/drawn.html';
export const BOUND_PAGE = '/bench/generated/bound.html';

const page = (title, script) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>${title}</title>
  <link rel="stylesheet" href="/dist/diagram.css">
  <script type="module" src="${script}"></script>
</head>
<body>
  <h1>Our workforce ecosystem</h1>
  <div id="diagram"></div>
</body>
</html>
`;

export async function writeBoundPages() {
  const svg = await withSample((ws) => ws.svg({ overlay: 'current', layout: 'wide' }));
  const dir = new URL('./bench/generated/', ROOT);
  mkdirSync(dir, { recursive: true });
  const insert = `document.getElementById('diagram').innerHTML = ${JSON.stringify(svg)};`;
  writeFileSync(new URL('drawn.mjs', dir), `${insert}\n`);
  writeFileSync(new URL('drawn.html', dir), page('The core’s drawing inserted by one small script', 'drawn.mjs'));
  writeFileSync(
    new URL('bound.mjs', dir),
    `await WebAssembly.compileStreaming(fetch('/dist/pkg/diagram_bg.wasm'));\n${insert}\n`,
  );
  writeFileSync(new URL('bound.html', dir), page('The core compiled, then its drawing inserted', 'bound.mjs'));
}
