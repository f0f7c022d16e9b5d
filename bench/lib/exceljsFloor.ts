/**
 * Child process of core.bench.ts: the ExcelJS floor the CLI is compared with. Reads the input with
 * `wb.xlsx.readFile`, adds the output tabs (rows prepared by the parent, v8-serialised) with plain `addRow`,
 * writes with `wb.xlsx.writeFile`. Prints one JSON line of milliseconds.
 * Usage: node -r bench/register.js bench/lib/exceljsFloor.ts <in.xlsx> <out.xlsx> <tabs.v8>
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { deserialize } from "v8";
import type { CellValue } from "../../src/core";

export interface FloorTab {
  name: string;
  header: string[];
  rows: CellValue[][];
}

export interface FloorResult {
  readMs: number;
  addMs: number;
  writeMs: number;
  totalMs: number;
  cpuMs: number;
}

async function main(): Promise<void> {
  const [input, output, tabsFile] = process.argv.slice(2);
  if (!input || !output || !tabsFile) throw new Error("usage: exceljsFloor <in> <out> <tabs.v8>");
  const tabs = deserialize(readFileSync(tabsFile)) as FloorTab[];
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const t1 = performance.now();
  for (const tab of tabs) {
    const ws = wb.addWorksheet(tab.name);
    ws.addRow(tab.header);
    for (const row of tab.rows) ws.addRow(row);
  }
  const t2 = performance.now();
  await wb.xlsx.writeFile(output);
  const t3 = performance.now();
  const c = process.cpuUsage(c0);
  const cpuMs = (c.user + c.system) / 1000;
  const result: FloorResult = { readMs: t1 - t0, addMs: t2 - t1, writeMs: t3 - t2, totalMs: t3 - t0, cpuMs };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
