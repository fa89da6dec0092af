// `rubricc compile` (every target) of large synthetic rubrics, whole processes side by side (README, "`rubricc
// compile` on large rubrics"): the launcher target/rubricc, as a user runs it, and, when RUBRICC_BASELINE names the
// target folder of another build (a checkout of an earlier commit after `mvn -B package -DskipTests`), that build's
// launcher too, in turns.
//   node src/test/js/bench/compile-large.mjs [ROUNDS [SIZES]]      (default 5 rounds, sizes 1000,5000)
// Prints each run, then the median wall time per size and launcher, the ratio to the baseline, and whether the two
// wrote the same bytes. The rubrics come from org.rubricc.bench.SyntheticRubric, so it needs target/test-classes too
// (mvn -B package, or mvn -B -q test-compile after it).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const rounds = Number(process.argv[2] || 5);
const sizes = (process.argv[3] || "1000,5000").split(",").map(Number);
const java = process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, "bin/java") : "java";
const launchers = { "this build": resolve(root, "target/rubricc") };
if (process.env.RUBRICC_BASELINE) launchers.baseline = resolve(process.env.RUBRICC_BASELINE, "rubricc");
for (const f of [...Object.values(launchers), resolve(root, "target/test-classes/org/rubricc/bench/SyntheticRubric.class")]) {
  if (!existsSync(f)) {
    console.error(`${f} is missing: run mvn -B package first (and for a baseline, in its checkout)`);
    process.exit(2);
  }
}
const work = mkdtempSync(join(tmpdir(), "rubricc-compile-large-"));
const rubric = (n) => join(work, `synthetic-${n}.rubric`);
for (const n of sizes) {
  const w = spawnSync(java, ["-cp", resolve(root, "target/test-classes"), "org.rubricc.bench.SyntheticRubric", String(n), rubric(n)]);
  if (w.status !== 0) {
    console.error(`cannot write the synthetic rubric of ${n} dimensions:\n${w.stderr}`);
    process.exit(2);
  }
}

/** Every file under a folder, by relative path, with its bytes. */
function tree(dir, prefix = "") {
  const out = new Map();
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) for (const [k, v] of tree(p, prefix + name + "/")) out.set(k, v);
    else if (!name.startsWith(".")) out.set(prefix + name, readFileSync(p));
  }
  return out;
}

const times = {};
const outputs = {};
for (let r = 1; r <= rounds; r++) {
  const line = [`round ${r}:`];
  for (const n of sizes) {
    for (const [name, launcher] of Object.entries(launchers)) {
      const out = join(work, `out-${name.replace(/ /g, "-")}-${n}`);
      rmSync(out, { recursive: true, force: true });
      const t0 = process.hrtime.bigint();
      const run = spawnSync(launcher, ["compile", rubric(n), "-o", out], { stdio: ["ignore", "ignore", "pipe"] });
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      if (run.status !== 0) {
        console.error(`${name}, ${n} dimensions, failed (exit ${run.status}):\n${run.stderr}`);
        process.exit(2);
      }
      (times[`${n} ${name}`] ??= []).push(s);
      if (r === 1) outputs[`${n} ${name}`] = tree(out);
      line.push(`${n} ${name} ${s.toFixed(2)} s`);
    }
  }
  console.log(line.join("   "));
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const same = (a, b) => a.size === b.size && [...a].every(([k, v]) => b.has(k) && Buffer.compare(v, b.get(k)) === 0);
console.log(`\nmedian of ${rounds} rounds, wall time of the whole process (${Object.keys(launchers).join(" and ")}):`);
for (const n of sizes) {
  const mine = median(times[`${n} this build`]);
  let row = `  ${String(n).padStart(6)} dimensions   this build ${mine.toFixed(2)} s`;
  if (launchers.baseline) {
    const base = median(times[`${n} baseline`]);
    row += `   baseline ${base.toFixed(2)} s   ${(mine / base).toFixed(2)}x   output ${same(outputs[`${n} this build`], outputs[`${n} baseline`]) ? "identical" : "DIFFERENT"}`;
  }
  console.log(row);
}
rmSync(work, { recursive: true, force: true });
