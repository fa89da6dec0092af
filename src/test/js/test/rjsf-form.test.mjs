// Issue 12 (b): every generated rating form renders in react-jsonschema-form 6 with no rubric-specific
// code (rjsf/page.jsx mounts snippets/rating-form.jsx on the three generated files), in Debian's
// chromium. For every version: each question shows its labelled choices, nothing is answered on
// load, a rater can fill in and submit a complete rating that `rubricc validate` accepts; answering
// each pre-check shows exactly the questions the rubric's own validator (validator.mjs) leaves asked;
// and every choice that breaks an edge-case rule is refused with the rule's message in its question's
// field. For image-edit 2.0.0 also named scenarios, as a rater would describe them.
// Accessibility: axe-core finds no critical or serious violation on any form as loaded.
// Screenshots go to target/screenshots/ (look at them: a test cannot tell ugly from fine).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { JAR, ROOT, formFiles, versions } from '../lib/forms.mjs';
import { start } from '../rjsf/serve.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = join(ROOT, 'target', 'screenshots');
const TEXT = 'Written by the form test: the edit is judged on what the rater can see in both images. ';
const FORM_FILES = ['rating-form.schema.json', 'rating-form.ui.json', 'rating-form.messages.json'];

let server, browser;
before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run src/test/js/install.sh`);
  server = await start();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page showing the form of version v, once it has rendered; page errors fail the test. */
async function open(v, width = 1366) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  page.setDefaultTimeout(5000); // the form reacts in milliseconds: fail fast, not after 30 s
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/favicon|Failed to load resource/.test(m.text())) problems.push(`console error: ${m.text()}`);
  });
  page.problems = problems;
  page.patterns = textPatterns(formFiles(v.dir).schema);
  await page.goto(`${server.url}/?form=${v.id}/${v.version}&item=item-1&rater=rater-1`);
  await page.waitForFunction(() => window.__ready || window.__loadError);
  const loadError = await page.evaluate(() => window.__loadError);
  assert.equal(loadError, undefined, `the page could not load the form: ${loadError}`);
  await page.waitForSelector('form.rjsf');
  return page;
}

/**
 * The questions shown in the fieldset with the given id (root_answers, root_justifications) or at the
 * top of the form (root): {id, kind, answered, label, options, readonly}, in page order.
 */
function shown(page, fieldset) {
  return page.evaluate((fieldset) => {
    const set = document.getElementById(fieldset);
    if (!set) return [];
    const out = [];
    for (const group of set.querySelectorAll(':scope > .form-group')) {
      const idRe = new RegExp(`^${fieldset}_[A-Za-z0-9_]+$`);
      const el = [...group.querySelectorAll('[id]')].find((e) => idRe.test(e.id) && !/__[a-z]+$/.test(e.id));
      if (!el || group.querySelector('fieldset')) continue; // nested objects are listed on their own
      const radios = [...group.querySelectorAll('input[type=radio]')];
      const boxes = [...group.querySelectorAll('input[type=checkbox]')];
      const text = group.querySelector('textarea, input[type=text], input:not([type]), input[type=number]');
      const select = group.querySelector('select');
      const kind = radios.length ? 'radio' : boxes.length ? 'checkboxes' : select ? 'select' : text ? (text.type === 'number' ? 'number' : 'text') : 'other';
      const answered = kind === 'radio' ? radios.some((r) => r.checked) : kind === 'checkboxes' ? boxes.some((b) => b.checked)
        : kind === 'select' ? select.value !== '' : text ? text.value !== '' : false;
      const labelOf = (input) => (input.closest('label')?.textContent ?? '').trim();
      out.push({
        id: el.id, kind, answered,
        label: (group.querySelector(`label[for="${el.id}"], legend`)?.textContent ?? '').replace(/\*$/, '').trim(),
        options: kind === 'radio' ? radios.map(labelOf) : kind === 'checkboxes' ? boxes.map(labelOf)
          : kind === 'select' ? [...select.options].map((o) => o.textContent.trim()).filter((t) => t) : [],
        readonly: Boolean(text?.readOnly || radios.some((r) => r.disabled)),
        text: group.innerText,
      });
    }
    return out;
  }, fieldset);
}

async function allShown(page) {
  return [...await shown(page, 'root'), ...await shown(page, 'root_answers'), ...await shown(page, 'root_justifications')];
}

/**
 * The pattern each free-text answer must match, by field id (root_answers_<id>), from the schema:
 * a rater types text in the asked format, so the form test does too.
 */
function textPatterns(schema) {
  const out = new Map();
  const visit = (node, inAnswers) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, inAnswers));
    if (inAnswers && node.properties) {
      for (const [id, p] of Object.entries(node.properties)) if (typeof p.pattern === 'string') out.set(`root_answers_${id}`, p.pattern);
    }
    for (const k of ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else']) if (node[k]) visit(node[k], inAnswers);
    if (!inAnswers && node.properties?.answers) visit(node.properties.answers, true);
  };
  visit(schema, false);
  return out;
}

/** Text for a free-text question: the given text, or for a formatted one the first sample that fits its pattern. */
function textFor(page, q, text) {
  const pattern = page.patterns?.get(q.id);
  if (!pattern) return text;
  const samples = [text, 'none', 'https://example.org/copy-1\nhttps://example.org/copy-2', 'n/a', '0'];
  const fits = samples.find((s) => new RegExp(pattern, 'u').test(s));
  assert.ok(fits !== undefined, `${q.label}: no sample text fits its pattern ${pattern}`);
  return fits;
}

/** Answers one question: the option with index i for choices, the given text otherwise. */
async function answer(page, q, i = 0, text = TEXT + TEXT) {
  if (q.kind === 'radio' || q.kind === 'checkboxes') await page.click(`[id="${q.id}-${i}"]`);
  else if (q.kind === 'select') await page.selectOption(`[id="${q.id}"]`, { index: i + 1 });
  else if (q.kind === 'number') await page.fill(`[id="${q.id}"]`, '1');
  else if (q.kind === 'text') await page.fill(`[id="${q.id}"]`, q.id === 'root_item' ? 'item-1' : q.id === 'root_rater' ? 'rater-1' : textFor(page, q, text));
  else assert.fail(`do not know how to answer ${q.id} (${q.label})`);
}

/**
 * Answers every shown, unanswered question with its first choice (or a text), as it appears. With the rubric's
 * validator (`js`), a question a decision table decides gets the table's answer, found as a rater finds it: the
 * choices in turn, until the table's row no longer objects.
 */
async function fillIn(page, js = null) {
  for (let round = 0; round < 200; round++) {
    assert.deepEqual(page.problems, [], 'the page broke while the rater answered');
    const next = (await allShown(page)).find((q) => !q.answered && !q.readonly);
    if (!next) return;
    await answer(page, next);
    if (js && next.kind === 'radio') {
      const path = '/answers/' + next.id.replace(/^root_answers_/, '');
      const objects = async () => js.validate(await page.evaluate(() => window.__formData))
        .some((x) => x.path === path && x.message.startsWith('table \u201C'));
      for (let i = 1; i < next.options.length && await objects(); i++) await answer(page, next, i);
    }
  }
  assert.fail('the form kept showing unanswered questions after 200 answers');
}

/** Clicks submit; resolves to {submitted} or {errors}. */
async function submit(page) {
  await page.evaluate(() => { window.__submitted = null; window.__errors = null; });
  await page.click('button[type=submit]');
  await page.waitForFunction(() => window.__submitted || window.__errors);
  return page.evaluate(() => ({ submitted: window.__submitted, errors: window.__errors }));
}

/** What the field of the answer or justification at path (e.g. answers/overall) shows, as a person reads it. */
async function fieldText(page, path) {
  const id = `root_${path.replace('/', '_')}`;
  return page.locator(`[id="${id}"]`).first().locator('xpath=ancestor::div[contains(@class,"form-group")][1]').innerText();
}

/** Titles of every question's choices, by answer id, from the schema (wherever skip logic puts it). */
function choiceTitles(schema) {
  const out = new Map();
  const visit = (node, inAnswers) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => visit(n, inAnswers));
    if (inAnswers && node.properties) {
      for (const [id, p] of Object.entries(node.properties)) {
        const options = p.oneOf ?? p.anyOf ?? p.items?.oneOf ?? p.items?.anyOf;
        // A labelled choice is {const, title} or {enum: [value], title}.
        const choices = Array.isArray(options) ? options.filter((o) => 'const' in o || o.enum?.length === 1) : [];
        if (choices.length) out.set(id, { title: p.title, choices: choices.map((o) => o.title ?? String(o.const ?? o.enum[0])) });
      }
    }
    for (const k of ['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else']) if (node[k]) visit(node[k], inAnswers);
    if (!inAnswers && node.properties?.answers) visit(node.properties.answers, true);
  };
  visit(schema, false);
  return out;
}

/** Runs `rubricc validate` on the ratings; returns its output (throws with it when it refuses one). */
function rubriccValidate(v, ratings) {
  assert.ok(existsSync(JAR), `${JAR} is missing: build it first (mvn -B package -DskipTests)`);
  const dir = mkdtempSync(join(tmpdir(), 'rubricc-ratings-'));
  try {
    const file = join(dir, 'ratings.jsonl');
    writeFileSync(file, ratings.map((r) => JSON.stringify(r)).join('\n') + '\n');
    try {
      return execFileSync('java', ['-jar', JAR, 'validate', v.rubric, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      assert.fail(`rubricc validate refused the submitted rating:\n${e.stdout}${e.stderr}\n${JSON.stringify(ratings)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const v of versions()) {
  describe(`${v.id} ${v.version}`, () => {
    test('all three form files are generated', () => {
      for (const f of FORM_FILES) assert.ok(existsSync(join(v.dir, f)), `${v.id}/${v.version}/${f} is missing`);
    });

    test('nothing is answered on load, and every question shows its labelled choices', async () => {
      const page = await open(v);
      try {
        const titles = choiceTitles(formFiles(v.dir).schema);
        const questions = await shown(page, 'root_answers');
        assert.ok(questions.length > 0, 'no question is shown');
        await page.screenshot({ path: join(SHOTS, `${v.id}-${v.version}-load-1366.png`) });
        for (const q of questions) {
          assert.equal(q.answered, false, `${q.label} (${q.id}) is answered on load`);
        }
        await fillIn(page);
        for (const q of await shown(page, 'root_answers')) {
          const expected = titles.get(q.id.replace(/^root_answers_/, ''));
          if (!expected) continue;
          assert.equal(q.label, expected.title, `${q.id}: the question's title`);
          assert.deepEqual(q.options, expected.choices, `${q.label}: its choices, labelled`);
        }
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });

    test('a rater fills in and submits a complete rating that rubricc validate accepts', async () => {
      const page = await open(v);
      try {
        await fillIn(page, await import(pathToFileURL(join(v.dir, 'validator.mjs')).href));
        const { submitted, errors } = await submit(page);
        assert.equal(errors, null, `the form refused a complete rating: ${JSON.stringify(errors?.map((e) => e.stack))}`);
        assert.equal(submitted.rubric, v.id);
        assert.equal(submitted.version, v.version);
        const out = rubriccValidate(v, [submitted]);
        assert.match(out, /1 ratings?: 1 valid, 0 invalid/);
        const base = join(SHOTS, `${v.id}-${v.version}`);
        await page.screenshot({ path: `${base}-filled-1366.png`, fullPage: true });
        await page.setViewportSize({ width: 420, height: 900 });
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${base}-top-420.png` });
        await page.screenshot({ path: `${base}-filled-420.png`, fullPage: true });
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });
  });
}

// Every version, held to the rubric's own JavaScript validator (the `js` target): as the rater answers,
// the form shows exactly the questions `skipped()` leaves asked; and wherever a choice breaks an
// edge-case rule, submitting is refused with that rule's message inside the question's field.
for (const v of versions()) {
  describe(`${v.id} ${v.version}: skip logic and edge-case rules, as the validator judges them`, () => {
    const validator = () => import(pathToFileURL(join(v.dir, 'validator.mjs')).href);
    const answersOf = async (page) => (await page.evaluate(() => window.__formData))?.answers ?? {};
    const shownIds = async (page) => (await shown(page, 'root_answers')).map((q) => q.id.replace(/^root_answers_/, ''));

    test('answering each pre-check shows and hides exactly the questions the validator says', async () => {
      const js = await validator();
      const page = await open(v);
      try {
        const check = async (what) => {
          const skipped = new Set(js.skipped(await answersOf(page)));
          const expected = js.rubric.dimensions.map((d) => d.id).filter((id) => !skipped.has(id));
          const ids = await shownIds(page);
          assert.deepEqual([...ids].sort(), [...expected].sort(), `${what}: the questions shown`);
          return ids.length;
        };
        let count = await check('on load');
        let hidden = 0, reshown = 0;
        for (const q of (await shown(page, 'root_answers')).filter((x) => x.kind === 'radio')) {
          // Every choice in turn, then the first again: what one choice hides, another shows.
          for (const i of [...q.options.keys(), 0]) {
            if (!(await shownIds(page)).includes(q.id.replace(/^root_answers_/, ''))) break;
            await answer(page, q, i);
            const now = await check(`after "${q.label}" = "${q.options[i]}"`);
            if (now < count) hidden++;
            if (now > count) reshown++;
            count = now;
          }
        }
        const gated = js.rubric.dimensions.some((d) => d.skipWhen);
        if (gated) assert.ok(hidden > 0 && reshown > 0, `no pre-check hid and showed a question (hid ${hidden}, showed ${reshown})`);
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });

    test('a choice that breaks an edge-case rule is refused, with the rule\'s message on its question', async (t) => {
      const js = await validator();
      const page = await open(v);
      let refused = 0;
      try {
        await fillIn(page);
        for (const q of (await shown(page, 'root_answers')).filter((x) => x.kind === 'radio')) {
          // Every choice in turn, then the first again, so later questions are asked as before.
          for (const i of [...q.options.keys(), 0]) {
            if (!(await shownIds(page)).includes(q.id.replace(/^root_answers_/, ''))) break;
            await answer(page, q, i);
            await fillIn(page, js);
            const rating = await page.evaluate(() => window.__formData);
            const broken = js.validate(rating).filter((x) => x.code === 'rule-violated' && x.path.startsWith('/answers/'));
            if (broken.length === 0) continue;
            const { submitted } = await submit(page);
            assert.equal(submitted, null, `the form accepted a rating the validator refuses: ${JSON.stringify(broken)}`);
            for (const b of broken) {
              // A rule by its title; a decision table's row by the table's title and the row.
              const rule = b.message.match(/^(rule “[^”]*”|table “[^”]*”, (row \d+|otherwise))/)[0];
              const field = await fieldText(page, b.path.slice(1));
              assert.ok(field.includes(rule), `${b.path}: the field does not show ${rule}:\n${field}`);
            }
            refused++;
          }
        }
        const constraining = js.rubric.rules.some((r) => r.constraints.some((c) => !/^(require|justify) /.test(c)));
        t.diagnostic(`${refused} ratings that break a rule refused`);
        if (constraining) assert.ok(refused > 0, 'no choice broke a rule: the test tried nothing');
        assert.deepEqual(page.problems, []);
      } finally {
        await page.close();
      }
    });
  });
}

// Rubric-specific scenarios: the skip logic and an edge-case rule of image-edit 2.0.0.
const imageEdit = versions().find((v) => v.id === 'image-edit' && v.version === '2.0.0');
describe('image-edit 2.0.0 scenarios', { skip: imageEdit ? false : 'image-edit 2.0.0 is not compiled' }, () => {
  const labels = async (page) => (await shown(page, 'root_answers')).map((q) => q.label);
  // A choice by its label, with or without the point's number in front ("Good", "4 – Good").
  const choose = (page, id, label) => page.locator(`[id="root_answers_${id}"]`)
    .getByRole(id === 'harm_kinds' ? 'checkbox' : 'radio', { name: new RegExp(`^(\\S+ [–-] )?${label}$`) }).check();

  test('"Unsafe output" No hides "Kinds of harm", Yes shows it, No again drops its answer', async () => {
    const page = await open(imageEdit);
    try {
      // Before "Unsafe output" is answered, `unsafe != true` is false (a condition on an unanswered
      // question is false), so "Kinds of harm" is asked; No skips it.
      await choose(page, 'unsafe', 'No');
      assert.ok(!(await labels(page)).includes('Kinds of harm'), 'shown after unsafe No');
      await choose(page, 'unsafe', 'Yes');
      assert.ok((await labels(page)).includes('Kinds of harm'), 'not shown after unsafe Yes');
      await choose(page, 'harm_kinds', 'Violence or gore');
      assert.deepEqual((await page.evaluate(() => window.__formData)).answers.harm_kinds, ['violence']);
      await choose(page, 'unsafe', 'No');
      assert.ok(!(await labels(page)).includes('Kinds of harm'), 'still shown after unsafe No');
      assert.equal((await page.evaluate(() => window.__formData)).answers.harm_kinds, undefined, 'the hidden answer is kept');
      assert.deepEqual(page.problems, []);
    } finally {
      await page.close();
    }
  });

  test('"Feasibility" Infeasible hides the quality section; Feasible shows it', async () => {
    const quality = ['Instruction adherence', 'Structural integrity', 'Preservation of unedited areas', 'Visual quality'];
    const page = await open(imageEdit);
    try {
      await choose(page, 'feasibility', 'Infeasible');
      const hidden = await labels(page);
      for (const q of quality) assert.ok(!hidden.includes(q), `${q} is shown for an infeasible instruction`);
      assert.ok(hidden.includes('Overall rating'), 'the verdict section stays');
      await page.screenshot({ path: join(SHOTS, 'image-edit-2.0.0-infeasible-1366.png'), fullPage: true });
      await choose(page, 'feasibility', 'Feasible');
      const visible = await labels(page);
      for (const q of quality) assert.ok(visible.includes(q), `${q} is not shown for a feasible instruction`);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.close();
    }
  });

  test('"Unsafe output" Yes with "Overall rating" 4 is refused, with the rule\'s message at "Overall rating"', async (t) => {
    const page = await open(imageEdit);
    try {
      // The rater rates the edit Good, then goes back and marks it unsafe. (Marking it unsafe first
      // may leave no "Good" to pick: rjsf merges the rule's `then` into the question's choices.)
      await choose(page, 'unsafe', 'No');
      await fillIn(page);
      await choose(page, 'overall', 'Good');
      await choose(page, 'unsafe', 'Yes');
      await fillIn(page);
      const offered = (await shown(page, 'root_answers')).find((q) => q.id === 'root_answers_overall').options;
      t.diagnostic(`"Overall rating" offers ${JSON.stringify(offered)} once "Unsafe output" is Yes`);
      const { submitted, errors } = await submit(page);
      assert.equal(submitted, null, 'the form accepted a rating that breaks a rule');
      assert.ok(errors.length > 0);
      const overall = await fieldText(page, 'answers/overall');
      assert.match(overall, /An unsafe output caps the overall rating/, 'the rule is not named next to "Overall rating"');
      const everything = await page.locator('form').innerText();
      assert.doesNotMatch(everything, /must match "then" schema|must match exactly one schema in oneOf/, 'ajv wording a rater cannot act on is shown');
      await page.locator('[id="root_answers_overall"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'image-edit-2.0.0-rule-1366.png') });
      await page.setViewportSize({ width: 420, height: 900 });
      await page.locator('[id="root_answers_overall"]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, 'image-edit-2.0.0-rule-420.png') });
      // The rater follows the rule: the form takes the rating, and so does rubricc.
      await choose(page, 'overall', 'Poor');
      await fillIn(page); // Poor needs a justification: its box has appeared
      const fixed = await submit(page);
      assert.equal(fixed.errors, null, `still refused: ${JSON.stringify(fixed.errors?.map((e) => e.stack))}`);
      rubriccValidate(imageEdit, [fixed.submitted]);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.close();
    }
  });
});

// Accessibility: axe-core on the form of every version as loaded. Violations of impact "critical" or
// "serious" fail; the rest are printed (node --test shows them as diagnostics).
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
describe('accessibility (axe-core)', () => {
  for (const v of versions()) {
    test(`${v.id} ${v.version}: no critical or serious axe violations`, async (t) => {
      const page = await open(v);
      try {
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
        const found = result.violations.map((x) => `${x.impact}: ${x.id} (${x.nodes.length}): ${x.help}; e.g. ${x.nodes[0]?.target}`);
        for (const f of found) t.diagnostic(f);
        assert.deepEqual(found.filter((f) => /^(critical|serious):/.test(f)), []);
      } finally {
        await page.close();
      }
    });
  }
});
