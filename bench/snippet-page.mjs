// The benchmark's page with the custom element as the editor's Embed dialog
// gives it (Share ▸ Embed in a page): the sample, current scores, read-only,
// the model inline and the core's picture of it (Workspace.picture), under a
// heading, with the element's files in /dist/. Written to bench/generated/
// (not kept in git: it follows the core) from the built core in Node.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
export const SNIPPET_PAGE = '/bench/generated/snippet.html';

/** What `use` makes of a workspace of the shipped sample, in the built core run in Node. */
export async function withSample(use) {
  const glue = await import(new URL('www/pkg/workforce_ecosystem.js', ROOT).href);
  glue.initSync({ module: readFileSync(new URL('www/pkg/workforce_ecosystem_bg.wasm', ROOT)) });
  const ws = new glue.Workspace(readFileSync(new URL('dist/models/sample.json', ROOT), 'utf8'));
  try {
    return await use(ws);
  } finally {
    ws.free();
  }
}

export async function writeSnippetPage() {
  const { embedSnippet } = await import(new URL('www/snippet.js', ROOT).href);
  const view = { overlay: 'current' };
  const { element } = await withSample((ws) =>
    embedSnippet(JSON.stringify(ws.model()), { ...view, base: '/dist/', picture: ws.picture({ ...view, standalone: true }) }));
  const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <title>An intranet page with the Embed dialog's snippet</title>
</head>
<body>
  <h1>Our workforce ecosystem</h1>
${element}</body>
</html>
`;
  const file = new URL(`.${SNIPPET_PAGE}`, ROOT);
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, page);
  return fileURLToPath(file);
}
