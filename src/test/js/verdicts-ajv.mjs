// Usage: node src/test/js/verdicts-ajv.mjs SCHEMA CORPUS.jsonl
// Prints one line per rating of CORPUS (JSON Lines): `true` when ajv 8 (Ajv2020, default options,
// allErrors false) accepts it against SCHEMA, `false` otherwise. A line that is not JSON is `false`
// (rubricc: malformed-json). JSON.parse reads numbers as doubles, so a number a double cannot hold
// exactly (3.0000000000000000001, big integers) is judged as its nearest double: callers compare
// only ratings whose numbers round-trip (see ExternalValidatorsAgreementTest).
import { readFileSync, writeSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const [schemaFile, corpusFile] = process.argv.slice(2);
if (!schemaFile || !corpusFile) {
    console.error('usage: node verdicts-ajv.mjs SCHEMA CORPUS.jsonl');
    process.exit(2);
}
const validate = new Ajv2020().compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
const lines = readFileSync(corpusFile, 'utf8').split('\n');
if (lines[lines.length - 1] === '') lines.pop(); // a final newline does not start another line
const out = [];
for (const line of lines) {
    let rating, parsed = true;
    try { rating = JSON.parse(line); } catch { parsed = false; }
    out.push(parsed && validate(rating) ? 'true' : 'false');
}
writeSync(1, out.join('\n') + (out.length ? '\n' : ''));
