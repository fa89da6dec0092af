// Issue 17: no link from rubric text can run script in guidelines.html. The corpus
// (src/test/resources/docs/links.rubric) holds the known ways past a `javascript:` filter; it is compiled with
// the jar and opened in chromium from file://. Every link and image the page has must resolve, by the browser's
// own URL parser, to http, https, mailto or (relative, on this file:// page) file; every link is clicked on a
// fresh page, and no script may run (every script in the corpus opens a dialog: none may). A control page with a plain
// `javascript:` link shows the clicks would catch one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { JAR, ROOT } from '../lib/forms.mjs';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'file:']);

let browser, work, page;
before(async () => {
    assert.ok(existsSync(JAR), `${JAR} is missing: run mvn package first`);
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
    work = mkdtempSync(join(tmpdir(), 'links-'));
    execFileSync('java', ['-jar', JAR, 'compile', join(ROOT, 'src/test/resources/docs/links.rubric'), '-o', work,
        '--target', 'docs'], { stdio: 'pipe' });
    page = pathToFileURL(join(work, 'links', '1.0.0', 'guidelines.html')).href;
});
after(async () => {
    await browser?.close();
    if (work) rmSync(work, { recursive: true, force: true });
});

/** Opens url in a new page that records dialogs (every script of the corpus calls alert); ran() says whether one opened. */
async function open(url) {
    const p = await browser.newPage();
    const dialogs = [];
    p.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
    await p.route('http*://**', (r) => r.abort()); // no network: http(s) links go nowhere
    await p.goto(url);
    return { p, ran: () => dialogs.length > 0, dialogs };
}

/** Clicks the index-th link of the page; returns whether any script ran. */
async function click(url, index) {
    const { p, ran, dialogs } = await open(url);
    try {
        const links = p.locator('a[href]');
        await links.nth(index).click({ noWaitAfter: true, timeout: 5000 }).catch(() => {});
        await p.waitForTimeout(150);
        return { ran: ran(), dialogs };
    } finally {
        await p.close();
    }
}

test('every link and image on the page resolves to http, https, mailto or a relative file', async () => {
    const { p } = await open(page);
    const found = await p.evaluate(() => [...document.querySelectorAll('[href],[src],[srcset],[action],[formaction],[data]')]
        .map((e) => ({ tag: e.tagName, url: e.href || e.src || e.getAttribute('srcset') || e.action || e.formAction || e.data })));
    await p.close();
    assert.ok(found.length >= 8, `the good links are there: ${JSON.stringify(found)}`);
    for (const { tag, url } of found) {
        assert.ok(ALLOWED.has(new URL(url).protocol), `${tag} ${url}`);
    }
    // The page shows every bad link's text, as text.
    const { p: p2 } = await open(page);
    const text = await p2.evaluate(() => document.body.innerText);
    const badLinks = await p2.evaluate(() => [...document.querySelectorAll('a')].filter((a) => /^bad /.test(a.textContent)).length);
    await p2.close();
    for (let i = 1; i <= 35; i++) assert.ok(text.includes(`bad ${i}`), `bad ${i} is shown`);
    assert.equal(badLinks, 0);
});

test('clicking any link on the page runs no script', async () => {
    const { p } = await open(page);
    const n = await p.locator('a[href]').count();
    await p.close();
    for (let i = 0; i < n; i++) {
        const { ran, dialogs } = await click(page, i);
        assert.equal(ran, false, `link ${i} ran script: ${dialogs}`);
    }
});

test('control: a javascript: link on a page would be caught', async () => {
    const control = join(work, 'control.html');
    writeFileSync(control, '<!DOCTYPE html><p><a href="jav&#x09;ascript:alert(1)">x</a>');
    const { ran } = await click(pathToFileURL(control).href, 0);
    assert.equal(ran, true);
});
