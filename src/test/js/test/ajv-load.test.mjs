// Issue 12 (a): every generated rating-form schema compiles in ajv 8's 2020-12 class, with default
// options and with strict: true, and ajv has nothing to say about it (no error, warning or log line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formFiles, recordingAjv, versions } from '../lib/forms.mjs';

const all = versions();

test('there are generated rating forms to check', () => {
    assert.ok(all.length > 0, 'no generated-docs/<rubric>/<version>/rating-form.schema.json found');
});

for (const v of all) {
    for (const [name, options] of [['default options', {}], ['strict: true', { strict: true }]]) {
        test(`${v.id} ${v.version}: compiles in Ajv2020 with ${name}, silently`, () => {
            const { schema } = formFiles(v.dir);
            const { ajv, logged } = recordingAjv(options);
            try {
                ajv.compile(schema);
            } catch (e) {
                assert.fail(`ajv (${name}) refused the schema: ${e.message}${logged.length ? '\n' + logged.join('\n') : ''}`);
            }
            assert.deepEqual(logged, [], `ajv (${name}) logged while compiling`);
        });
    }
}
