// Runs inside headless Chromium (driven by bench/browser.mjs): times, on the
// same data, this project's diagram (Wasm: parse + layout + SVG + insert +
// layout flush) against the floor — the 24 cells as a hand-built SVG string
// set as innerHTML, layout flushed — and against Mermaid's radar-beta chart
// (parse + layout + SVG + insert + layout flush). A lower bound beside them:
// the core's own drawing of the sample, made once ahead of time, set as
// innerHTML with the layout flushed: what showing the diagram's texts,
// titles and legend costs with no core work at all. Results land on
// window.__results.
import init, { Workspace } from '../www/pkg/workforce_ecosystem.js';
import { sampleText } from '../www/assets.js';
import { chevronSvg } from './floor.mjs';
import mermaid from '../node_modules/mermaid/dist/mermaid.esm.min.mjs';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

async function main() {
  await init();
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
  const json = await sampleText();
  const model = JSON.parse(json);
  const players = (model.framework?.players) ?? [
    { id: 'senior-leaders', label: 'Senior leaders' }, { id: 'procurement', label: 'Procurement' },
    { id: 'finance-legal', label: 'Finance & legal' }, { id: 'business-unit-leaders', label: 'Business unit leaders' },
    { id: 'it', label: 'IT' }, { id: 'hr', label: 'HR' }];
  // The radar's two curves: each player's mean current and target score.
  const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
  const cur = players.map((p) => mean(model.assessments.filter((a) => a.player === p.id).map((a) => a.current)));
  const tgt = players.map((p) => mean(model.assessments.filter((a) => a.player === p.id && a.target != null).map((a) => a.target)));
  const axes = players.map((p, i) => `p${i}["${p.label.replace(/["\\]/g, '')}"]`).join(', ');
  const radar = `radar-beta\n  axis ${axes}\n  curve current["Current"]{${cur.map((x) => x.toFixed(2)).join(', ')}}\n  curve target["Target"]{${tgt.map((x) => x.toFixed(2)).join(', ')}}\n  max 4\n  min 0\n`;

  const runs = Number(new URLSearchParams(location.search).get('runs') ?? 30);
  const ours = document.getElementById('ours');
  const floor = document.getElementById('by-hand');
  const theirs = document.getElementById('mermaid');
  const timesOurs = [];
  const timesFloor = [];
  const timesMermaid = [];
  const timesDrawn = [];
  const parts = { parse: [], svg: [], insert: [] };
  // The core keeps its last layouts (src/layout/memo.rs), so from the
  // second run on the sample's is reused, as on a page that draws again.
  // A first drawing of a framework: each run renames a theme.
  const whole = new Workspace(json);
  const renamed = whole.model();
  whole.free();
  const timesFresh = [];
  for (let i = 0; i < runs + 3; i++) {
    renamed.framework.themes[0].label = `Integration ${i}`;
    const text = JSON.stringify(renamed);
    const t0 = performance.now();
    const ws = new Workspace(text);
    ours.innerHTML = ws.svg({ overlay: 'current' });
    ours.getBoundingClientRect();
    ours.querySelector('svg').getBBox();
    if (i >= 3) timesFresh.push(performance.now() - t0);
    ws.free();
  }
  for (let i = 0; i < runs + 3; i++) {
    let t0 = performance.now();
    const ws = new Workspace(json);
    const t1 = performance.now();
    const drawing = ws.svg({ overlay: 'current' });
    const t2 = performance.now();
    ours.innerHTML = drawing;
    ours.getBoundingClientRect();
    ours.querySelector('svg').getBBox();
    const a = performance.now() - t0;
    ws.free();
    if (i >= 3) {
      parts.parse.push(t1 - t0);
      parts.svg.push(t2 - t1);
      parts.insert.push(t0 + a - t2);
    }

    t0 = performance.now();
    ours.innerHTML = drawing;
    ours.getBoundingClientRect();
    ours.querySelector('svg').getBBox();
    if (i >= 3) timesDrawn.push(performance.now() - t0);

    t0 = performance.now();
    floor.innerHTML = chevronSvg();
    floor.getBoundingClientRect();
    floor.querySelector('svg').getBBox();
    const f = performance.now() - t0;
    if (i >= 3) timesFloor.push(f);

    t0 = performance.now();
    const { svg } = await mermaid.render(`radar${i}`, radar);
    theirs.innerHTML = svg;
    theirs.getBoundingClientRect();
    theirs.querySelector('svg').getBBox();
    const b = performance.now() - t0;
    if (i >= 3) { timesOurs.push(a); timesMermaid.push(b); } // first runs warm up
  }
  window.__results = {
    runs,
    ours: {
      median: median(timesOurs), p95: p95(timesOurs), cells: ours.querySelectorAll('.cell').length,
      parse: median(parts.parse), svg: median(parts.svg), insert: median(parts.insert),
      fresh: median(timesFresh),
    },
    drawn: { median: median(timesDrawn) },
    floor: { median: median(timesFloor), p95: p95(timesFloor), cells: floor.querySelectorAll('.cell').length },
    mermaid: { median: median(timesMermaid), p95: p95(timesMermaid), paths: theirs.querySelectorAll('path').length },
  };
}
main().catch((e) => { window.__results = { error: String(e && e.stack || e) }; });
