// Case log at county scale: the pure engine on 318,022 cases, and parsing the 办件台账 tab.
// Prints one Markdown section; bench/run.js collects it into docs/performance.md.
import { cpus, loadavg } from "os";
import { createCalendar } from "../src/calendar";
import { caseStatistics, deriveOverdueIncidents, evaluateCases } from "../src/caselog";
import { parseCaseLog } from "../src/workbook/parse/caseLogTab";
import type { CellValue, RawSheet } from "../src/core";
import { tongshanLog } from "../test/caselog/synthetic";

declare const gc: (() => void) | undefined;

/** Wall-clock and CPU (user + system) milliseconds per run: CPU time is steadier on a shared machine. */
function time<T>(runs: number, f: () => T): { ms: number[]; cpu: number[]; value: T } {
  let value = f(); // warm-up
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (typeof gc === "function") gc();
    const c = process.cpuUsage();
    const t = performance.now();
    value = f();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: ms.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b), value };
}
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(3)} s`;

const log = tongshanLog(100);
const n = log.cases.length;

const engine = time(7, () => {
  const calendar = createCalendar();
  const ev = evaluateCases(log.cases, calendar, { year: 2025 });
  const stats = caseStatistics(log.cases, calendar, { year: 2025 }, ev);
  const incidents = deriveOverdueIncidents(log.cases, calendar, { year: 2025, code: "15.7" }, ev);
  return { stats: stats.length, incidents: incidents.length };
});

// The tab as a host hands it over: Date cells for dates, numbers for 承诺时限.
const toDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const sheet: RawSheet = {
  name: "办件台账",
  rows: [
    ["办件编号", "窗口", "承办人", "事项名称", "办件类型", "受理日期", "承诺时限", "办结日期", "满意度"],
    ...log.cases.map((c): CellValue[] => [
      c.caseId,
      c.window,
      c.handler ?? null,
      "事项",
      c.type,
      toDate(c.received),
      c.promisedDays,
      c.completed ? toDate(c.completed) : null,
      c.satisfaction ?? null,
    ]),
  ],
};
const windows = [...new Set(log.cases.map((c) => c.window))];
const parse = time(3, () => parseCaseLog(sheet, { windows }));
if (parse.value.cases.length !== n || parse.value.issues.length)
  throw new Error("parse bench: unexpected result");

const target = 500;
process.stdout.write(`## Case log (bench/caselog.bench.ts)

Synthetic county-year shaped like 第五篇: ${n.toLocaleString("en")} cases, 100 windows
(155,400 即办件; ${engine.value.incidents.toLocaleString("en")} overdue → derived 15.7 incidents;
${engine.value.stats.toLocaleString("en")} statistics rows = 17 periods × 101 rows). Median of ${engine.ms.length} runs after a warm-up.

| step | median | min | max | CPU median |
|---|---|---|---|---|
| engine: calendar + deadlines + statistics + derived incidents | ${fmt(median(engine.ms))} | ${fmt(engine.ms[0])} | ${fmt(engine.ms[engine.ms.length - 1])} | ${fmt(median(engine.cpu))} |
| parse 办件台账 (RawSheet → CaseRow[], ${n.toLocaleString("en")} rows) | ${fmt(median(parse.ms))} | ${fmt(parse.ms[0])} | ${fmt(parse.ms[parse.ms.length - 1])} | ${fmt(median(parse.cpu))} |

Target: engine ≤ 0.5 s for the 318k-row log — ${median(engine.ms) <= target ? "met" : "**missed**"}
(load average at the end of the run: ${loadavg()[0].toFixed(1)} on ${cpus().length} cores; CPU time is the
process's own user + system time and does not grow with other processes' load).
`);
