// Issue 13: the rater's page (generated-docs/<id>/<version>/rating-form.html), in chromium from file://.
// For every bundled rubric version: load 50 generated items, rate every one through the page (clicks for
// most, keyboard only for every fourth), reload half way, export, and have `rubricc validate` accept every
// exported line; ratings the validator rejects are refused with the validator's own messages. Also: the
// hostile rubric's text shows as text, axe finds no serious or critical violation, and screenshots at
// 1366 and 420 px go to target/screenshots/. One browser for the whole file.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { JAR, ROOT, versions } from '../lib/forms.mjs';

const ITEMS = 50;
const SHOTS = join(ROOT, 'target', 'screenshots');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser, work;
before(async () => {
    assert.ok(existsSync(JAR), `${JAR} is missing: run mvn package first`);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    work = mkdtempSync(join(tmpdir(), 'rater-page-'));
    mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
});

// ---- generated data ----
function random(seed) {
    let s = seed >>> 0;
    return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pick = (rnd, xs) => xs[Math.floor(rnd() * xs.length)];
const WORDS = ['the', 'edit', 'kept', 'sky', 'left', 'hat', 'colour', 'shadow', 'edge', 'text', 'face', 'blurred', 'seam', 'lamp', 'red'];
function words(rnd, min, ascii) {
    let s = pick(rnd, ['Because', 'The', 'Mostly']);
    while ([...s].length < min) s += ' ' + pick(rnd, WORDS);
    if (!ascii && rnd() < 0.3) s += ' caf\u00e9 \u{1F600}';
    return s;
}

/** A value of d's scale (or n/a), or undefined for none. */
function valueOf(d, rnd) {
    const s = d.scale;
    if (d.notApplicable && rnd() < 0.15) return 'n/a';
    switch (s.kind) {
        case 'ordinal': return pick(rnd, s.points).value;
        case 'categorical': return pick(rnd, s.choices).id;
        case 'boolean': return rnd() < 0.5;
        case 'multi': {
            const lo = Math.max(1, s.min), n = lo + Math.floor(rnd() * (Math.min(s.max, lo + 2) - lo + 1));
            const ids = s.choices.map((c) => c.id).sort(() => rnd() - 0.5).slice(0, n);
            return s.choices.map((c) => c.id).filter((id) => ids.includes(id));
        }
        case 'range': return s.step === undefined ? s.min : s.min + s.step * Math.floor(rnd() * ((s.max - s.min) / s.step + 1));
        default: return words(rnd, s.minLength + 1, true).slice(0, s.maxLength ?? 1e9);
    }
}

/** A rating the module accepts: answers in asking order (skipped ones left out), required justifications. */
function validRating(mod, rnd, item, ascii) {
    const dims = [...mod.rubric.dimensions].sort((a, b) => a.order - b.order);
    for (let attempt = 0; attempt < 1000; attempt++) {
        const answers = {};
        for (const d of dims) {
            if (mod.skipped(answers).includes(d.id)) continue;
            if (!mod.required(answers).includes(d.id) && rnd() < 0.6) continue;
            answers[d.id] = valueOf(d, rnd);
        }
        const justifications = {};
        for (const j of mod.justificationsRequired(answers)) justifications[j.dimension] = words(rnd, j.minLength + 2, ascii);
        const rating = { rubric: mod.rubric.id, version: mod.rubric.version, item, rater: 'r-17', answers };
        if (Object.keys(justifications).length) rating.justifications = justifications;
        if (mod.validate(rating).length === 0) return rating;
    }
    throw new Error('no valid rating found in 1000 tries');
}

function svg(file, colour, label) {
    writeFileSync(file, `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="320"><rect width="480" height="320" fill="${colour}"/>`
        + `<circle cx="240" cy="160" r="90" fill="#fff" opacity=".5"/><text x="20" y="300" font-size="28" font-family="sans-serif">${label}</text></svg>`);
}

/** items.jsonl with n items for the rubric's item fields (images as file URLs of small SVGs). */
function itemsFile(dir, fields, n) {
    mkdirSync(dir, { recursive: true });
    svg(join(dir, 'a.svg'), '#7aa6c2', 'original');
    svg(join(dir, 'b.svg'), '#c27a7a', 'edited');
    const lines = [];
    for (let i = 0; i < n; i++) {
        const item = { id: `task-${String(i).padStart(4, '0')}` };
        fields.forEach((f, k) => {
            if (f.kind === 'image') item[f.id] = pathToFileURL(join(dir, k === 0 ? 'a.svg' : 'b.svg')).href;
            else if (f.kind === 'url') item[f.id] = 'https://example.com/item/' + i;
            else item[f.id] = i === 1 ? 'Hostile <img src=x onerror="window.__pwned=1"> **not bold**' : 'Make the sky over the harbour look like a sunset, and remove the lamp post on the left.';
        });
        lines.push(JSON.stringify(item));
    }
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
}

// ---- driving the page ----
async function open(context, url) {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !/ERR_NAME_NOT_RESOLVED|ERR_FILE_NOT_FOUND/.test(m.text())) errors.push(m.text()); });
    page.on('dialog', (d) => { errors.push('dialog: ' + d.message()); d.dismiss(); });
    await page.goto(url);
    await page.waitForSelector('html[data-ready=true]', { timeout: 10000 });
    return { page, errors };
}

const indexOf = (d, v) => {
    const s = d.scale;
    const values = s.kind === 'ordinal' ? s.points.map((p) => p.value) : s.kind === 'boolean' ? [true, false] : s.choices.map((c) => c.id);
    if (d.notApplicable && s.kind !== 'multi') values.push('n/a');
    return values.indexOf(v);
};
const isRadio = (d) => ['ordinal', 'categorical', 'boolean'].includes(d.scale.kind);

/** A real mouse click in the middle of the element (faster than page.check's checks and retries, and as real). */
async function clickOn(page, selector) {
    const at = await page.evaluate((sel) => {
        const e = document.querySelector(sel);
        e.scrollIntoView({ block: 'center' });
        const r = e.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }, selector);
    await page.mouse.click(at.x, at.y);
}

/** Answers and justifications entered with clicks and fill, in asking order. */
async function fillByMouse(page, mod, rating) {
    for (const d of [...mod.rubric.dimensions].sort((a, b) => a.order - b.order)) {
        const v = rating.answers[d.id];
        if (v === undefined) continue;
        if (isRadio(d)) await clickOn(page, `#a-${d.id}-${indexOf(d, v)}`);
        else if (v === 'n/a') await clickOn(page, `#a-${d.id}-na`);
        else if (d.scale.kind === 'multi') {
            for (const [i, c] of d.scale.choices.entries()) {
                if (v.includes(c.id) !== await page.isChecked(`#a-${d.id}-${i}`)) await clickOn(page, `#a-${d.id}-${i}`);
            }
        } else await page.fill(`#a-${d.id}`, String(v));
        const j = rating.justifications?.[d.id];
        if (j !== undefined) await page.fill(`#j-${d.id}`, j);
    }
}

const activeId = (page) => page.evaluate(() => document.activeElement?.id || '');
const activeFieldset = (page) => page.evaluate(() => document.activeElement?.closest?.('fieldset')?.id || '');
async function tabUntil(page, test, what) {
    for (let i = 0; i < 25; i++) {
        if (await test()) return;
        await page.keyboard.press('Tab');
    }
    assert.fail(`Tab never reached ${what} (focus is on #${await activeId(page)})`);
}

/** The same, with the keyboard only: digits, Tab, Space and typing. */
async function fillByKeyboard(page, mod, rating) {
    for (const d of [...mod.rubric.dimensions].sort((a, b) => a.order - b.order)) {
        const v = rating.answers[d.id];
        if (v === undefined) continue;
        await tabUntil(page, async () => (await activeFieldset(page)) === 'q-' + d.id, `question ${d.id}`);
        if (isRadio(d)) {
            const i = indexOf(d, v);
            await page.keyboard.press(i === 9 ? '0' : String(i + 1));
        } else if (v === 'n/a') {
            await tabUntil(page, async () => (await activeId(page)) === `a-${d.id}-na`, `n/a of ${d.id}`);
            await page.keyboard.press('Space');
        } else if (d.scale.kind === 'multi') {
            for (const [i, c] of d.scale.choices.entries()) if (v.includes(c.id)) await page.keyboard.press(String(i + 1));
        } else {
            await tabUntil(page, async () => (await activeId(page)) === `a-${d.id}`, `the answer box of ${d.id}`);
            await page.keyboard.type(String(v));
        }
        const j = rating.justifications?.[d.id];
        if (j !== undefined) {
            await tabUntil(page, async () => (await activeId(page)) === `j-${d.id}`, `the justification of ${d.id}`);
            await page.keyboard.type(j);
        }
    }
}

async function save(page) {
    const inText = await page.evaluate(() => document.activeElement?.matches('textarea') ?? false);
    await page.keyboard.press(inText ? 'Control+Enter' : 'Enter');
}

function validate(rubricFile, ratingsFile) {
    // from the repository's root, so that imports stay inside the root folder
    const r = spawnSync('java', ['-jar', JAR, 'validate', '--format', 'json', relative(ROOT, rubricFile), ratingsFile], { cwd: ROOT, encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `rubricc validate failed: ${r.stderr}`);
    return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

// ---- the tests ----
// RATER_PAGE_ONLY=image-edit@2.0.0 runs one version (while working on the page)
const only = process.env.RATER_PAGE_ONLY;
for (const v of versions().filter((x) => !only || `${x.id}@${x.version}` === only)) {
    describe(`${v.id} ${v.version}: rating-form.html`, () => {
        const html = join(v.dir, 'rating-form.html');
        const url = pathToFileURL(html).href;
        let mod, context, page, errors, items, ratings, dir;

        before(async () => {
            mod = await import(pathToFileURL(join(v.dir, 'validator.mjs')).href);
            dir = join(work, `${v.id}-${v.version}`);
            items = itemsFile(dir, mod.rubric.itemFields, ITEMS);
            const rnd = random(v.id.length * 1000 + v.version.length * 7 + v.version.charCodeAt(0));
            ratings = Array.from({ length: ITEMS }, (_, i) => validRating(mod, rnd, `task-${String(i).padStart(4, '0')}`, i % 4 === 0));
            context = await browser.newContext({ viewport: { width: 1366, height: 900 }, acceptDownloads: true });
            ({ page, errors } = await open(context, url));
        });
        after(async () => { await context?.close(); });

        test('rates 50 items through the page, survives a reload half way, and exports what rubricc validate accepts', async () => {
            await page.fill('#rater', 'r-17');
            await page.setInputFiles('#items-file', items);
            await page.waitForFunction((n) => document.getElementById('progress').textContent.startsWith(`Item 1 of ${n}`), ITEMS);
            for (let i = 0; i < ITEMS; i++) {
                const r = ratings[i];
                if (i === ITEMS / 2) {
                    // half of this item's answers, then a reload: the saved ratings, the position and the answers stay
                    const half = { ...r, answers: Object.fromEntries(Object.entries(r.answers).slice(0, 2)), justifications: {} };
                    await fillByMouse(page, mod, half);
                    await page.reload();
                    await page.waitForSelector('html[data-ready=true]');
                    assert.match(await page.textContent('#progress'), new RegExp(`^Item ${i + 1} of ${ITEMS} \\u00B7 ${i} saved`));
                    assert.equal(await page.inputValue('#rater'), 'r-17');
                    for (const [id, value] of Object.entries(half.answers)) {
                        const d = mod.rubric.dimensions.find((x) => x.id === id);
                        if (isRadio(d)) assert.ok(await page.isChecked(`#a-${id}-${indexOf(d, value)}`), `${id} survived the reload`);
                    }
                }
                if (i % 4 === 0) {
                    await fillByKeyboard(page, mod, r);
                    await save(page);
                } else {
                    await fillByMouse(page, mod, r);
                    await page.click('#save');
                }
                const expected = i < ITEMS - 1 ? `Item ${i + 2} of ${ITEMS}` : `Item ${ITEMS} of ${ITEMS} \u00B7 ${ITEMS} saved`;
                await page.waitForFunction((t) => document.getElementById('progress').textContent.startsWith(t), expected, { timeout: 3000 })
                    .catch(async () => assert.fail(`item ${i} was not saved: ${await page.textContent('#status')}\n${JSON.stringify(r)}`));
            }
            const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
            const exported = join(dir, 'exported.jsonl');
            await download.saveAs(exported);
            const lines = readFileSync(exported, 'utf8').trimEnd().split('\n');
            assert.equal(lines.length, ITEMS);
            for (const [i, line] of lines.entries()) {
                const o = JSON.parse(line);
                assert.deepEqual(Object.keys(o), ['rubric', 'version', 'item', 'rater', 'answers', ...(o.justifications ? ['justifications'] : [])]);
                assert.deepEqual(o, ratings[i], `line ${i + 1} is the rating entered`);
            }
            const verdicts = validate(v.rubric, exported);
            assert.equal(verdicts.length, ITEMS);
            for (const x of verdicts) assert.ok(x.valid, `line ${x.line}: ${JSON.stringify(x.violations)}`);
            assert.equal(await page.evaluate(() => window.__pwned), undefined, 'item text ran as markup');
            assert.equal(await page.locator('img[src=x]').count(), 0);
            assert.deepEqual(errors, []);
        });

        test('refuses what the validator rejects, with the validator\u2019s messages', async () => {
            // a fresh browser profile: nothing saved, item 1 of 50
            const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
            const { page, errors } = await open(ctx, url);
            await page.fill('#rater', 'r-17');
            await page.setInputFiles('#items-file', items);
            await page.waitForFunction(() => document.getElementById('progress').textContent.startsWith('Item 1 of'));
            const rnd = random(99);
            let r;
            for (let k = 0; k < 200 && !r; k++) {
                const c = validRating(mod, rnd, 'task-0000', true);
                if (c.justifications) r = c;
            }
            assert.ok(r, 'found a rating that needs a justification');
            const [dim] = Object.keys(r.justifications);
            const bad = { ...r, justifications: { ...r.justifications } };
            delete bad.justifications[dim];
            if (!Object.keys(bad.justifications).length) delete bad.justifications;
            const cases = [bad];
            if (v.id === 'image-edit' && v.version === '2.0.0') {
                cases.push({ ...bad, answers: { feasibility: 'feasible', unsafe: true, harm_kinds: ['violence'], identical: false, style_change: false,
                    character_present: false, text_present: false, adherence: 3, structural_integrity: 4, preservation: 4, visual_quality: 4, overall: 4 },
                    justifications: { unsafe: 'Shows a weapon aimed at a person.' } });
            }
            const file = join(dir, 'rejected.jsonl');
            writeFileSync(file, cases.map((c) => JSON.stringify(c)).join('\n') + '\n');
            const verdicts = validate(v.rubric, file);
            for (const [k, c] of cases.entries()) {
                assert.equal(verdicts[k].valid, false);
                if (k > 0) { // the next item, untouched
                    await page.click('#next');
                    c.item = 'task-0001';
                }
                await fillByMouse(page, mod, c);
                const progress = await page.textContent('#progress');
                if (k === 1) {
                    // the rule is shown on the field at once, before any save
                    assert.equal(await page.textContent('#err-overall'), verdicts[k].violations.find((x) => x.code === 'rule-violated').message);
                    // and the question says what the rule demands, in the guidelines' words
                    assert.match(await page.textContent('#q-overall'), /If Unsafe output is Yes, Overall rating must be 2 – Poor or lower\./);
                }
                await page.click('#save');
                assert.equal(await page.textContent('#progress'), progress, 'not saved');
                assert.match(await page.textContent('#status'), /^Not saved/);
                const shown = await page.$$eval('fieldset.q .errors li, #general-errors li', (els) => els.map((e) => e.textContent));
                const messages = verdicts[k].violations.map((x) => x.message);
                assert.deepEqual([...shown].sort(), [...messages].sort(), 'the page shows exactly the validator\u2019s messages');
                const first = verdicts[k].violations[0].path.split('/');
                const focused = await activeId(page);
                assert.ok(focused === (first[1] === 'justifications' ? `j-${first[2]}` : '') || focused.startsWith(`a-${first[2]}`), `focus on the first problem, not #${focused}`);
            }
            assert.deepEqual(errors, []);
            await ctx.close();
        });

        test('axe finds no serious or critical violation; screenshots at 1366 and 420 px', async () => {
            const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
            try {
                for (const width of [1366, 420]) {
                    const { page: p } = await open(ctx, url);
                    await p.setViewportSize({ width, height: width > 800 ? 900 : 860 });
                    if (width === 1366) {
                        await p.fill('#rater', 'r-17');
                        await p.setInputFiles('#items-file', items);
                        await p.waitForFunction(() => document.getElementById('progress').textContent.startsWith('Item'));
                    }
                    // answers that need a justification, one too short, so the box and its count are in the picture
                    const r = ratings.filter((x) => x.justifications).at(-1) ?? ratings[0];
                    await fillByMouse(p, mod, { ...r, justifications: Object.fromEntries(Object.entries(r.justifications ?? {}).slice(0, 1).map(([id, t]) => [id, t.slice(0, 8)])) });
                    await p.evaluate(() => window.scrollTo(0, 0));
                    await p.screenshot({ path: join(SHOTS, `${v.id}-${v.version}-${width}.png`) });
                    // and the first question with a justification box, in the middle of the screen
                    await p.evaluate(() => (document.querySelector('.just:not([hidden])') ?? document.querySelector('fieldset.q')).closest('fieldset').scrollIntoView({ block: 'center' }));
                    await p.screenshot({ path: join(SHOTS, `${v.id}-${v.version}-${width}-question.png`) });
                    await p.evaluate(axeSource);
                    const result = await p.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
                    const bad = result.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical');
                    assert.deepEqual(bad.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), []);
                    await p.close();
                }
            } finally {
                await ctx.close();
            }
        });
    });
}

describe('hostile rubric text', () => {
    test('shows as text: no element, handler or link from the rubric runs', async () => {
        const out = join(work, 'hostile');
        execFileSync('java', ['-jar', JAR, 'compile', join(ROOT, 'src/test/resources/docs/hostile.rubric'), '-o', out, '--target', 'form']);
        const context = await browser.newContext();
        try {
            const { page, errors } = await open(context, pathToFileURL(join(out, 'hostile', '1.0.0', 'rating-form.html')).href);
            await page.click('#a-d-0');
            assert.equal(await page.title(), 'Title <script>alert(1)</script> & "quotes" \\ back */ end 1.0.0');
            assert.equal(await page.textContent('#title'), 'Title <script>alert(1)</script> & "quotes" \\ back */ end 1.0.0');
            assert.match(await page.textContent('#q-d legend'), /^Dim <\/h3><script>x<\/script> \u202Ertl \u{1F600} \u2028sep/u);
            assert.match(await page.textContent('#q-d'), /Label <img src=x onerror=alert\(2\)> \| cell/);
            assert.match(await page.textContent('#q-d'), /\*\*not bold\*\* \[not a link\]\(http:\/\/x\)/);
            assert.equal(await page.locator('script').count(), 2, 'only the page\u2019s own two script elements');
            assert.equal(await page.locator('#main img, #main iframe, [onclick], [onerror]').count(), 0);
            assert.equal(await page.locator('a[href^="javascript:" i]').count(), 0);
            await page.click('.about summary');
            assert.match(await page.textContent('.about'), /<div onclick="alert\(1\)">block html<\/div>/);
            assert.deepEqual(errors, []);
        } finally {
            await context.close();
        }
    });
});
