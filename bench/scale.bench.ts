// County scale with the case log, one run: 318,000 case rows, 50,000 incidents, 100 windows,
// 500 staff. The engine in process, `kaohe score` end-to-end with peak memory, ExcelJS's streaming reader
// alone (the parsing floor) and LibreOffice recalculating an equivalent COUNTIFS/SUMIFS template.
import { mkdtempSync, rmSync, statSync } from "fs";
import os from "os";
import path from "path";
import { createCalendar } from "../src/calendar";
import { caseStatistics, deriveOverdueIncidents, evaluateCases } from "../src/caselog";
import type { AssessmentInput } from "../src/engine/types";
import { runAssessment } from "../src/pipeline";
import { getProfile } from "../src/rules";
import { CLI, ensureCliBuilt } from "./lib/dist";
import { parseInput, runEngine } from "./lib/engine";
import * as m from "./lib/measure";
import { readRawSheets } from "./lib/rawSheets";
import { writeSyntheticWorkbook } from "./lib/synth";
import { exportSheetCsv, makeProfile } from "./lo/soffice";
import { checkSummary, type LoRun, warmUp } from "./lo/check";
import { FORMULA_COLUMNS, writeFormulaTemplate } from "./lo/template";

const SHAPE = { cases: 318_000, incidents: 50_000, windows: 100, staff: 500, seed: 11 };
const RUNS = 3;
// LibreOffice recalculating the template for all 100 windows takes minutes here: it is tried within its
// limit, and also measured for the first SMALL windows (every case row, a tenth of the formulas).
const SMALL = 10;
const S = (name: string, fallback: number) => Number(process.env[`KAOHE_BENCH_${name}`] ?? fallback) * 1000;
// Per-step limits so that the whole `npm run bench` stays within minutes when a step is slow.
const CLI_TIMEOUT = S("CLI_TIMEOUT_S", 120);
const READ_TIMEOUT = S("READ_TIMEOUT_S", 90);
const LO_TIMEOUT = S("LO_TIMEOUT_S", 120);

/** Case-log engine as the pipeline runs it: calendar, deadlines, derived 15.7 incidents, statistics. */
function caseEngine(input: AssessmentInput): number {
  const calendar = createCalendar(input.calendar);
  const year = input.settings.year;
  const code = getProfile(input.settings.profile)?.caseLog.overdueCode ?? "15.7";
  const ev = evaluateCases(input.cases, calendar, { year });
  const derived = deriveOverdueIncidents(input.cases, calendar, { year, code }, ev);
  const windows = input.windows.map((w) => w.name);
  return derived.length + caseStatistics(input.cases, calendar, { year, windows }, ev).length;
}

/** The formula template: SMALL windows and all windows, each over every case row. */
async function libreOffice(dir: string, input: AssessmentInput, profiles: string[]): Promise<Measured["lo"]> {
  const calendar = createCalendar(input.calendar);
  const ev = evaluateCases(input.cases, calendar, { year: input.settings.year });
  const windows = input.windows.map((w) => w.name);
  const recalc = makeProfile(true);
  const plain = makeProfile(false);
  profiles.push(recalc, plain);
  await warmUp(dir, [recalc, plain]);
  const run = async (file: string, n: number, profile: string): Promise<LoRun> => {
    const { expected, formulas } = await writeFormulaTemplate(
      file,
      input.cases,
      ev.overdueDays,
      windows.slice(0, n),
    );
    const csv = await exportSheetCsv(file, 2, profile, LO_TIMEOUT);
    return { formulas, bytes: statSync(file).size, export: csv, check: checkSummary(csv.rows, expected) };
  };
  const smallFile = path.join(dir, "template-small.xlsx");
  const small = await run(smallFile, SMALL, recalc);
  const plainRun = await run(smallFile, SMALL, plain);
  const full = await run(path.join(dir, "template.xlsx"), windows.length, recalc);
  return { small, plain: plainRun, full };
}

async function main(): Promise<void> {
  const build = ensureCliBuilt();
  const dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-scale-"));
  const profiles: string[] = [];
  try {
    const file = path.join(dir, "county-318k.xlsx");
    process.stderr.write("scale: writing the workbook\n");
    await writeSyntheticWorkbook(file, SHAPE);

    process.stderr.write("scale: engine\n");
    const t = performance.now();
    const { sheets, reader } = await readRawSheets(file);
    const readMs = performance.now() - t;
    const parse = await m.timeRuns(RUNS, () => parseInput(sheets));
    const input = parse.value;
    if (input.cases.length !== SHAPE.cases) throw new Error(`parsed ${input.cases.length} cases`);
    const cases = await m.timeRuns(RUNS, () => caseEngine(input));
    const engine = await m.timeRuns(RUNS, () => runEngine(input));
    const t2 = performance.now();
    const outcome = runAssessment(sheets);
    const pipelineMs = performance.now() - t2;
    if (!outcome.ok) throw new Error(`pipeline: ${outcome.issues.find((i) => i.severity === "error")?.code}`);

    process.stderr.write("scale: kaohe score\n");
    const out = path.join(dir, "out.xlsx");
    const cli = await m.runProcess(process.execPath, [CLI, "score", file, "--out", out], {
      timeoutMs: CLI_TIMEOUT,
    });
    process.stderr.write("scale: ExcelJS streaming reader\n");
    const stream = await m.runBenchScript(path.join(__dirname, "lib", "streamRead.ts"), [file], READ_TIMEOUT);

    process.stderr.write("scale: LibreOffice\n");
    const lo = await libreOffice(dir, input, profiles);

    process.stdout.write(
      section({
        build,
        fileBytes: statSync(file).size,
        derived: engine.value,
        reader,
        readMs,
        parse,
        cases,
        engine,
        pipelineMs,
        cli,
        stream,
        lo,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    for (const p of profiles) rmSync(p, { recursive: true, force: true });
  }
}

interface Measured {
  build: string;
  fileBytes: number;
  derived: number;
  reader: string;
  readMs: number;
  parse: m.Timed<unknown>;
  cases: m.Timed<number>;
  engine: m.Timed<number>;
  pipelineMs: number;
  cli: m.ProcessRun;
  stream: m.ProcessRun;
  lo: { small: LoRun; plain: LoRun; full: LoRun };
}

const ok = (run: m.ProcessRun) => run.code === 0;
const wallCpu = (run: m.ProcessRun, timeout: number) =>
  ok(run) ? `${m.secs(run.wallMs)} (CPU ${m.secs(run.cpuMs)})` : m.failure(run, timeout);
const peak = (run: m.ProcessRun) =>
  run.peakBytes ? `${m.mib(run.peakBytes)}${ok(run) ? "" : " (until stopped)"}` : "–";
const verdict = (good: boolean) => (good ? "met" : "**missed**");

function ratio(a: m.ProcessRun, b: m.ProcessRun | undefined): string {
  if (!b || !ok(a) || !ok(b)) return "–";
  return `${(a.wallMs / b.wallMs).toFixed(2)} wall, ${(a.cpuMs / b.cpuMs).toFixed(2)} CPU`;
}

/** CLI ÷ LibreOffice on the full template: measured, or bounded when LibreOffice was stopped. */
function versusLibreOffice(cli: m.ProcessRun, full: LoRun): string {
  const lo = full.export.run;
  if (!ok(cli)) return "– (the CLI did not finish)";
  if (ok(lo) && full.check.ok)
    return `${ratio(cli, lo)} — target below 1: ${verdict(cli.wallMs < lo.wallMs)}`;
  if (!lo.timedOut) return "– (LibreOffice failed)";
  const wall = cli.wallMs / lo.wallMs;
  const cpu = lo.cpuMs ? `, < ${(cli.cpuMs / lo.cpuMs).toFixed(2)} CPU` : "";
  return `< ${wall.toFixed(2)} wall${cpu} (LibreOffice was stopped) — target below 1: ${verdict(wall < 1)}`;
}

function loRow(label: string, r: LoRun): string {
  const run = r.export.run;
  return `| LibreOffice: ${label} (${m.count(r.formulas)} formulas, ${m.mib(r.bytes)}) | ${wallCpu(run, LO_TIMEOUT)} | | ${peak(run)} |`;
}

function section(r: Measured): string {
  const { cli, stream, lo } = r;
  const streamMs = ok(stream) ? (JSON.parse(stream.stdout) as { ms: number; rows: number }) : undefined;
  const cliTargets = ok(cli)
    ? `time ${verdict(cli.wallMs <= 10_000)} (wall), memory ${verdict(cli.peakBytes <= 2 ** 30)}`
    : "**missed** (did not finish)";
  return `## County scale with the case log (bench/scale.bench.ts)

One run on a synthetic workbook (bench/lib/synth.ts): ${m.count(SHAPE.cases)} case rows in 办件台账,
${m.count(SHAPE.incidents)} incidents, ${SHAPE.windows} windows, ${SHAPE.staff} staff (${m.mib(r.fileBytes)}). In-process steps:
median of ${RUNS} runs after a warm-up, wall (min–max) and CPU; RawSheets read once with the ${r.reader}
(${m.secs(r.readMs)}). Child processes: wall, CPU (user + system) and peak RSS; CLI = \`node dist/src/cli/main.js
score <file> --out <tmp>\` (${r.build}). Per-step limits: CLI ${m.secs(CLI_TIMEOUT, 0)}, reader ${m.secs(READ_TIMEOUT, 0)},
LibreOffice ${m.secs(LO_TIMEOUT, 0)}. The machine is shared: wall times are upper bounds, CPU times steadier.

| step | wall | CPU | peak RSS |
|---|---|---|---|
| parse workbook (\`parseWorkbook\`, 办件台账 included) | ${m.spread(r.parse.ms)} | ${m.secs(m.median(r.parse.cpu), 3)} | |
| case engine: calendar + deadlines + ${m.count(r.derived)} derived 15.7 incidents + statistics | ${m.spread(r.cases.ms)} | ${m.secs(m.median(r.cases.cpu), 3)} | |
| engine: calendar + derived incidents + \`assess\` on ${m.count(SHAPE.incidents)} + ${m.count(r.derived)} incidents | ${m.spread(r.engine.ms)} | ${m.secs(m.median(r.engine.cpu), 3)} | |
| whole pipeline once (parse + case log + engine + render) | ${m.secs(r.pipelineMs)} | | |
| **CLI end-to-end** (\`kaohe score\`) | ${wallCpu(cli, CLI_TIMEOUT)} | | ${peak(cli)} |
| ExcelJS streaming reader alone, every row (${streamMs ? m.count(streamMs.rows) : "?"} rows) | ${wallCpu(stream, READ_TIMEOUT)} | | ${peak(stream)} |
${loRow(`recalculate the template for all ${SHAPE.windows} windows`, lo.full)}
${loRow(`recalculate it for ${SMALL} windows`, lo.small)}
${loRow(`the ${SMALL}-window template without recalculation (load + CSV only)`, lo.plain)}

Ratios (wall; CPU):
- CLI ÷ streaming reader alone (the parsing floor): ${ratio(cli, stream)}
- CLI ÷ LibreOffice recalculating the template (${SHAPE.windows} windows): ${versusLibreOffice(cli, lo.full)}
- CLI ÷ LibreOffice recalculating only ${SMALL} windows: ${ratio(cli, lo.small.export.run)}

Targets: case engine ≤ 0.5 s — ${verdict(m.median(r.cases.cpu) <= 500)} (CPU median);
CLI ≤ 10 s and ≤ 1 GB peak — ${cliTargets}.

The template is what a user would otherwise build: sheet 办件 holds the same ${m.count(SHAPE.cases)} cases plus
value columns 受理月, 办结月 and 超期天数 (Kaohe's overdue working days: LibreOffice is spared the deadlines);
sheet 统计 has, per window, ${FORMULA_COLUMNS} COUNTIFS/SUMIFS columns (12 months × 受理, 办结, 即办件, 超期件,
超期天数) over every case row. Cached results are written as -1; LibreOffice recalculates .xlsx formulas only
with its own profile setting \`/org.openoffice.Office.Calc/Formula/Load\` \`OOXMLRecalcMode\` = 0.
Checks of the CSVs against counts made in JavaScript — all windows: ${lo.full.check.note}
${SMALL} windows: ${lo.small.check.note} Without recalculation: ${lo.plain.check.stale ? "every value is the cached -1, as it should be." : lo.plain.check.note}
The streaming reader is only a floor for speed: it corrupts multi-byte characters split across chunk
boundaries (exceljs issue 2084), so its values are not used.

Load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.
`;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
