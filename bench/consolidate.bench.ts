// County consolidation: 100 township workbooks on disk → one county workbook, as the CLI does it.
// Prints one Markdown section; bench/run.js collects it into docs/performance.md.
import { mkdirSync, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../src/cli/main";
import { generatedScores, writeTownship } from "../test/consolidate/support/townships";

const TOWNSHIPS = 100;
const RUNS = 3;

async function corpus(dir: string): Promise<number> {
  let incidents = 0;
  for (let i = 1; i <= TOWNSHIPS; i++) {
    // Every township has three windows with a few incidents, so its own windows are scored too.
    const windows = ["民政", "社保", "国土"].map((name, w) => {
      const rows: [string, string][] = [];
      for (let k = 0; k < 4 + ((i + w) % 5); k++) {
        rows.push([
          `2025-${String(1 + ((i + k) % 12)).padStart(2, "0")}-${String(3 + k).padStart(2, "0")}`,
          ["14.7", "14.2", "13.2", "14.6"][k % 4]!,
        ]);
      }
      incidents += rows.length;
      return { name, incidents: rows };
    });
    await writeTownship(dir, `township-${String(i).padStart(3, "0")}.xlsx`, {
      name: `第${i}镇`,
      ...generatedScores(i),
      windows,
    });
  }
  return incidents;
}

void (async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-consolidate-"));
  try {
    mkdirSync(path.join(dir, "in"));
    mkdirSync(path.join(dir, "out"));
    const incidents = await corpus(path.join(dir, "in"));
    const io = { cwd: dir, stdout: () => undefined, stderr: (t: string) => process.stderr.write(t) };
    const ms: number[] = [];
    let peak = 0;
    for (let r = 0; r < RUNS; r++) {
      const baseline = process.memoryUsage().rss;
      let high = baseline;
      const sampler = setInterval(() => (high = Math.max(high, process.memoryUsage().rss)), 5);
      const t = performance.now();
      const code = await main(["consolidate", "in", "--out", path.join(dir, "out", `county-${r}.xlsx`)], io);
      ms.push(performance.now() - t);
      clearInterval(sampler);
      if (code !== 0) throw new Error(`kaohe consolidate exited ${code}`);
      peak = Math.max(peak, high);
    }
    ms.sort((a, b) => a - b);
    const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
    process.stdout.write(`## Consolidation

\`kaohe consolidate\` on ${TOWNSHIPS} generated township workbooks (each: settings, the ten-indicator checklist,
3 windows; ${incidents} incidents in all, so every township's own windows are scored by the engine too),
read from disk one at a time (size bound, sniff, zip-bomb guard, ExcelJS), ranked, and the county workbook
(县汇总_镇街排名 / 县汇总_问题 / 县汇总_窗口) written. ${RUNS} runs in one process.

| measure | value |
|---|---|
| time, median of ${RUNS} | ${(ms[Math.floor(RUNS / 2)]! / 1000).toFixed(2)} s |
| time, fastest / slowest | ${(ms[0]! / 1000).toFixed(2)} s / ${(ms[RUNS - 1]! / 1000).toFixed(2)} s |
| per township (median) | ${(ms[Math.floor(RUNS / 2)]! / TOWNSHIPS).toFixed(0)} ms |
| peak RSS during a run (sampled every 5 ms) | ${mb(peak)} |
| peak RSS of the process (\`resourceUsage().maxRSS\`, includes generating the files) | ${mb(process.resourceUsage().maxRSS * 1024)} |
`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
