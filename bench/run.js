// `npm run bench`: runs every bench/*.bench.ts|js in its own process and writes docs/performance.md.
// Each benchmark prints one Markdown section on stdout; this script adds the machine facts on top.
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const only = process.argv.slice(2);
const dir = __dirname;
const files = fs
  .readdirSync(dir)
  .filter((f) => /\.bench\.(ts|js)$/.test(f))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=8192", "-r", path.join(dir, "register.js"), path.join(dir, file)],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
  );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    sections.push(`## ${file}\n\nFailed (exit ${run.status}) after ${secs} s.\n`);
    process.exitCode = 1;
  } else {
    sections.push(run.stdout.trim() + "\n");
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const header = `# Performance

Measured by \`npm run bench\` (bench/run.js); regenerated on every run. Never asserted in unit tests.

Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()},
Node ${process.version}. Run on ${new Date().toISOString().slice(0, 10)}.
`;
const out = path.join(dir, "..", "docs", "performance.md");
const keep = only.length > 0 && fs.existsSync(out) ? preserved(fs.readFileSync(out, "utf8")) : new Map();
for (const s of sections) keep.set(s.split("\n")[0], s);
fs.writeFileSync(out, [header, ...keep.values()].join("\n"));
process.stderr.write(`bench: wrote ${out}\n`);

// With a filter, sections of benchmarks not re-run are kept from the previous file.
function preserved(text) {
  const map = new Map();
  for (const part of text.split(/\n(?=## )/).slice(1)) map.set(part.split("\n")[0], part.trim() + "\n");
  return map;
}
