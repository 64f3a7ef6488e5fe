// The survey page's script (embedded by `wfe survey`, hashed in the page's
// content-security policy): one person scores the cells they are asked
// about and saves their answer as a response file that `wfe merge` and the
// page's *Responses to merge…* read. Everything shown comes from the model
// and the setup (the page's words, in its language, and the units it is
// for) embedded in the page, as text (textContent), never as markup.
(() => {
  // the script runs: the line saying it could not goes
  document.getElementById('survey-blocked')?.remove();
  const model = JSON.parse(document.getElementById('survey-model').textContent);
  const { words, units } = JSON.parse(document.getElementById('survey-setup').textContent);
  /** @type {(id: string) => any} the page's own elements, by id */
  const $ = (id) => document.getElementById(id);
  const el = (tag, props = {}, kids = []) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(props)) {
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const k of kids) e.append(k);
    return e;
  };
  const fw = model.framework;
  const scale = model.scale;
  const steps = [];
  for (let v = scale.min; v <= scale.max; v += 1) steps.push(v);
  const levelText = (v) => (scale.labels?.[v - scale.min] ? `${v} – ${scale.labels[v - scale.min]}` : String(v));
  const choose = (name, label) => {
    const s = el('select', { name, 'aria-label': label });
    s.append(el('option', { value: '', text: '—' }));
    for (const v of steps) s.append(el('option', { value: String(v), text: levelText(v) }));
    return s;
  };
  // One unit: its cells. Several: the respondent chooses theirs. None: the
  // whole organization's cells.
  /** @type {HTMLSelectElement | null} */
  const unitPicker = $('survey-unit');
  if (unitPicker) for (const u of units) unitPicker.append(el('option', { value: u.id, text: u.label }));
  const unit = () => (unitPicker ? unitPicker.value : units[0]?.id ?? '');
  /** @type {HTMLSelectElement} */
  const who = $('survey-player');
  for (const p of fw.players) who.append(el('option', { value: p.id, text: p.label }));
  /** @type {HTMLTableSectionElement} */
  const body = $('survey-cells');
  for (const th of fw.themes) {
    for (const p of fw.players) {
      const name = `${th.label}, ${p.label}`;
      const row = el('tr', { 'data-theme': th.id, 'data-player': p.id }, [
        el('th', { scope: 'row', text: th.label }),
        el('td', { text: p.label }),
        el('td', { 'data-label': words.current }, [choose('current', `${name}: ${words.current}`)]),
        el('td', { 'data-label': words.target }, [choose('target', `${name}: ${words.target}`)]),
      ]);
      body.append(row);
    }
  }
  who.addEventListener('change', () => {
    for (const row of body.rows) row.hidden = who.value !== '' && row.dataset.player !== who.value;
  });
  $('survey-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const name = $('survey-name').value.trim();
    const status = $('survey-status');
    if (!name) {
      status.textContent = words.needName;
      $('survey-name').focus();
      return;
    }
    if (unitPicker && !unit()) {
      status.textContent = words.needUnit;
      unitPicker.focus();
      return;
    }
    const assessments = [];
    for (const row of body.rows) {
      if (row.hidden) continue;
      const [current, target] = [...row.querySelectorAll('select')].map((s) => s.value);
      if (current === '') continue;
      const a = { theme: row.dataset.theme, player: row.dataset.player, current: Number(current) };
      if (unit()) a.unit = unit();
      if (target !== '') a.target = Number(target);
      assessments.push(a);
    }
    if (!assessments.length) {
      status.textContent = words.needScore;
      return;
    }
    const respondent = {};
    const role = $('survey-role').value.trim();
    if (role) respondent.role = role;
    const d = new Date();
    const pad = (n) => String(n).padStart(2, '0');
    respondent.date = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    const response = {
      schema: 'workforce-ecosystem/v1',
      name,
      framework: fw,
      scale,
      units: model.units,
      respondent,
      assessments,
    };
    const blob = new Blob([JSON.stringify(response, null, 2)], { type: 'application/json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: `${words.file}-${name.replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60) || words.file}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    status.textContent = assessments.length === 1 ? words.savedOne : words.savedOther.replace('{count}', String(assessments.length));
  });
})();
