// The README's quick start, run as a new user would: in a fresh copy of the repository, with the launcher
// (target/rubricc) on PATH, each `$ ` command of its console blocks in order, in one folder, and each must print
// exactly the lines the README shows under it (stdout and stderr together, as a terminal shows them).
// The build step itself (`mvn package`) is not run again: Maven's integration-test phase runs this after the
// package phase, so the fresh copy gets the jar and launcher that build just made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The quick start's blocks: [{lang, lines}], from its heading to the next `## `. */
function quickStartBlocks() {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Quick start\n');
    assert.ok(start >= 0, 'README.md has a "## Quick start" section');
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    const blocks = [];
    const fence = /^```(\w*)\n([\s\S]*?)^```$/gm;
    for (let m; (m = fence.exec(section)) !== null;) blocks.push({ lang: m[1], lines: m[2].replace(/\n$/, '').split('\n') });
    return blocks;
}

/** A console block as steps: a command (with its here-document, if it has one) and the output shown under it. */
function steps(lines) {
    const out = [];
    for (let i = 0; i < lines.length;) {
        assert.ok(lines[i].startsWith('$ '), `a console block starts with a command: ${lines[i]}`);
        const command = [lines[i].slice(2)];
        const heredoc = /<<'(\w+)'/.exec(lines[i]);
        i++;
        if (heredoc) {
            while (i < lines.length && lines[i] !== heredoc[1]) command.push(lines[i++]);
            assert.ok(i < lines.length, `the here-document ${heredoc[1]} ends`);
            command.push(lines[i++]);
        }
        const shown = [];
        while (i < lines.length && !lines[i].startsWith('$ ')) shown.push(lines[i++]);
        out.push({ command: command.join('\n'), shown: shown.join('\n') });
    }
    return out;
}

/** The tracked files of the repository, copied as a clone would have them (no target/, no node_modules). */
function freshCopy() {
    const dir = mkdtempSync(join(tmpdir(), 'rubricc-quickstart-'));
    const git = spawnSync('git', ['-C', root, 'ls-files', '-z'], { encoding: 'utf8' });
    if (git.status === 0 && git.stdout.length > 0) {
        for (const f of git.stdout.split('\0').filter((x) => x && existsSync(join(root, x)))) {
            mkdirSync(dirname(join(dir, f)), { recursive: true });
            cpSync(join(root, f), join(dir, f));
        }
    } else {
        cpSync(root, dir, { recursive: true, filter: (src) => !/[\\/](target|node_modules|\.git)$/.test(src) });
    }
    mkdirSync(join(dir, 'target'));
    for (const built of ['rubricc.jar', 'rubricc']) cpSync(join(root, 'target', built), join(dir, 'target', built));
    return dir;
}

test('the quick start builds with the two documented commands', () => {
    const sh = quickStartBlocks().filter((b) => b.lang === 'sh');
    assert.deepEqual(sh.map((b) => b.lines), [['mvn -B -q package -DskipTests', 'export PATH="$PWD/target:$PATH"']]);
});

test('every quick start command prints what the README shows, in a fresh copy of the repository', (t) => {
    for (const built of ['rubricc.jar', 'rubricc']) {
        assert.ok(existsSync(join(root, 'target', built)), `target/${built} is built (mvn package) before this test`);
    }
    const dir = freshCopy();
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...process.env, PATH: `${join(dir, 'target')}:${process.env.PATH}`, LC_ALL: 'C.UTF-8' };
    delete env.RUBRICC_JAVA_OPTS;
    const all = quickStartBlocks().filter((b) => b.lang === 'console').flatMap((b) => steps(b.lines));
    assert.ok(all.length >= 8, `the quick start has its commands: ${all.length}`);
    for (const { command, shown } of all) {
        const r = spawnSync('bash', ['-c', `exec 2>&1\n${command}`], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
        assert.equal(r.error, undefined, `${command}: ${r.error}`);
        assert.equal(r.stdout.replace(/\n$/, ''), shown, `$ ${command}`);
    }
});
