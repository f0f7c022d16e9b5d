// The county-year through `kaohe score` with this build and with the build before the XML tokenizer
// (BASELINE, built from git history into a temporary folder), interleaved in the same run: wall, CPU and
// peak memory end to end, the large-file reader alone, and how much XML each wrote.
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "fs";
import os from "os";
import path from "path";
import { readZip } from "../src/hosts/xlsx/fast/zip";
import { CLI, ensureCliBuilt, ROOT } from "./lib/dist";
import * as m from "./lib/measure";
import { writeSyntheticWorkbook } from "./lib/synth";

/** The last commit whose large-file reader read sheet XML by ExcelJS's habits (before the tokenizer). */
const BASELINE = "a4d0ce4";
const SHAPE = { cases: 318_000, incidents: 50_000, windows: 100, staff: 500, seed: 11 };
const RUNS = 3;
const TIMEOUT = 180_000;

/** The baseline's CLI built in `dir`, or why it could not be. */
function buildBaseline(dir: string): { dist?: string; why?: string } {
  const src = path.join(dir, "baseline");
  mkdirSync(src);
  const archive = spawnSync("sh", ["-c", `git -C "${ROOT}" archive ${BASELINE} | tar -x -C "${src}"`], {
    encoding: "utf8",
  });
  if (archive.status !== 0) return { why: `git archive ${BASELINE}: ${archive.stderr.trim().slice(0, 200)}` };
  symlinkSync(path.join(ROOT, "node_modules"), path.join(src, "node_modules"));
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const built = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck"], {
    cwd: src,
    encoding: "utf8",
  });
  const dist = path.join(src, "dist");
  if (built.status !== 0 || !existsSync(path.join(dist, "src", "cli", "main.js")))
    return { why: `tsc: ${built.stdout.slice(0, 200)}` };
  return { dist };
}

/** Uncompressed bytes of every part of a package. */
function xmlBytes(file: string): number {
  return [...readZip(readFileSync(file)).values()].reduce((n, e) => n + e.size, 0);
}

interface Side {
  label: string;
  cli: string;
  dist: string;
  score: m.ProcessRun[];
  read: { ms: number; cpuMs: number; cells: number; peak: number }[];
  out: string;
}

const row = (cells: string[]): string => `| ${cells.join(" | ")} |`;

async function main(): Promise<void> {
  const build = ensureCliBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-baseline-"));
  try {
    process.stderr.write(`baseline: building ${BASELINE}\n`);
    const baseline = buildBaseline(dir);
    const title = "## This build against the build before the XML tokenizer (bench/baseline.bench.ts)";
    if (!baseline.dist) {
      process.stdout.write(`${title}\n\nNot measured: the baseline could not be built (${baseline.why}).\n`);
      return;
    }
    const file = path.join(dir, "county-318k.xlsx");
    await writeSyntheticWorkbook(file, SHAPE);
    const sides: Side[] = [
      {
        label: `before (${BASELINE})`,
        cli: path.join(baseline.dist, "src", "cli", "main.js"),
        dist: baseline.dist,
      },
      { label: "this build", cli: CLI, dist: path.join(ROOT, "dist") },
    ].map((s, i) => ({ ...s, score: [], read: [], out: path.join(dir, `out-${i}.xlsx`) }));
    const loads: number[] = [os.loadavg()[0] ?? 0];
    for (let run = 0; run < RUNS; run++) {
      for (const side of sides) {
        process.stderr.write(`baseline: run ${run + 1}, ${side.label}\n`);
        const score = await m.runProcess(process.execPath, [side.cli, "score", file, "--out", side.out], {
          timeoutMs: TIMEOUT,
        });
        if (score.code !== 0) throw new Error(`${side.label}: ${m.failure(score, TIMEOUT)}`);
        side.score.push(score);
        const read = await m.runBenchScript(
          path.join(__dirname, "lib", "readOnly.ts"),
          [side.dist, file],
          TIMEOUT,
        );
        if (read.code !== 0) throw new Error(`${side.label} reader: ${m.failure(read, TIMEOUT)}`);
        side.read.push({ ...(JSON.parse(read.stdout) as Side["read"][number]), peak: read.peakBytes });
      }
    }
    loads.push(os.loadavg()[0] ?? 0);
    const each = (xs: number[], f: (x: number) => string) => xs.map(f).join(" / ");
    const lines = [
      title,
      "",
      `The synthetic county-year (bench/lib/synth.ts: ${m.count(SHAPE.cases)} cases, ${m.count(SHAPE.incidents)} incidents, ` +
        `${SHAPE.windows} windows, ${SHAPE.staff} staff, ${m.mib(readFileSync(file).length)}) scored by \`node <dist>/src/cli/main.js score\` ` +
        `with this build (${build}) and with commit ${BASELINE}, the last before the reader became an XML tokenizer ` +
        `(built from git history with the same TypeScript), ${RUNS} runs each, interleaved. Reader alone: every tab read ` +
        `in a child process by that build's large-file reader (this build streams each part through zlib; the baseline inflates it whole). Peak = peak RSS.`,
      "",
      row([
        "build",
        "`kaohe score` wall (median; each)",
        "CPU (median)",
        "peak RSS (median; each)",
        "reader alone wall (median)",
        "reader CPU",
        "reader peak",
        "XML written",
      ]),
      row(["---", "---", "---", "---", "---", "---", "---", "---"]),
      ...sides.map((s) =>
        row([
          s.label,
          `${m.secs(m.median(s.score.map((r) => r.wallMs)))} (${each(
            s.score.map((r) => r.wallMs),
            (x) => m.secs(x),
          )})`,
          m.secs(m.median(s.score.map((r) => r.cpuMs))),
          `${m.mib(m.median(s.score.map((r) => r.peakBytes)))} (${each(
            s.score.map((r) => r.peakBytes),
            m.mib,
          )})`,
          m.secs(m.median(s.read.map((r) => r.ms))),
          m.secs(m.median(s.read.map((r) => r.cpuMs))),
          m.mib(m.median(s.read.map((r) => r.peak))),
          m.mib(xmlBytes(s.out)),
        ]),
      ),
      "",
      `Both readers hand over the same number of cells: ${sides.map((s) => m.count(s.read[0]?.cells ?? 0)).join(" and ")}. ` +
        "The XML written differs by what the result tabs gained since the baseline (the 期间类型 column, stamps, page setup); " +
        "the time to make and write it is part of the end-to-end figures.",
      "",
      `Load average (1 min) at the start: ${loads[0]!.toFixed(1)}, at the end: ${loads[1]!.toFixed(1)} on ${os.cpus().length} cores.`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
