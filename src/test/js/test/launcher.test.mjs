// The launcher (target/rubricc) and its class-data archives (target/rubricc.jsa and, for compile,
// target/rubricc-compile.jsa, written by `mvn package`): the archives must change nothing a user sees. Run by
// Maven's integration-test phase, after the package phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const target = join(root, 'target');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const rubric = join(root, 'rubrics', 'image-edit', '2.0.0.rubric');
const ratings = join(root, 'rubrics', 'image-edit', 'ratings', 'ratings-2.0.0.jsonl');

function run(cmd, args, env = {}) {
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const reference = new Map();

/** What `java -jar` prints, without any archive: the reference. */
function plain(args) {
    const key = args.join('\0');
    if (!reference.has(key)) reference.set(key, run(java, ['-Xmx1g', '-XX:+UseSerialGC', '-jar', join(target, 'rubricc.jar'), ...args]));
    return reference.get(key);
}

const commands = [['check', rubric], ['validate', rubric, ratings], ['--version']];

test('mvn package writes the class-data archives beside the jar', () => {
    assert.ok(existsSync(join(target, 'rubricc.jsa')), 'target/rubricc.jsa exists');
    assert.ok(existsSync(join(target, 'rubricc-compile.jsa')), 'target/rubricc-compile.jsa exists');
    assert.ok(!existsSync(join(target, 'cds-compile')), 'the files the compile archive was made from are gone');
});

/** compile through a launcher: its status and what it printed, with the output folder named the same. */
function compiled(launcher, out) {
    const r = run(launcher, ['compile', join(root, 'rubrics'), '-o', out]);
    return { status: r.status, stdout: r.stdout.replaceAll(out, 'OUT'), stderr: r.stderr.replaceAll(out, 'OUT') };
}

for (const args of commands) {
    test(`the launcher with its archive prints what java -jar prints: rubricc ${args[0]}`, () => {
        assert.deepEqual(run(join(target, 'rubricc'), args), plain(args));
    });
}

test('an archive that does not match the jar (moved, rebuilt, damaged) is ignored without a word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubricc-launcher-'));
    try {
        for (const f of ['rubricc', 'rubricc.jar', 'rubricc.jsa', 'rubricc-compile.jsa']) copyFileSync(join(target, f), join(dir, f));
        spawnSync('chmod', ['755', join(dir, 'rubricc')]);
        const expected = compiled(join(target, 'rubricc'), join(dir, 'out-reference'));
        assert.equal(expected.status, 0, expected.stderr);
        assert.equal(expected.stderr, 'compiled 7 rubric versions into OUT: 70 files, 70 changed\n');
        for (const args of commands) assert.deepEqual(run(join(dir, 'rubricc'), args), plain(args), `moved: ${args[0]}`);
        assert.deepEqual(compiled(join(dir, 'rubricc'), join(dir, 'out-moved')), expected, 'moved: compile');
        writeFileSync(join(dir, 'rubricc.jsa'), 'not an archive');
        writeFileSync(join(dir, 'rubricc-compile.jsa'), 'not an archive');
        for (const args of commands) assert.deepEqual(run(join(dir, 'rubricc'), args), plain(args), `damaged: ${args[0]}`);
        assert.deepEqual(compiled(join(dir, 'rubricc'), join(dir, 'out-damaged')), expected, 'damaged: compile');
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

test('compiled validators are cached between runs, and a damaged or missing cache changes no verdict', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubricc-cache-'));
    try {
        const cache = join(dir, 'validators');
        const env = { RUBRICC_CACHE_DIR: cache };
        const launcher = join(target, 'rubricc');
        const args = ['validate', '--engine', 'generated', rubric, ratings];
        const expected = plain(['validate', '--engine', 'interpreted', rubric, ratings]);
        assert.deepEqual(run(launcher, args, env), expected, 'compiled, then stored');
        const entries = readdirSync(cache).filter((f) => f.endsWith('.classes'));
        assert.equal(entries.length, 1, `one entry: ${readdirSync(cache)}`);
        assert.deepEqual(run(launcher, args, env), expected, 'loaded from the cache');
        assert.deepEqual(run(launcher, ['validate', rubric, ratings], env), expected, 'the default engine takes the cached validator');
        const file = join(cache, entries[0]);
        const whole = readFileSync(file);
        const damaged = Buffer.from(whole);
        damaged[damaged.length >> 1] ^= 1;
        writeFileSync(file, damaged);
        assert.deepEqual(run(launcher, ['validate', rubric, ratings], env), expected, 'the default engine passes over a damaged entry');
        assert.deepEqual(run(launcher, args, env), expected, 'a damaged entry is compiled again');
        assert.deepEqual(readFileSync(file), whole, 'and stored again, whole');
        const off = join(dir, 'xdg');
        assert.deepEqual(run(launcher, args, { RUBRICC_CACHE_DIR: 'off', XDG_CACHE_HOME: off }), expected, 'cache off');
        assert.ok(!existsSync(off), 'nothing written with the cache off');
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});

test('the launcher compiles with its own JVM options, and the large-rubric benchmark runs (tiny sizes: it measures nothing)', () => {
    // compile gets the parallel collector: the same files as java -jar with the serial one
    const dir = mkdtempSync(join(tmpdir(), 'rubricc-compile-'));
    try {
        const a = join(dir, 'launcher'), b = join(dir, 'plain');
        assert.equal(run(join(target, 'rubricc'), ['compile', join(root, 'rubrics'), '-o', a]).status, 0);
        assert.equal(run(java, ['-Xmx1g', '-XX:+UseSerialGC', '-jar', join(target, 'rubricc.jar'), 'compile', join(root, 'rubrics'), '-o', b]).status, 0);
        const files = (d) => spawnSync('find', [d, '-type', 'f', '-not', '-name', '.*'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).map((f) => f.slice(d.length)).sort();
        assert.deepEqual(files(a), files(b));
        for (const f of files(a)) assert.ok(readFileSync(a + f).equals(readFileSync(b + f)), f);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
    const bench = run(process.execPath, [join(root, 'src', 'test', 'js', 'bench', 'compile-large.mjs'), '1', '20,40'], { RUBRICC_BASELINE: target });
    assert.equal(bench.status, 0, bench.stderr);
    assert.match(bench.stdout, /^\s+20 dimensions\s+this build [0-9.]+ s\s+baseline [0-9.]+ s\s+[0-9.]+x\s+output identical$/m, bench.stdout);
    assert.match(bench.stdout, /^\s+40 dimensions\s+this build/m, bench.stdout);
});
