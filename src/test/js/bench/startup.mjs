// Start-up, whole processes side by side (README, "Start-up"): `check` of one bundled rubric and `validate` of a
// one-line file, run by the launcher (target/rubricc, which maps the class-data archive target/rubricc.jsa that
// `mvn package` writes, and runs check with the JVM's quick compiler only) and by `java -jar` with the same heap and
// collector but neither.
//   node src/test/js/bench/startup.mjs [ROUNDS]
// Runs each command ROUNDS times (default 11), interleaved, and prints the median wall time of each and the ratio.
// Needs target/rubricc.jar, target/rubricc and target/rubricc.jsa (mvn -B package).
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { tmpdir } from "node:os";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const rounds = Number(process.argv[2] || 11);
const jar = resolve(root, "target/rubricc.jar");
const launcher = resolve(root, "target/rubricc");
for (const f of [jar, launcher, resolve(root, "target/rubricc.jsa")]) {
  if (!existsSync(f)) {
    console.error(`${f} is missing: run mvn -B package first`);
    process.exit(2);
  }
}
const java = process.env.JAVA_HOME ? resolve(process.env.JAVA_HOME, "bin/java") : "java";
const rubric = resolve(root, "rubrics/image-edit/2.0.0.rubric");
const one = join(mkdtempSync(join(tmpdir(), "rubricc-startup-")), "one.jsonl");
writeFileSync(one, readFileSync(resolve(root, "rubrics/image-edit/ratings/ratings-2.0.0.jsonl"), "utf8").split("\n")[0] + "\n");

const plain = [java, ["-Xmx1g", "-XX:+UseSerialGC", "-jar", jar]];
const commands = {
  "check, java -jar": [...plain, ["check", rubric]],
  "check, launcher (archive, quick compiler)": [launcher, [], ["check", rubric]],
  "validate 1 line, java -jar": [...plain, ["validate", rubric, one]],
  "validate 1 line, launcher (class-data archive)": [launcher, [], ["validate", rubric, one]],
};
const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (let r = 1; r <= rounds; r++) {
  for (const [name, [cmd, pre, args]] of Object.entries(commands)) {
    const t0 = process.hrtime.bigint();
    const run = spawnSync(cmd, [...pre, ...args], { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
    times[name].push(Number(process.hrtime.bigint() - t0) / 1e9);
    if (run.status !== 0) {
      console.error(`${name} failed (exit ${run.status}):\n${run.stderr}`);
      process.exit(2);
    }
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
console.log(`median of ${rounds} rounds, wall time of the whole process:`);
const names = Object.keys(commands);
for (let i = 0; i < names.length; i += 2) {
  const a = median(times[names[i]]), b = median(times[names[i + 1]]);
  console.log(`  ${names[i].padEnd(48)} ${a.toFixed(3)} s`);
  console.log(`  ${names[i + 1].padEnd(48)} ${b.toFixed(3)} s   ${(b / a).toFixed(2)}x`);
}
