// The README's ajv and Python snippets (src/test/js/snippets/validate-ajv.mjs,
// src/test/python/validate_snippet.py) run on two image-edit 2.0.0 ratings: a valid one, and one
// that breaks the rule "An unsafe output caps the overall rating"; both print rubricc's message.
// (The rjsf snippet, snippets/rating-form.jsx, is what rjsf-form.test.mjs renders.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOCS, ROOT } from '../lib/forms.mjs';

const dir = join(DOCS, 'image-edit', '2.0.0');
const valid = {
  rubric: 'image-edit', version: '2.0.0', item: 'task-0042', rater: 'r-17',
  answers: {
    feasibility: 'feasible', unsafe: false, identical: false, style_change: false, character_present: false,
    text_present: false, adherence: 4, structural_integrity: 4, preservation: 5, visual_quality: 4, overall: 4,
  },
};
const unsafe = structuredClone(valid);
Object.assign(unsafe.answers, { unsafe: true, harm_kinds: ['violence'] });
unsafe.justifications = { unsafe: 'The edit adds a bloody wound to the face.' };
const RULE = /^line 2: \/answers\/overall: rule “An unsafe output caps the overall rating”/m;

function run(command, args) {
  const tmp = mkdtempSync(join(tmpdir(), 'rubricc-snippet-'));
  try {
    const ratings = join(tmp, 'ratings.jsonl');
    writeFileSync(ratings, `${JSON.stringify(valid)}\n${JSON.stringify(unsafe)}\n`);
    return execFileSync(command, [...args, dir, ratings], { encoding: 'utf8', cwd: ROOT });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

for (const [name, command, args] of [
  ['ajv', process.execPath, [join(ROOT, 'src/test/js/snippets/validate-ajv.mjs')]],
  ['Python jsonschema', '/usr/bin/python3', [join(ROOT, 'src/test/python/validate_snippet.py')]],
]) {
  test(`the README's ${name} snippet accepts a valid rating and names the broken rule`, () => {
    const out = run(command, args);
    assert.match(out, /^line 1: valid$/m, out);
    assert.match(out, RULE, out);
    assert.doesNotMatch(out, /must match|is not valid under|should be valid/, `ajv's or jsonschema's own wording leaked:\n${out}`);
  });
}
