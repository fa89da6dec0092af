// Usage: node src/test/js/pattern-verdicts.mjs CASES.jsonl
// Each line of CASES is {"p": PATTERN, "t": [TEXT, ...]}. Prints one line per case: for each text, 1 when
// `new RegExp(p, "u").test(text)` (how ajv compiles JSON Schema's `pattern`: its unicodeRegExp option is on by
// default), 0 otherwise.
import { readFileSync, writeSync } from 'node:fs';

const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l !== '');
const out = [];
for (const line of lines) {
    const c = JSON.parse(line);
    const re = new RegExp(c.p, 'u');
    out.push(c.t.map((t) => (re.test(t) ? '1' : '0')).join(''));
}
writeSync(1, out.join('\n') + (out.length ? '\n' : ''));
