// The launcher (target/rubricc) and its class-data archive (target/rubricc.jsa, written by `mvn package`): the
// archive must change nothing a user sees. Run by Maven's integration-test phase, after the package phase.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
const target = join(root, 'target');
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
const rubric = join(root, 'rubrics', 'image-edit', '2.0.0.rubric');
const ratings = join(root, 'rubrics', 'image-edit', 'ratings', 'ratings-2.0.0.jsonl');

function run(cmd, args) {
    const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8' });
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

test('mvn package writes the class-data archive beside the jar', () => {
    assert.ok(existsSync(join(target, 'rubricc.jsa')), 'target/rubricc.jsa exists');
});

for (const args of commands) {
    test(`the launcher with its archive prints what java -jar prints: rubricc ${args[0]}`, () => {
        assert.deepEqual(run(join(target, 'rubricc'), args), plain(args));
    });
}

test('an archive that does not match the jar (moved, rebuilt, damaged) is ignored without a word', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rubricc-launcher-'));
    try {
        for (const f of ['rubricc', 'rubricc.jar', 'rubricc.jsa']) copyFileSync(join(target, f), join(dir, f));
        spawnSync('chmod', ['755', join(dir, 'rubricc')]);
        for (const args of commands) assert.deepEqual(run(join(dir, 'rubricc'), args), plain(args), `moved: ${args[0]}`);
        writeFileSync(join(dir, 'rubricc.jsa'), 'not an archive');
        for (const args of commands) assert.deepEqual(run(join(dir, 'rubricc'), args), plain(args), `damaged: ${args[0]}`);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
