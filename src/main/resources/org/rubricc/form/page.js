// The rater's page (rubricc compile --target form). Everything it knows about the rubric comes from the
// embedded validator module: its data (rubric) and its logic (skipped, required, justificationsRequired,
// validate). This script decides nothing about the language; it shows, asks and stores.
// Rubric and item text reach the DOM only as text nodes and attribute properties, never as markup.

const V = await (async () => {
  const b64 = document.getElementById('validator-module').textContent.replace(/\s+/g, '');
  const bin = atob(b64), bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/javascript' }));
  try {
    return await import(url);
  } finally {
    URL.revokeObjectURL(url);
  }
})();
const R = V.rubric;

// ---- storage: every key starts with rubricc:<rubric id>@<version>: (the rater id is shared by all rubrics) ----
const PREFIX = 'rubricc:' + R.id + '@' + R.version + ':';
const KEY = {
  rater: 'rubricc:rater',
  items: PREFIX + 'items',
  position: PREFIX + 'position',
  rating: (item) => PREFIX + 'rating:' + item,
  draft: (item) => PREFIX + 'draft:' + item,
};
function read(key) {
  try {
    const s = localStorage.getItem(key);
    return s === null ? null : JSON.parse(s);
  } catch {
    return null;
  }
}
function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch (e) {
    status('Could not write to this browser\u2019s storage (' + e.name + '): export your ratings now.', 'bad');
    return false;
  }
}
function remove(key) {
  try { localStorage.removeItem(key); } catch { /* nothing to lose */ }
}

// ---- DOM helpers ----
const $ = (id) => document.getElementById(id);
function el(tag, props, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k === 'for' || k === 'role' || k.startsWith('aria-') || k.startsWith('data-')) e.setAttribute(k, v);
    else e[k] = v;
  }
  for (const kid of kids) if (kid !== null && kid !== undefined && kid !== false) e.append(kid);
  return e;
}
const codePoints = (s) => [...s].length;

// ---- a small Markdown subset, built as DOM nodes: paragraphs, lists, emphasis, strong, code, http(s) links ----
const INLINE = /(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)|\*\*(?=\S)([\s\S]*?\S)\*\*|__(?=\S)([\s\S]*?\S)__|\*(?=[^\s*])([\s\S]*?[^\s*])\*|(?<![\p{L}\p{N}_])_(?=[^\s_])([\s\S]*?[^\s_])_(?![\p{L}\p{N}_])|\[([^\]\n]*)\]\(\s*([^()\s]*)\s*\)|\\([!-/:-@[-`{-~])/gu;
function inline(text, parent) {
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) parent.append(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) parent.append(el('code', { text: m[2] }));
    else if (m[3] !== undefined || m[4] !== undefined) inline(m[3] ?? m[4], parent.appendChild(el('strong')));
    else if (m[5] !== undefined || m[6] !== undefined) inline(m[5] ?? m[6], parent.appendChild(el('em')));
    else if (m[7] !== undefined) {
      const safe = /^https?:\/\/[^\s]+$/i.test(m[8]);
      const a = safe ? el('a', { href: m[8], rel: 'noopener noreferrer', target: '_blank' }) : el('span');
      inline(m[7], parent.appendChild(a));
    } else parent.append(m[9]);
  }
  if (last < text.length) parent.append(text.slice(last));
}
const ITEM = /^\s{0,3}(?:[-*+]|\d{1,9}[.)])\s+/;
function markdown(text, cls) {
  const box = el('div', { class: 'md' + (cls ? ' ' + cls : '') });
  for (const block of String(text).replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    if (!block.trim()) continue;
    const lines = block.split('\n');
    if (ITEM.test(lines[0])) {
      const list = box.appendChild(el(/^\s*\d/.test(lines[0]) ? 'ol' : 'ul'));
      let li = null;
      for (const line of lines) {
        if (ITEM.test(line) || li === null) {
          li = list.appendChild(el('li'));
          inline(line.replace(ITEM, ''), li);
        } else {
          li.append('\n');
          inline(line.trim(), li);
        }
      }
    } else {
      inline(lines.map((l) => l.trim()).join('\n'), box.appendChild(el('p')));
    }
  }
  return box;
}

// ---- the questions, built once from the rubric ----
const dims = new Map(R.dimensions.map((d) => [d.id, d]));
const rules = new Map(R.rules.map((r) => [r.id, r]));
const ui = new Map(); // dimension id -> its controls
const sections = [];

function choicesOf(d) {
  const s = d.scale, out = [];
  if (s.kind === 'ordinal') for (const p of s.points) out.push({ value: p.value, shown: String(p.value), label: p.label, description: p.description });
  else if (s.kind === 'categorical' || s.kind === 'multi') for (const c of s.choices) out.push({ value: c.id, label: c.label, description: c.description });
  else if (s.kind === 'boolean') out.push({ value: true, label: s.yesLabel }, { value: false, label: s.noLabel });
  return out;
}

/** The digit that chooses the i-th answer. */
const key = (i) => (i < 9 ? String(i + 1) : i === 9 ? '0' : '');

function renderDimension(d) {
  const s = d.scale;
  const u = { d, values: [], inputs: [], na: null, free: null };
  const errId = 'err-' + d.id;
  u.fs = el('fieldset', { class: 'q', id: 'q-' + d.id, 'data-dim': d.id, 'aria-describedby': errId });
  u.reqMark = el('span', { class: 'req' });
  u.fs.append(el('legend', null, el('span', { text: d.title }), ' ', u.reqMark));
  u.fs.append(el('p', { class: 'question', id: 'question-' + d.id, text: d.question }));
  const choices = choicesOf(d);
  const na = d.notApplicable !== null && d.notApplicable !== undefined;
  if (s.kind === 'ordinal' || s.kind === 'categorical' || s.kind === 'boolean') {
    u.mode = 'radio';
    const list = el('div', { class: 'options', role: 'radiogroup', 'aria-labelledby': 'question-' + d.id });
    const all = na ? [...choices, { value: 'n/a', shown: 'n/a', label: d.notApplicable }] : choices;
    all.forEach((c, i) => {
      const input = el('input', { type: 'radio', name: 'a-' + d.id, value: String(i), id: 'a-' + d.id + '-' + i });
      u.inputs.push(input);
      u.values.push(c.value);
      list.append(el('label', { class: 'option', for: input.id }, input,
        el('span', { class: 'key', 'aria-hidden': c.shown === key(i) ? undefined : 'true', text: key(i) }),
        el('span', null, c.shown !== undefined && c.shown !== key(i) ? el('span', { class: 'val', text: c.shown }) : null, el('span', { class: 'name', text: c.label })),
        c.description ? el('span', { class: 'anchor', text: c.description }) : null));
    });
    u.fs.append(list);
  } else {
    const wrap = el('div', { class: 'free' });
    if (s.kind === 'multi') {
      u.mode = 'multi';
      const list = el('div', { class: 'options' });
      choices.forEach((c, i) => {
        const input = el('input', { type: 'checkbox', value: String(i), id: 'a-' + d.id + '-' + i });
        u.inputs.push(input);
        u.values.push(c.value);
        list.append(el('label', { class: 'option', for: input.id }, input,
          el('span', { class: 'key', 'aria-hidden': 'true', text: i < 9 ? String(i + 1) : i === 9 ? '0' : '' }),
          el('span', { class: 'name', text: c.label }), c.description ? el('span', { class: 'anchor', text: c.description }) : null));
      });
      const max = s.max ?? choices.length;
      wrap.append(el('p', { class: 'hint', text: 'Choose ' + (s.min === max ? s.min : s.min + ' to ' + max) + '.' }), list);
    } else if (s.kind === 'range') {
      u.mode = 'range';
      u.free = el('input', { type: 'number', id: 'a-' + d.id, min: String(s.min), max: String(s.max), step: s.step === undefined ? 'any' : String(s.step) });
      const hint = 'From ' + s.min + ' to ' + s.max + (s.step === undefined ? '' : ', in steps of ' + s.step) + '.';
      wrap.append(el('label', { for: u.free.id, text: 'Answer (' + hint + ')' }), ' ', u.free);
    } else {
      u.mode = 'text';
      u.free = el('textarea', { id: 'a-' + d.id, rows: 3 });
      u.freeCount = el('span', { class: 'count' });
      const len = 'at least ' + s.minLength + (s.maxLength !== undefined ? ', at most ' + s.maxLength : '') + ' characters';
      u.freeLen = len;
      wrap.append(el('label', { for: u.free.id, text: 'Answer (' + len + ')' }), u.free, u.freeCount);
      if (s.format) wrap.append(el('p', { class: 'hint', text: 'Format: ' + s.format }));
    }
    if (na) {
      u.na = el('input', { type: 'checkbox', id: 'a-' + d.id + '-na' });
      wrap.append(el('label', { class: 'option', for: u.na.id }, u.na, el('span', { class: 'key', 'aria-hidden': 'true' }), el('span', { class: 'name', text: 'Not applicable: ' + d.notApplicable })));
    }
    u.fs.append(wrap);
  }
  u.errors = el('ul', { class: 'errors', id: errId });
  u.fs.append(u.errors);

  // justification: shown when the module says one is required
  u.just = el('div', { class: 'just', hidden: true });
  u.justArea = el('textarea', { id: 'j-' + d.id, rows: 2, 'aria-describedby': 'jc-' + d.id + ' jerr-' + d.id });
  u.justLabel = el('label', { for: u.justArea.id });
  u.justCount = el('span', { class: 'count', id: 'jc-' + d.id });
  u.justErrors = el('ul', { class: 'errors', id: 'jerr-' + d.id });
  u.just.append(u.justLabel, u.justArea, u.justCount, u.justErrors);
  u.fs.append(u.just);

  // guidance, examples and the edge-case rules that concern the question
  const help = el('div', { class: 'help' });
  if (d.guidance) help.append(markdown(d.guidance));
  if (d.examples.length) {
    const ul = el('ul', { class: 'examples' });
    for (const ex of d.examples) {
      const c = choices.find((x) => x.value === ex.value);
      const li = ul.appendChild(el('li', null, el('span', { class: 'kind', text: 'Example, ' + (c ? (c.shown ? c.shown + ' ' : '') + c.label : ex.label) + ': ' })));
      inline(ex.text, li);
    }
    help.append(ul);
  }
  if (d.rules.length) {
    const ul = el('ul', { class: 'rules' });
    for (const id of d.rules) {
      const r = rules.get(id);
      if (!r) continue;
      const li = ul.appendChild(el('li', null, el('span', { class: 'kind', text: (id.startsWith('table:') ? 'Decision table: ' : 'Edge case: ') + r.title })));
      if (r.effect) li.append(markdown(r.effect, 'effect'));
      if (r.guidance) li.append(markdown(r.guidance));
    }
    help.append(ul);
  }
  if (help.childNodes.length) u.fs.append(help);

  if (!d.required) {
    u.clear = el('button', { type: 'button', class: 'clear', text: 'Clear answer' });
    u.clear.addEventListener('click', () => { setAnswer(u, undefined); changed(); });
    u.fs.append(u.clear);
  }
  ui.set(d.id, u);
  return u.fs;
}

function renderForm() {
  const form = $('form');
  for (const s of R.sections) {
    const sec = el('section', { class: 'sec', 'aria-labelledby': 'sec-' + s.id });
    sec.append(el('h2', { id: 'sec-' + s.id, text: s.title }));
    if (s.guidance) sec.append(markdown(s.guidance, 'section-guidance'));
    for (const id of s.dimensions) sec.append(renderDimension(dims.get(id)));
    sections.push({ s, el: sec });
    form.append(sec);
  }
  const actions = el('div', { class: 'actions' });
  actions.append(el('button', { type: 'button', id: 'save', class: 'primary', text: 'Save and next' }));
  actions.append(el('span', { class: 'hint', text: 'Enter saves (Ctrl+Enter in a text box).' }));
  form.append(actions, el('ul', { class: 'errors', id: 'general-errors', 'aria-live': 'polite' }));
}

// ---- answers: read from and written to the controls ----
function answerOf(u, soFar) {
  switch (u.mode) {
    case 'radio': {
      const i = u.inputs.findIndex((x) => x.checked);
      return i < 0 ? undefined : u.values[i];
    }
    case 'multi': {
      if (u.na && u.na.checked) return 'n/a';
      const picked = u.values.filter((_, i) => u.inputs[i].checked);
      if (picked.length) return picked;
      // nothing ticked is the answer "none of these" when an answer is required, no answer otherwise
      return V.required(soFar).includes(u.d.id) ? [] : undefined;
    }
    case 'range':
      if (u.na && u.na.checked) return 'n/a';
      return u.free.value === '' ? undefined : Number(u.free.value);
    default:
      if (u.na && u.na.checked) return 'n/a';
      return u.free.value === '' ? undefined : u.free.value;
  }
}
function setAnswer(u, v) {
  if (u.na) u.na.checked = v === 'n/a';
  if (u.mode === 'radio') u.inputs.forEach((x, i) => { x.checked = v !== undefined && u.values[i] === v; });
  else if (u.mode === 'multi') u.inputs.forEach((x, i) => { x.checked = Array.isArray(v) && v.includes(u.values[i]); });
  else u.free.value = v === undefined || v === 'n/a' ? '' : String(v);
  if (u.free) u.free.disabled = v === 'n/a';
  if (u.mode === 'multi') u.inputs.forEach((x) => { x.disabled = v === 'n/a'; });
}
function collect() {
  const answers = {};
  for (const u of ui.values()) {
    const v = answerOf(u, answers);
    if (v !== undefined) answers[u.d.id] = v;
  }
  return answers;
}

let items = [];
let position = 0;
let showAll = false; // after a refused save, every problem is shown until the item changes
let lastQuestion = null;

/** Applies the module's logic to the controls; returns the rating as it would be saved. */
function refresh() {
  let answers = collect();
  for (let round = 0; round < ui.size; round++) {
    const skip = V.skipped(answers).filter((id) => answers[id] !== undefined);
    if (!skip.length) break;
    for (const id of skip) setAnswer(ui.get(id), undefined);
    answers = collect();
  }
  const skipped = new Set(V.skipped(answers));
  const required = new Set(V.required(answers));
  const justify = new Map(V.justificationsRequired(answers).map((j) => [j.dimension, j.minLength]));
  const justifications = {};
  for (const [id, u] of ui) {
    u.fs.hidden = skipped.has(id);
    u.reqMark.textContent = required.has(id) ? '' : '(optional)';
    if (u.na) {
      if (u.free) u.free.disabled = u.na.checked;
      if (u.mode === 'multi') u.inputs.forEach((x) => { x.disabled = u.na.checked; });
    }
    const min = justify.get(id);
    u.justMin = min;
    u.just.hidden = min === undefined;
    if (min !== undefined) {
      u.justLabel.textContent = 'Justification for \u201C' + u.d.title + '\u201D (at least ' + min + ' characters)';
      const n = codePoints(u.justArea.value);
      u.justCount.textContent = n + ' / ' + min + ' characters';
      u.justCount.className = 'count ' + (n >= min ? 'enough' : 'short');
      if (u.justArea.value !== '') justifications[id] = u.justArea.value;
    }
    if (u.freeCount) u.freeCount.textContent = codePoints(u.free.value) + ' characters, ' + u.freeLen;
  }
  for (const { s, el: sec } of sections) sec.hidden = s.dimensions.every((id) => skipped.has(id));
  const item = items[position];
  const rating = { rubric: R.id, version: R.version, item: item ? item.id : '', rater: $('rater').value, answers };
  if (Object.keys(justifications).length) rating.justifications = justifications;
  const violations = V.validate(rating);
  show(showAll ? violations : violations.filter((v) => v.code === 'rule-violated'));
  return { rating, violations };
}

function target(path) {
  const m = /^\/(answers|justifications)\/(.*)$/.exec(path);
  if (m) {
    const u = ui.get(m[2].replace(/~1/g, '/').replace(/~0/g, '~'));
    if (u) return { u, just: m[1] === 'justifications' };
  }
  return { rater: path === '/rater' };
}
function show(violations) {
  for (const u of ui.values()) {
    u.errors.replaceChildren();
    u.justErrors.replaceChildren();
    u.fs.classList.remove('invalid');
    for (const x of [...u.inputs, u.free, u.justArea, u.na]) if (x) x.removeAttribute('aria-invalid');
  }
  const general = $('general-errors');
  general.replaceChildren();
  $('rater').removeAttribute('aria-invalid');
  for (const v of violations) {
    const t = target(v.path);
    if (t.u) {
      (t.just ? t.u.justErrors : t.u.errors).append(el('li', { text: v.message }));
      t.u.fs.classList.add('invalid');
      for (const x of t.just ? [t.u.justArea] : [...t.u.inputs, t.u.free]) if (x) x.setAttribute('aria-invalid', 'true');
    } else {
      general.append(el('li', { text: (v.path === '/rater' ? 'Rater id: ' : '') + v.message }));
      if (t.rater) $('rater').setAttribute('aria-invalid', 'true');
    }
  }
}
function focusProblem(v) {
  const t = target(v.path);
  let x = $('save');
  if (t.rater) x = $('rater');
  else if (t.u && t.just) x = t.u.justArea;
  else if (t.u) x = firstControl(t.u);
  x.focus();
  x.scrollIntoView({ block: 'center' });
}
function firstControl(u) {
  if (u.mode === 'radio') return u.inputs.find((x) => x.checked) || u.inputs[0];
  if (u.mode === 'multi') return u.na && u.na.checked ? u.na : u.inputs[0];
  return u.free.disabled ? u.na : u.free;
}
const visible = () => [...ui.values()].filter((u) => !u.fs.hidden);

// ---- items ----
function status(text, kind) {
  const s = $('status');
  s.textContent = text;
  s.className = 'status' + (kind ? ' ' + kind : '');
}
function savedCount() {
  return items.reduce((n, it) => n + (read(KEY.rating(it.id)) ? 1 : 0), 0);
}
function progress() {
  $('progress').textContent = items.length
    ? 'Item ' + (position + 1) + ' of ' + items.length + ' \u00B7 ' + savedCount() + ' saved'
    : 'No items loaded';
  $('prev').disabled = position <= 0;
  $('next').disabled = position >= items.length - 1;
}
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
function imageSource(v) {
  const m = SCHEME.exec(v);
  if (!m) return v; // a path, relative to this page
  const s = m[1].toLowerCase();
  return s === 'http' || s === 'https' || s === 'file' || s === 'blob' || (s === 'data' && /^data:image\//i.test(v)) ? v : null;
}
function renderItem() {
  const box = $('item');
  box.replaceChildren();
  if (R.description) {
    const about = el('details', { class: 'about' }, el('summary', { text: 'About this rubric' }));
    about.append(markdown(R.description));
    box.append(about);
  }
  const item = items[position];
  if (!item) {
    box.append(el('p', { class: 'empty', text: 'Choose a JSON Lines file of items (one object per line, with an "id" and '
      + R.itemFields.map((f) => '"' + f.id + '"').join(', ') + ') with \u201CItems\u201D above.' }));
    return;
  }
  const heading = el('h2', null, 'Item ', el('span', { text: item.id }));
  const saved = read(KEY.rating(item.id));
  if (saved) heading.append(el('span', { class: 'saved-badge', text: read(KEY.draft(item.id)) ? 'saved, edited since' : 'saved' }));
  box.append(heading);
  const fields = el('div', { class: 'item-fields' });
  for (const f of R.itemFields) {
    const v = item[f.id];
    const fig = el(f.kind === 'image' ? 'figure' : 'div', { class: 'item-field ' + f.kind });
    const label = el(f.kind === 'image' ? 'figcaption' : 'div', { class: 'label', text: f.label });
    fig.append(label);
    if (f.description) fig.append(el('p', { class: 'desc', text: f.description }));
    if (v === undefined || v === null || v === '') fig.append(el('p', { class: 'missing', text: 'This item has no ' + f.label + '.' }));
    else if (f.kind === 'image' && typeof v === 'string' && imageSource(v) !== null) fig.insertBefore(el('img', { src: imageSource(v), alt: f.label, decoding: 'async' }), label);
    else if (f.kind === 'url' && typeof v === 'string' && /^https?:\/\/\S+$/i.test(v)) fig.append(el('p', { class: 'value' }, el('a', { href: v, rel: 'noopener noreferrer', target: '_blank', text: v })));
    else fig.append(el('p', { class: 'value', text: typeof v === 'string' ? v : JSON.stringify(v) }));
    fields.append(fig);
  }
  box.append(fields);
}

/** Shows item i with its draft, or else its saved rating. */
function go(i, focus = true) {
  if (!items.length) return;
  position = Math.max(0, Math.min(items.length - 1, i));
  write(KEY.position, position);
  showAll = false;
  renderItem();
  const item = items[position];
  const r = read(KEY.draft(item.id)) || read(KEY.rating(item.id)) || { answers: {}, justifications: {} };
  for (const u of ui.values()) {
    setAnswer(u, r.answers ? r.answers[u.d.id] : undefined);
    u.justArea.value = (r.justifications && r.justifications[u.d.id]) || '';
  }
  refresh();
  progress();
  if (focus) {
    const qs = visible();
    const first = qs.find((u) => !(u.d.id in r.answers)) || qs[0];
    if (first) {
      firstControl(first).focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
  }
}
function changed() {
  const { rating } = refresh();
  const item = items[position];
  if (item) write(KEY.draft(item.id), { answers: rating.answers, justifications: rating.justifications || {} });
}

function save() {
  const item = items[position];
  if (!item) {
    status('Load a file of items first.', 'bad');
    $('items-file').focus();
    return;
  }
  const { rating, violations } = refresh();
  if (violations.length) {
    showAll = true;
    refresh();
    status('Not saved: ' + violations.length + (violations.length === 1 ? ' problem. ' : ' problems. ') + violations[0].message, 'bad');
    focusProblem(violations[0]);
    return;
  }
  if (!write(KEY.rating(item.id), rating)) return;
  remove(KEY.draft(item.id));
  if (position < items.length - 1) {
    go(position + 1);
    status('Saved ' + item.id + '.', 'ok');
  } else {
    renderItem();
    progress();
    status('Saved ' + item.id + '. That was the last item: export your ratings.', 'ok');
    $('export').focus();
  }
}

async function loadItems(file) {
  const text = await file.text();
  const loaded = [], seen = new Set(), problems = [];
  text.split(/\r?\n/).forEach((line, n) => {
    if (!line.trim()) return;
    let v;
    try { v = JSON.parse(line); } catch { problems.push('line ' + (n + 1) + ': not JSON'); return; }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) { problems.push('line ' + (n + 1) + ': not an object'); return; }
    if (typeof v.id === 'number') v.id = String(v.id);
    if (typeof v.id !== 'string' || v.id === '') { problems.push('line ' + (n + 1) + ': no "id"'); return; }
    if (seen.has(v.id)) { problems.push('line ' + (n + 1) + ': "' + v.id + '" again'); return; }
    seen.add(v.id);
    loaded.push(v);
  });
  if (!loaded.length) {
    status('No items in ' + file.name + (problems.length ? ': ' + problems.slice(0, 3).join('; ') : '.'), 'bad');
    return;
  }
  items = loaded;
  const kept = write(KEY.items, { name: file.name, items });
  const next = items.findIndex((it) => !read(KEY.rating(it.id)));
  go(next < 0 ? 0 : next);
  status('Loaded ' + items.length + ' items from ' + file.name + (problems.length ? '; skipped ' + problems.length + ' lines (' + problems.slice(0, 3).join('; ') + ')' : '')
    + (kept ? '.' : '; the list is too large to keep in this browser and will not survive a reload.'), problems.length || !kept ? 'bad' : 'ok');
}

function exportRatings() {
  const lines = [], seen = new Set();
  const line = (r) => {
    const o = { rubric: r.rubric, version: r.version, item: r.item, rater: r.rater, answers: r.answers };
    if (r.justifications && Object.keys(r.justifications).length) o.justifications = r.justifications;
    return JSON.stringify(o);
  };
  for (const it of items) {
    const r = read(KEY.rating(it.id));
    if (r) { lines.push(line(r)); seen.add(it.id); }
  }
  const others = [];
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k && k.startsWith(PREFIX + 'rating:') && !seen.has(k.slice(PREFIX.length + 7))) others.push(k);
  }
  for (const k of others.sort()) { const r = read(k); if (r) lines.push(line(r)); }
  if (!lines.length) {
    status('Nothing to export: no rating is saved yet.', 'bad');
    return;
  }
  const a = el('a', { href: URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'application/x-ndjson' })), download: R.id + '-' + R.version + '-ratings.jsonl' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60000);
  status('Exported ' + lines.length + (lines.length === 1 ? ' rating.' : ' ratings.'), 'ok');
}

// ---- keyboard ----
function currentQuestion() {
  const fs = document.activeElement && document.activeElement.closest ? document.activeElement.closest('fieldset.q') : null;
  if (fs && !fs.hidden) return ui.get(fs.dataset.dim);
  if (lastQuestion && !lastQuestion.fs.hidden) return lastQuestion;
  const answers = collect();
  return visible().find((u) => !(u.d.id in answers)) || null;
}
function choose(u, i) {
  if (u.mode === 'radio') {
    if (i >= u.inputs.length) return;
    u.inputs[i].checked = true;
    changed();
    // on to what is asked next: this question's justification, or the next question
    if (u.justMin !== undefined && codePoints(u.justArea.value) < u.justMin) { u.justArea.focus(); return; }
    const qs = visible(), k = qs.indexOf(u);
    const next = qs[k + 1];
    if (next) { firstControl(next).focus(); next.fs.scrollIntoView({ block: 'nearest' }); }
    else $('save').focus();
  } else if (u.mode === 'multi') {
    if (i >= u.inputs.length || u.inputs[i].disabled) return;
    u.inputs[i].checked = !u.inputs[i].checked;
    u.inputs[i].focus();
    changed();
  }
}
document.addEventListener('keydown', (e) => {
  if (e.defaultPrevented || e.altKey || e.metaKey || e.isComposing) return;
  const t = e.target;
  const typing = t.matches && t.matches('textarea, input[type=text], input[type=number], input[type=file]');
  if (e.key === 'Enter') {
    if (t.matches && t.matches('button, a, summary, input[type=file]') && !e.ctrlKey) return;
    if (t.matches && t.matches('textarea') && !e.ctrlKey) return;
    e.preventDefault();
    if (t.id === 'rater' && !e.ctrlKey) { const q = visible()[0]; if (q) firstControl(q).focus(); return; }
    save();
    return;
  }
  if (typing || e.ctrlKey) return;
  if (/^[0-9]$/.test(e.key)) {
    const u = currentQuestion();
    if (u) { e.preventDefault(); choose(u, e.key === '0' ? 9 : Number(e.key) - 1); }
  } else if (e.key === '[' && position > 0) { e.preventDefault(); go(position - 1); }
  else if (e.key === ']' && position < items.length - 1) { e.preventDefault(); go(position + 1); }
});
document.addEventListener('focusin', (e) => {
  const fs = e.target.closest ? e.target.closest('fieldset.q') : null;
  for (const u of ui.values()) u.fs.classList.toggle('current', u.fs === fs);
  if (fs) lastQuestion = ui.get(fs.dataset.dim);
});

// ---- start ----
renderForm();
$('form').addEventListener('change', (e) => { if (e.target.matches('input')) changed(); });
$('form').addEventListener('input', (e) => { if (e.target.matches('textarea, input[type=number]')) changed(); });
$('save').addEventListener('click', save);
$('prev').addEventListener('click', () => go(position - 1));
$('next').addEventListener('click', () => go(position + 1));
$('export').addEventListener('click', exportRatings);
$('items-file').addEventListener('change', (e) => { const f = e.target.files[0]; if (f) loadItems(f); e.target.value = ''; });
const rater = $('rater');
rater.value = read(KEY.rater) || '';
rater.addEventListener('input', () => { write(KEY.rater, rater.value); if (showAll) refresh(); });
const kept = read(KEY.items);
if (kept && Array.isArray(kept.items) && kept.items.length) {
  items = kept.items;
  go(Number(read(KEY.position)) || 0, false);
  status('Restored ' + items.length + ' items from ' + kept.name + ', with your saved ratings and unsaved answers.', 'ok');
} else {
  renderItem();
  refresh();
  progress();
}
document.documentElement.dataset.ready = 'true';
