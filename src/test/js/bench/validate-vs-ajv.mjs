// Whole processes, side by side in one run (README, "Benchmark"): `rubricc validate` with each engine against
// ajv 8 in Node (read the file, JSON.parse and validate each line), as a tool builder would otherwise run it.
//   node src/test/js/bench/validate-vs-ajv.mjs RATINGS.jsonl [ROUNDS]
// RATINGS: image-edit 2.0.0 ratings, e.g. target/bench/image-edit-2.0.0-200000-escaped.jsonl (written by
// `mvn -B -q test-compile exec:exec@bench -Dbench.lines=200000 -Dbench.rounds=1 -Dbench.text=escaped`).
// Runs each command ROUNDS times (default 3), interleaved, and prints the median wall time of each and its
// ratio to ajv; the default engine runs with text output, with `--format json`, and with the cache of compiled
// validators off (as a first run: it compiles); the other runs find the validator compiled by an earlier one. RUBRICC_JAR: the jar to run (default target/rubricc.jar); RUBRICC_BASELINE_JAR: an earlier build run
// with the generated engine in the same rounds, for before-and-after figures. Needs target/rubricc.jar (mvn -B package) and src/test/js/node_modules (src/test/js/install.sh).
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../../..");
const schemaFile = resolve(root, "generated-docs/image-edit/2.0.0/rating-form.schema.json");

if (process.argv[2] === "--ajv") {
  // The ajv process: what a tool builder's Node checker does with the generated schema.
  const Ajv2020 = (await import("ajv/dist/2020.js")).default;
  const validate = new Ajv2020().compile(JSON.parse(readFileSync(schemaFile, "utf8")));
  const bytes = readFileSync(process.argv[3]);
  let valid = 0, total = 0;
  for (let from = 0; from < bytes.length; ) {
    let nl = bytes.indexOf(10, from);
    if (nl < 0) nl = bytes.length;
    const line = bytes.toString("utf8", from, nl);
    from = nl + 1;
    total++;
    let v;
    try { v = JSON.parse(line); } catch { continue; }
    if (validate(v)) valid++;
  }
  console.log(`${total} ratings: ${valid} valid`);
  process.exit(0);
}

const file = process.argv[2] && resolve(process.argv[2]);
const rounds = Number(process.argv[3] || 3);
if (!file) {
  console.error("usage: node src/test/js/bench/validate-vs-ajv.mjs RATINGS.jsonl [ROUNDS]");
  process.exit(2);
}
const rubric = resolve(root, "rubrics/image-edit/2.0.0.rubric");
const jar = process.env.RUBRICC_JAR ? resolve(process.env.RUBRICC_JAR) : resolve(root, "target/rubricc.jar"); // RUBRICC_JAR: another build, to compare
const java = process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, "bin/java") : "java";
const commands = {
  "rubricc validate (default engine)": [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", jar, "validate", rubric, file]],
  "rubricc validate --engine generated": [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", jar, "validate", "--engine", "generated", rubric, file]],
  "rubricc validate --engine interpreted": [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", jar, "validate", "--engine", "interpreted", rubric, file]],
  "rubricc validate --format json": [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", jar, "validate", "--format", "json", rubric, file]],
  "rubricc validate, no cache (compiles)": [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", jar, "validate", rubric, file], { RUBRICC_CACHE_DIR: "off" }],
  "ajv 8 in Node (JSON.parse + schema)": [process.execPath, [fileURLToPath(import.meta.url), "--ajv", file]],
};
// RUBRICC_BASELINE_JAR: an earlier build, run with the generated engine in the same rounds (before and after a change).
if (process.env.RUBRICC_BASELINE_JAR) {
  commands["baseline jar, --engine generated"] = [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", resolve(process.env.RUBRICC_BASELINE_JAR),
    "validate", "--engine", "generated", rubric, file]];
}
// Compile the validator once into the cache, as any earlier run would have, so that round 1 is like the others.
spawnSync(java, ["-jar", jar, "validate", "--engine", "generated", rubric, resolve(root, "rubrics/image-edit/ratings/ratings-2.0.0.jsonl")],
  { stdio: "ignore" });
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let r = 1; r <= rounds; r++) {
  const row = [];
  for (const [name, [cmd, args, env]] of Object.entries(commands)) {
    const t0 = process.hrtime.bigint();
    const run = spawnSync(cmd, args, { cwd: here, stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 26, env: { ...process.env, ...env } });
    const s = Number(process.hrtime.bigint() - t0) / 1e9;
    if (run.status !== 0 && run.status !== 1) {
      console.error(`${name} failed (exit ${run.status}):\n${run.stderr}`);
      process.exit(2);
    }
    times[name].push(s);
    row.push(s.toFixed(2));
  }
  console.log(`round ${r}: ${row.join(" s, ")} s`);
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const ajv = median(times["ajv 8 in Node (JSON.parse + schema)"]);
console.log(`\n${file}, median of ${rounds} rounds (wall time of the whole process):`);
for (const [name, ts] of Object.entries(times)) {
  const m = median(ts);
  console.log(`  ${name.padEnd(40)} ${m.toFixed(2).padStart(7)} s   ${(ajv / m).toFixed(2)}x ajv`);
}
