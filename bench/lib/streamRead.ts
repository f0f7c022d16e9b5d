/**
 * Child process of scale.bench.ts: the parsing floor. Iterates every row of every sheet with ExcelJS's
 * streaming reader and does nothing else. Prints one JSON line: milliseconds, rows and cells seen.
 * Usage: node -r bench/register.js bench/lib/streamRead.ts <file.xlsx>
 */
import ExcelJS from "exceljs";

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error("usage: streamRead <file.xlsx>");
  const t = performance.now();
  let rows = 0;
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      cells += (row as ExcelJS.Row).cellCount;
    }
  }
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t, rows, cells })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
