// Judges a JSON Lines file with a generated validator.mjs, printing what `rubricc validate --format json` prints:
// one {"line":N,"valid":...,"violations":[...]} per line, byte for byte.
//   node src/test/js/js-verdicts.mjs OUT/<id>/<version>/validator.mjs RATINGS.jsonl
import { readFileSync, writeSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

const [validatorPath, ratingsPath] = process.argv.slice(2);
if (!validatorPath || !ratingsPath) {
  process.stderr.write("usage: node js-verdicts.mjs VALIDATOR.mjs RATINGS.jsonl\n");
  process.exit(2);
}
const { validateLine, jsonString } = await import(pathToFileURL(resolve(validatorPath)).href);
const bytes = readFileSync(ratingsPath);

// Java writes a lone surrogate (a message can cut a pair in two) as "?" when it encodes its output as UTF-8.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

let out = [], size = 0, line = 0, from = 0;
function flush() {
  const text = out.join("").replace(loneSurrogate, "?");
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) off += writeSync(1, buf, off);
  out = [];
  size = 0;
}
while (from < bytes.length) {
  let nl = bytes.indexOf(10, from);
  if (nl < 0) nl = bytes.length;
  line++;
  const vs = validateLine(bytes.subarray(from, nl), line === 1);
  let s = '{"line":' + line + ',"valid":' + (vs.length === 0) + ',"violations":[';
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i];
    s += (i ? "," : "") + '{"path":' + jsonString(v.path) + ',"code":' + jsonString(v.code) + ',"message":' + jsonString(v.message) + "}";
  }
  s += "]}\n";
  out.push(s);
  size += s.length;
  if (size > 1 << 20) flush();
  from = nl + 1;
}
flush();
