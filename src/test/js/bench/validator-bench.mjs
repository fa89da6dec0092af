// validator.mjs against ajv 8 on the same ratings, side by side in one run (README, "JavaScript validator").
//   node --max-old-space-size=4096 src/test/js/bench/validator-bench.mjs [RATINGS.jsonl] [ROUNDS]
// RATINGS defaults to target/bench/image-edit-2.0.0-1000000.jsonl (write it with org.rubricc.bench.BenchFile);
// the validator is generated-docs/image-edit/2.0.0/validator.mjs and the schema rating-form.schema.json beside it.
// ajv is imported from RUBRICC_AJV (a path to ajv/dist/2020.js) or else as "ajv/dist/2020.js" from src/test/js.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { resolve, dirname } from "node:path";

const file = process.argv[2] || "target/bench/image-edit-2.0.0-1000000.jsonl";
const rounds = Number(process.argv[3] || 5);
const dir = process.env.RUBRICC_BENCH_DIR || "generated-docs/image-edit/2.0.0";
const { validate } = await import(pathToFileURL(resolve(dir, "validator.mjs")).href);
const ajvModule = await import(process.env.RUBRICC_AJV ? pathToFileURL(resolve(process.env.RUBRICC_AJV)).href : "ajv/dist/2020.js");
const Ajv2020 = ajvModule.default.default || ajvModule.default;
const schema = JSON.parse(readFileSync(resolve(dir, "rating-form.schema.json"), "utf8"));
// The generated schemas load in ajv with its default options (strict mode included).
const ajv = new Ajv2020();
const ajvValidate = ajv.compile(schema);

// The file is larger than the longest string V8 makes: lines are cut from the bytes one by one.
const bytes = readFileSync(file);
const lines = [];
for (let from = 0; from < bytes.length; ) {
  let nl = bytes.indexOf(10, from);
  if (nl < 0) nl = bytes.length;
  lines.push(bytes.toString("utf8", from, nl));
  from = nl + 1;
}

const engines = {
  "validator.mjs (JSON.parse + validate)": (line) => {
    let v;
    try { v = JSON.parse(line); } catch { return 0; }
    return validate(v).length === 0 ? 1 : 0;
  },
  "ajv 8 (JSON.parse + compiled schema)": (line) => {
    let v;
    try { v = JSON.parse(line); } catch { return 0; }
    return ajvValidate(v) ? 1 : 0;
  },
  "JSON.parse only": (line) => {
    try { JSON.parse(line); return 1; } catch { return 0; }
  },
};
const names = Object.keys(engines);
function pass(f) {
  let valid = 0;
  for (let i = 0; i < lines.length; i++) valid += f(lines[i]);
  return valid;
}
console.log(`validator.mjs vs ajv 8 (${process.env.RUBRICC_AJV || "ajv/dist/2020.js"}): ${lines.length.toLocaleString("en")} ratings in ${file}; node ${process.version}`);
for (const n of names) pass(engines[n]); // warm-up
const rates = Object.fromEntries(names.map((n) => [n, []]));
const valid = {};
for (let r = 1; r <= rounds; r++) {
  const row = [];
  for (const n of names) {
    const t = process.hrtime.bigint();
    valid[n] = pass(engines[n]);
    const s = Number(process.hrtime.bigint() - t) / 1e9;
    rates[n].push(lines.length / s);
    row.push(Math.round(lines.length / s).toLocaleString("en"));
  }
  console.log(`round ${r}: ${row.join(" ")}`);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ajvRate = median(rates[names[1]]);
console.log(`\nmedian of ${rounds} rounds:`);
for (const n of names) {
  const m = median(rates[n]);
  console.log(`  ${n.padEnd(42)} ${Math.round(m).toLocaleString("en").padStart(10)} ratings/s  ${(m / ajvRate).toFixed(2)}x ajv  valid ${valid[n].toLocaleString("en")}`);
}
const ratio = median(rates[names[0]]) / ajvRate;
console.log(`\ntarget validator.mjs >= 2x ajv: ${ratio >= 2 ? "met" : "not met"} (${ratio.toFixed(2)}x)`);
