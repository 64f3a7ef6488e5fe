// Builds the servable site into dist/ from the plain ES modules in www/ and
// the Wasm module in www/pkg/ (scripts/build-wasm.sh): `make build`, `make
// serve` and the browser tests use it.
//
// Why a build at all: unbuilt, the editor fetched 27 modules in four waves of
// imports and asked for the Wasm module and the sample only after the last
// wave. Built, every page loads its entry and the shared chunks it imports in
// one wave (the HTML names them all with <link rel="modulepreload">), while
// the Wasm module and the sample, preloaded by the HTML itself, arrive beside
// them (index.html holds all of these in a template that first-paint.js
// starts, on a first visit once the sample's picture is on screen); the core is compiled as it streams in (wasm-bindgen's init with a
// URL: `WebAssembly.instantiateStreaming`). Parts few visits use (another
// language's texts, the Organization editors, the embed snippet) are
// separate chunks loaded with import() when first needed.
//
// What dist/ holds:
//   *.html          the pages of www/, each with the modulepreload links of
//                   the chunks its entry imports; index.html also with its
//                   texts in English and the sample drawn in three layouts
//   app.js, teach.js, demo.js, first-diagram.js, plan-worker.js
//                   the pages' entries (and the editor's worker that
//                   makes plans), minified, sharing chunk-*.js
//                   (first-diagram.js: the editor's script that draws a
//                   first visit's sample before app.js runs); the
//                   parts loaded on demand are <module>-<hash>.js
//   element.js      the custom element on its own: one file that carries
//                   the glue of the diagram's own Wasm module
//                   (pkg/diagram_bg.wasm, without the editor's API), so an
//                   intranet copies it and that module (and models/ for the
//                   sample); embed.js and demo.js import it
//   wiki.js         draws ```workforce-ecosystem blocks of Markdown-made
//                   pages; on its own too, importing only element.js
//   embed.js        embed.html's script, on its own too (it imports only
//                   element.js), so the iframe is a few files with fixed names
//   core-start.js   the first script of the editor and the classroom page:
//                   compiles the Wasm module while the rest arrives
//   first-paint.js  the editor's first paint (a classic script): puts one of
//                   the sample's drawings that index.html carries in the
//                   diagram before the modules and the core have arrived
//   pkg/workforce_ecosystem.js, i18n.js, fragment.js, snippet.js
//                   the same modules as in www/, for scripts (and the browser
//                   tests) that import them: they re-export the chunks the
//                   pages use, so a script shares the page's running core
//   pkg/workforce_ecosystem_bg.wasm, pkg/diagram_bg.wasm, models/, *.css
//                   (minified), favicon.svg
//
// Every file of a chunk sits at the top of dist/ so that
// `new URL('./pkg/…', import.meta.url)` means the same there as in www/.
import * as esbuild from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { escapeHtml } from '../www/snippet.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const WWW = join(ROOT, 'www');
export const DIST = join(ROOT, 'dist');

/** Browsers with module scripts, import maps era features and `WebAssembly.instantiateStreaming`. */
const TARGET = ['chrome111', 'edge111', 'firefox113', 'safari16.4'];
const GLUE = 'pkg/workforce_ecosystem.js';
const WASM = 'pkg/workforce_ecosystem_bg.wasm';
/** The embeddable diagram's smaller module (scripts/build-wasm.sh), which element.js carries the glue of. */
const DIAGRAM_WASM = 'pkg/diagram_bg.wasm';

/**
 * wasm-bindgen's glue finds the Wasm module beside itself (pkg/); bundled,
 * its code moves to a file at the top of dist/, so the default URL gets the
 * folder. The pages pass the URL anyway; this keeps `init()` without one
 * (the element's, a script's) right.
 */
const gluePlugin = {
  name: 'wasm-glue-url',
  setup(build) {
    build.onLoad({ filter: /[\\/]pkg[\\/](workforce_ecosystem|diagram)\.js$/ }, (args) => {
      const wasm = `${basename(args.path, '.js')}_bg.wasm`;
      const from = `new URL('${wasm}', import.meta.url)`;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(from)) throw new Error(`${args.path}: the glue no longer says ${from}; update scripts/build-page.mjs`);
      return { contents: text.replace(from, `new URL('./pkg/${wasm}', import.meta.url)`), loader: 'js' };
    });
  },
};

/**
 * Modules that stay files of their own, imported at run time: the element
 * (embed.js and demo.js import dist/element.js) and core-start.js, which a
 * page runs as its first script and its entry imports, sharing one instance.
 */
const apartPlugin = {
  name: 'modules-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/(element|core-start)\.js$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: args.path, external: true },
    );
  },
};

/**
 * A stylesheet imported `with { type: 'text' }` (element.js's diagram.css)
 * becomes its minified text, as dist/ serves the file itself.
 */
const cssTextPlugin = {
  name: 'css-text',
  setup(build) {
    build.onLoad({ filter: /\.css$/ }, async (args) => {
      if (args.with.type !== 'text') return undefined;
      const { code } = await esbuild.transform(readFileSync(args.path, 'utf8'), { loader: 'css', minify: true, target: TARGET, charset: 'utf8' });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

const COMMON = {
  absWorkingDir: WWW,
  bundle: true,
  format: 'esm',
  minify: true,
  target: TARGET,
  charset: 'utf8',
  legalComments: 'none',
  outdir: DIST,
  outbase: WWW,
  metafile: true,
  logLevel: 'warning',
};

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function copy(rel) {
  mkdirSync(dirname(join(DIST, rel)), { recursive: true });
  copyFileSync(join(WWW, rel), join(DIST, rel));
}

/** The output files (relative to dist/) a built module imports statically, transitively. */
function staticImports(metafile, out, seen = new Set()) {
  // (the metafile's paths are relative to www/, esbuild's working directory)
  const meta = metafile.outputs[relative(WWW, join(DIST, out)).split('\\').join('/')];
  for (const imp of meta?.imports ?? []) {
    if (imp.kind !== 'import-statement') continue;
    const file = imp.external ? join(dirname(out), imp.path) : relative(DIST, join(WWW, imp.path));
    const rel = file.split('\\').join('/').replace(/^\.\//, '');
    if (seen.has(rel)) continue;
    seen.add(rel);
    staticImports(metafile, rel, seen);
  }
  return seen;
}

/**
 * A page of www/ for dist/: after each module script, the modulepreload
 * links of everything it imports, so the browser asks for all of it at once
 * instead of discovering one wave of imports after another.
 */
function buildHtml(name, metafile, { firstDrawings, english }) {
  let html = readFileSync(join(WWW, name), 'utf8');
  const named = new Set();
  html = html.replace(/( *)<script type="module" src="([^"]+)"><\/script>\n/g, (tag, indent, src) => {
    if (!existsSync(join(DIST, src))) throw new Error(`${name}: ${src} was not built`);
    const links = [...staticImports(metafile, src)]
      .filter((f) => !named.has(f) && f !== src)
      .map((f) => {
        named.add(f);
        return `${indent}<link rel="modulepreload" href="${f}">\n`;
      });
    named.add(src);
    return tag + links.join('');
  });
  if (FIRST_DRAWINGS.test(html)) html = inEnglish(name, html, english).replace(FIRST_DRAWINGS, () => firstDrawings);
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    if (!/\ssrc="/.test(tag)) throw new Error(`${name}: ${tag} — only external scripts are allowed (strict CSP)`);
  }
  writeFileSync(join(DIST, name), html);
}

/**
 * The page's static texts written in English into its HTML, as
 * translateStatic() (i18n.js) would write them: the page with a first paint
 * shows a whole page around it, labels and all, and keeps its size when the
 * scripts come. A visit in another language hides them until its own are in
 * (first-paint.js, the `wfe-translating` class).
 */
function inEnglish(name, html, english) {
  const say = (key) => {
    if (!(key in english)) throw new Error(`${name}: no English for ${key}`);
    return escapeHtml(english[key]);
  };
  return html
    .replace(/(<(\w+)\b[^>]*\sdata-i18n="([^"]+)"[^>]*>)(<\/\2>)/g, (_, open, _tag, key, close) => `${open}${say(key)}${close}`)
    .replace(/\sdata-i18n-(aria-label|title|placeholder|aria-description)="([^"]+)"/g, (attr, name, key) => `${attr} ${name}="${say(key)}"`);
}

/** Where index.html asks for the sample's first drawings (first-paint.js). */
const FIRST_DRAWINGS = /<!-- first drawings:[^>]*-->/;

/**
 * The editor's first paint (www/first-paint.js): the sample drawn by the
 * built core, in each layout, as the page's first drawing draws it
 * (first-diagram.js: overlay current, changes shown), each in a <template>;
 * wide's and square's carry the numbers the core chooses a layout by
 * (Workspace fit). The core runs here in Node; `draw` is given a stand-in
 * container whose markup it sets.
 */
async function makeFirstDrawings() {
  const glue = await import(pathToFileURL(join(WWW, GLUE)).href);
  glue.initSync({ module: readFileSync(join(WWW, WASM)) });
  const ws = new glue.Workspace(readFileSync(join(WWW, 'models/sample.json'), 'utf8'));
  try {
    const fit = ws.fit({ overlay: 'current' });
    return ['wide', 'square', 'narrow'].map((layout) => {
      const box = { innerHTML: '', querySelectorAll: () => ({ length: 0, item: () => null }) };
      ws.forgetDrawing();
      ws.draw(/** @type {any} */ (box), { overlay: 'current', showChanges: true, layout });
      if (!box.innerHTML.startsWith('<svg')) throw new Error(`the core drew no ${layout} sample`);
      const size = fit[layout];
      const data = size ? ` data-width="${size.width}" data-height="${size.height}" data-min-scale="${size.minScale}"` : '';
      return `<template id="first-drawing-${layout}"${data}>${box.innerHTML}</template>`;
    }).join('\n');
  } finally {
    ws.free();
  }
}

export async function buildSite() {
  for (const wasm of [WASM, DIAGRAM_WASM]) {
    if (!existsSync(join(WWW, wasm))) throw new Error(`${wasm} is missing: run scripts/build-wasm.sh (or make wasm) first`);
  }
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(DIST, { recursive: true });

  const pages = await esbuild.build({
    ...COMMON,
    entryPoints: ['app.js', 'first-diagram.js', 'plan-worker.js', 'teach.js', 'demo.js', GLUE, 'i18n.js', 'fragment.js', 'snippet.js'],
    splitting: true,
    entryNames: '[dir]/[name]',
    chunkNames: '[name]-[hash]',
    plugins: [gluePlugin, apartPlugin],
  });
  // The embeddable files stand alone: the element bundles its own copy of
  // the glue, embed.js and wiki.js all they need but the element.
  const element = await esbuild.build({
    ...COMMON,
    entryPoints: ['element.js', 'embed.js', 'wiki.js', 'core-start.js'],
    plugins: [gluePlugin, apartPlugin, cssTextPlugin],
  });
  // The first paint runs as a classic script, while the page is parsed.
  const firstPaint = await esbuild.build({ ...COMMON, format: 'iife', entryPoints: ['first-paint.js'] });
  const firstPage = {
    firstDrawings: await makeFirstDrawings(),
    english: (await import(pathToFileURL(join(WWW, 'i18n/en.js')).href)).default,
  };
  const metafile = { outputs: { ...pages.metafile.outputs, ...element.metafile.outputs, ...firstPaint.metafile.outputs } };

  // `import.meta.url` must only be read by files at the top of dist/ (see above).
  for (const out of Object.keys(metafile.outputs)) {
    const rel = relative(DIST, join(WWW, out));
    if (rel.includes('/') && readFileSync(join(DIST, rel), 'utf8').includes('import.meta.url')) {
      throw new Error(`dist/${rel} reads import.meta.url but is not at the top of dist/`);
    }
  }

  for (const file of walk(WWW).map((p) => relative(WWW, p))) {
    if (file.endsWith('.css')) {
      const { code } = await esbuild.transform(readFileSync(join(WWW, file), 'utf8'), {
        loader: 'css',
        minify: true,
        target: TARGET,
        charset: 'utf8',
      });
      writeFileSync(join(DIST, file), code);
    } else if (file === WASM || file === DIAGRAM_WASM || file.startsWith('models/') || file.endsWith('.svg') || /^i18n\/core-[\w-]+\.json$/.test(file)) {
      copy(file);
    }
  }
  for (const name of readdirSync(WWW).filter((f) => f.endsWith('.html'))) buildHtml(name, metafile, firstPage);
  return metafile;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const metafile = await buildSite();
  const files = walk(DIST);
  const bytes = files.reduce((n, f) => n + readFileSync(f).length, 0);
  const chunks = Object.keys(metafile.outputs).filter((o) => basename(o).startsWith('chunk-')).length;
  console.log(`built dist/: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB (${chunks} shared chunks)`);
}
