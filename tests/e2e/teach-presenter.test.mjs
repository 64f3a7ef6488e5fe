// The presenter view on screens of every usual size: every part of each step
// (the text, its buttons, the drawing and its captions) lies on the screen,
// none under another, the Leave button covers nothing; where a step truly
// cannot fit (200 % zoom) its text scrolls within its own box, never above
// the top. Leaving gives the keyboard back to the Presenter view button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, setup } from './harness.mjs';

const env = setup();

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 683, height: 450 },
];

async function openTeach(viewport) {
  const page = await openPage(env.browser, `${env.origin}/teach.html`, { viewport });
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

async function present(page) {
  await page.click('#presenter');
  await page.waitForFunction(() => document.getElementById('stage').classList.contains('is-presenting'));
  // (the type is fitted once the stage has its full-screen size)
  await page.waitForTimeout(300);
}

/**
 * What is wrong with the current step on screen: each of the panel's and
 * the drawing's parts brought into view (the panel scrolled to it when the
 * step does not fit) must lie within the screen and within the panel's box;
 * the Leave button must overlap none of the step's controls.
 */
function problemsOnScreen(page) {
  return page.evaluate(() => {
    const out = [];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const name = (e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`;
    const inside = (r, b) => r.left >= b.left - 1 && r.top >= b.top - 1 && r.right <= b.right + 1 && r.bottom <= b.bottom + 1;
    const screen = { left: 0, top: 0, right: vw, bottom: vh };
    const stage = document.getElementById('stage');
    const panel = document.getElementById('tour-panel');
    const parts = [...panel.querySelectorAll('.tour-kicker, .tour-title, .tour-body p, .tour-controls > *, .tour-dot')];
    for (const part of parts) {
      part.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = part.getBoundingClientRect();
      if (!inside(r, screen)) out.push(`${name(part)} off the screen: ${JSON.stringify(r.toJSON())}`);
      if (!inside(r, panel.getBoundingClientRect())) out.push(`${name(part)} out of the panel's box`);
    }
    const figure = document.getElementById('tour-diagram');
    for (const part of [...figure.querySelectorAll('svg text'), ...figure.querySelectorAll('.tour-scores')]) {
      part.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = part.getBoundingClientRect();
      if (r.width > 0 && !inside(r, screen)) out.push(`diagram ${name(part)} "${part.textContent.slice(0, 30)}" off the screen: ${JSON.stringify(r.toJSON())}`);
    }
    panel.scrollTop = 0;
    stage.scrollTop = 0;
    const panelBox = panel.getBoundingClientRect();
    const leave = document.getElementById('leave-presenter').getBoundingClientRect();
    if (!inside(leave, screen)) out.push('the Leave button is off the screen');
    for (const other of [...panel.querySelectorAll('button, .tour-count'), figure]) {
      for (const r of other.getClientRects()) {
        // (the part of a scrolled panel hidden by its box is not on show)
        const top = Math.max(r.top, other === figure ? 0 : panelBox.top);
        const bottom = Math.min(r.bottom, other === figure ? vh : panelBox.bottom);
        const overlaps = r.left < leave.right && r.right > leave.left && top < leave.bottom && bottom > leave.top;
        if (overlaps) out.push(`the Leave button covers ${name(other)}`);
      }
    }
    return out;
  });
}

test('presenter view: every step on screen, nothing covered, at every screen size', async () => {
  for (const viewport of SIZES) {
    const page = await openTeach(viewport);
    await present(page);
    for (let i = 0; i < 8; i++) {
      assert.deepEqual(await problemsOnScreen(page), [], `step ${i + 1} at ${viewport.width}×${viewport.height}`);
      if (viewport.height >= 720) {
        const [scroll, client, stageScroll, stageClient] = await page.evaluate(() => {
          const p = document.getElementById('tour-panel');
          const s = document.getElementById('stage');
          return [p.scrollHeight, p.clientHeight, s.scrollHeight, s.clientHeight];
        });
        assert.ok(scroll <= client + 1, `step ${i + 1} fits without scrolling at ${viewport.width}×${viewport.height} (${scroll} > ${client})`);
        assert.ok(stageScroll <= stageClient + 1, `the stage does not scroll at ${viewport.width}×${viewport.height}`);
      }
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('presenter view: a long organization name keeps the title block and caption on screen', async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1024, height: 768 }]) {
    const page = await openTeach(viewport);
    const sample = JSON.parse(await page.evaluate(async () => (await fetch('models/sample.json')).text()));
    sample.name = `Harbourline Group, ${'its regional subsidiaries and partner organizations '.repeat(3)}`;
    await page.setInputFiles('#model-file', { name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('regional'));
    await present(page);
    assert.deepEqual(await problemsOnScreen(page), [], `${viewport.width}×${viewport.height}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('leaving the presenter view gives focus back to the Presenter view button, in full screen and in the window', async () => {
  for (const mode of ['fullscreen', 'window']) {
    const page = await openTeach({ width: 1280, height: 800 });
    if (mode === 'window') {
      await page.evaluate(() => {
        Element.prototype.requestFullscreen = () => Promise.reject(new TypeError('refused'));
      });
    }
    await present(page);
    const inMode = await page.evaluate(() => (document.fullscreenElement ? 'fullscreen' : 'window'));
    assert.equal(inMode, mode);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.getElementById('stage').classList.contains('is-presenting'));
    await page.waitForFunction(() => document.activeElement?.id === 'presenter', null, { timeout: 2000 }).catch(() => {});
    assert.equal(await page.evaluate(() => document.activeElement?.id || document.activeElement?.localName), 'presenter', mode);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('pressing Enter on Next past the last step never goes back', async () => {
  const page = await openTeach({ width: 1280, height: 800 });
  await present(page);
  await page.focus('.tour-next');
  for (let i = 0; i < 12; i++) await page.keyboard.press('Enter');
  assert.equal(await page.textContent('#tour-panel .tour-count'), 'Step 8 of 8');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tour-next');
  assert.equal(await page.getAttribute('.tour-next', 'aria-disabled'), 'true');
  assert.equal(await page.getAttribute('.tour-prev', 'aria-disabled'), 'false');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the key hint speaks of Escape only where Escape does something', async () => {
  const page = await openTeach({ width: 1280, height: 800 });
  assert.doesNotMatch(await page.textContent('.tour-keys'), /Esc/);
  assert.equal(await page.isVisible('#leave-presenter'), false);
  await present(page);
  assert.equal(await page.isVisible('.tour-keys'), false);
  assert.match(await page.textContent('#leave-presenter'), /\(Esc\)/);
  assert.equal(await page.getAttribute('#leave-presenter', 'aria-keyshortcuts'), 'Escape');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('presenter view: the drawing as large as its room allows, its text readable (12 px or more)', async () => {
  for (const viewport of SIZES) {
    const page = await openTeach(viewport);
    await present(page);
    const m = await page.evaluate(() => {
      const figure = document.getElementById('tour-diagram');
      const svg = figure.querySelector('svg');
      const box = svg.getBoundingClientRect();
      const view = svg.viewBox.baseVal;
      const scale = Math.min(box.width / view.width, box.height / view.height);
      const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
      // The room: the figure's width, and (side by side) its height less the caption's.
      const room = figure.getBoundingClientRect();
      const caption = figure.querySelector('.tour-scores')?.getBoundingClientRect().height ?? 0;
      return { smallest: Math.min(...sizes), width: view.width * scale, height: view.height * scale, roomWidth: room.width, roomHeight: room.height - caption };
    });
    const at = `${viewport.width}×${viewport.height}`;
    assert.ok(m.smallest >= 12, `diagram text ${m.smallest.toFixed(1)} px at ${at}`);
    const fills = m.width >= m.roomWidth * 0.97 || m.height >= m.roomHeight * 0.93;
    assert.ok(fills, `the drawing (${Math.round(m.width)}×${Math.round(m.height)}) fills its room (${Math.round(m.roomWidth)}×${Math.round(m.roomHeight)}) at ${at}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('at 200 % zoom the tour and the handout keep their text readable and the page scrolls', async () => {
  /** The smallest text of the drawing in `selector`, in CSS px. */
  const smallest = (page, selector) =>
    page.$eval(selector, (svg) => {
      const box = svg.getBoundingClientRect();
      const view = svg.viewBox.baseVal;
      const scale = Math.min(box.width / view.width, box.height / view.height);
      return Math.min(...[...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
  // 1366×900 at 200 %: 683×450 CSS px.
  const page = await openTeach({ width: 683, height: 450 });
  const tour = await smallest(page, '#tour-diagram svg');
  assert.ok(tour >= 12, `the tour's text ${tour.toFixed(1)} px`);
  assert.ok(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight), 'the page scrolls');
  await page.click('#tab-blank');
  const blank = await smallest(page, '#blank-diagram svg');
  assert.ok(blank >= 12, `the handout's text ${blank.toFixed(1)} px`);
  assert.deepEqual(page.problems, []);
  await page.context().close();
  // A window tall enough keeps the drawing within it.
  const tall = await openTeach({ width: 1280, height: 800 });
  const box = await tall.$eval('#tour-diagram svg', (svg) => svg.getBoundingClientRect().height);
  assert.ok(box <= 800 - 128 + 1, `the drawing (${box} px) fits the window's height`);
  await tall.context().close();
});

test('in the presenter view Space and Enter go forward, after a click on a step dot too; only Esc or Leave leaves', async () => {
  const page = await openTeach({ width: 1920, height: 1080 });
  await present(page);
  const now = () =>
    page.evaluate(() => ({
      step: document.querySelector('#tour-panel .tour-count').textContent,
      presenting: document.getElementById('stage').classList.contains('is-presenting'),
      fullscreen: Boolean(document.fullscreenElement),
      focus: document.activeElement?.id || document.activeElement?.className,
    }));
  // The keyboard is on the slide, not on the Leave button (whose ring would show on the slide).
  assert.equal((await now()).focus, 'stage');
  await page.keyboard.press('Space');
  assert.deepEqual(await now(), { step: 'Step 2 of 8', presenting: true, fullscreen: true, focus: 'stage' });
  await page.keyboard.press('Enter');
  assert.deepEqual(await now(), { step: 'Step 3 of 8', presenting: true, fullscreen: true, focus: 'stage' });
  // A click on the first step's dot, then Space and Enter: on from there.
  await page.click('.tour-dot >> nth=0');
  assert.equal((await now()).step, 'Step 1 of 8');
  await page.keyboard.press('Space');
  assert.deepEqual(await now(), { step: 'Step 2 of 8', presenting: true, fullscreen: true, focus: 'stage' });
  await page.keyboard.press('Enter');
  assert.equal((await now()).step, 'Step 3 of 8');
  // (a click on Previous, then Space: forward again, not Previous pressed once more)
  await page.click('.tour-prev');
  await page.keyboard.press('Space');
  assert.deepEqual(await now(), { step: 'Step 3 of 8', presenting: true, fullscreen: true, focus: 'stage' });
  // The Leave button is sized with the slide (not 13 px on a 1080-line projector).
  const leave = await page.$eval('#leave-presenter', (b) => parseFloat(getComputedStyle(b).fontSize));
  assert.ok(leave >= 18, `the Leave button's text ${leave} px at 1920×1080`);
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('stage').classList.contains('is-presenting'));
  assert.equal((await now()).step, 'Step 3 of 8');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('presenter view at 1280×720: in French and with renamed players the drawing keeps the names on it, large', async () => {
  const renamed = async (page) => {
    const sample = JSON.parse(await page.evaluate(async () => (await fetch('models/sample.json')).text()));
    const names = { 'senior-leaders': 'Executive board', procurement: 'Sourcing desk', 'finance-legal': 'CFO office', 'business-unit-leaders': 'Line managers', it: 'Digital', hr: 'People & Culture' };
    const themes = { leadership: 'Community & trust', integration: 'Joined-up functions', technology: 'Shared data platforms', management: 'Everyday contributor management' };
    sample.framework = {
      players: Object.entries(names).map(([id, label]) => ({ id, label })),
      themes: Object.entries(themes).map(([id, label]) => ({ id, label })),
    };
    await page.setInputFiles('#model-file', { name: 'renamed.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(sample)) });
    await page.waitForFunction(() => document.querySelector('#tour-diagram svg')?.textContent.includes('Executive board'));
    return 'Executive board';
  };
  const french = async (page) => {
    await page.selectOption('#lang', 'fr');
    await page.waitForFunction(() => document.querySelector('#tour-panel .tour-count')?.textContent.startsWith('Étape'));
    return 'Direction générale';
  };
  const both = async (page) => {
    const name = await renamed(page);
    await french(page);
    return name;
  };
  for (const [how, prepare] of [['French', french], ['renamed', renamed], ['renamed, in French', both]]) {
    const page = await openTeach({ width: 1280, height: 720 });
    const name = await prepare(page);
    await present(page);
    for (let i = 0; i < 8; i++) {
      const m = await page.evaluate(() => {
        const svg = document.querySelector('#tour-diagram svg');
        const box = svg.getBoundingClientRect();
        const view = svg.viewBox.baseVal;
        const scale = Math.min(box.width / view.width, box.height / view.height);
        const sizes = [...svg.querySelectorAll('text')].filter((t) => t.textContent.trim()).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return {
          layout: document.getElementById('tour-diagram').dataset.layout,
          names: [...svg.querySelectorAll('.player-label')].map((l) => l.textContent.trim()),
          width: view.width * scale,
          smallest: Math.min(...sizes),
        };
      });
      const at = `${how}, step ${i + 1}`;
      assert.notEqual(m.layout, 'narrow', `${at}: not the numbered drawing`);
      assert.ok(m.names.includes(name), `${at}: "${name}" on the drawing (${m.names.join(', ')})`);
      assert.ok(m.width >= 600, `${at}: the drawing is ${Math.round(m.width)} px wide`);
      assert.ok(m.smallest >= 12, `${at}: its text ${m.smallest.toFixed(1)} px`);
      assert.deepEqual(await problemsOnScreen(page), [], at);
      // the step's buttons whole, inside the text's column ("Suivant →" lost its edge)
      const outside = await page.evaluate(() => {
        const panel = document.getElementById('tour-panel').getBoundingClientRect();
        return [...document.querySelectorAll('#tour-panel .tour-controls button')]
          .filter((b) => b.getBoundingClientRect().right > panel.right + 0.5)
          .map((b) => b.textContent);
      });
      assert.deepEqual(outside, [], `${at}: buttons past the column`);
      await page.keyboard.press('ArrowRight');
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('presenter view: the drawing stays put from step to step, whatever the length of the sentence of scores', async () => {
  for (const viewport of [{ width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    const page = await openTeach(viewport);
    await present(page);
    const places = [];
    for (let i = 0; i < 8; i++) {
      places.push(
        await page.evaluate(() => {
          const svg = document.querySelector('#tour-diagram svg');
          const title = svg.querySelector('.caption-title') ?? svg;
          const r = svg.getBoundingClientRect();
          return [r.left, r.top, r.width, r.height, title.getBoundingClientRect().top].map((x) => Math.round(x)).join(' ');
        }),
      );
      await page.keyboard.press('ArrowRight');
    }
    assert.equal(new Set(places).size, 1, `${viewport.width}×${viewport.height}: ${places.join(' / ')}`);
    // The sentence is still on the slide, with the step's words.
    assert.ok(await page.isVisible('#tour-panel .tour-scores'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});
