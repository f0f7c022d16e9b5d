// Child process of baseline.bench.ts: reads every tab of a workbook with the large-file reader of the
// build under `dist` (the current one streams each part; the baseline inflates each whole) and prints
// wall and CPU milliseconds and the cell count as JSON.
import { readFileSync } from "fs";
import path from "path";

interface Reader {
  FastWorkbook: {
    fromBuffer(b: Buffer): {
      readSheets(): { rows: unknown[][] }[];
      readSheetsStreamed?(inflate: unknown): Promise<{ rows: unknown[][] }[]>;
    };
  };
}

async function main(): Promise<void> {
  const [dist, file] = process.argv.slice(2) as [string, string];
  const fast = path.join(dist, "src", "hosts", "xlsx", "fast");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { FastWorkbook } = require(path.join(fast, "fastWorkbook.js")) as Reader;
  const bytes = readFileSync(file);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const wb = FastWorkbook.fromBuffer(bytes);
  let sheets: { rows: unknown[][] }[];
  if (wb.readSheetsStreamed) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { inflatePieces } = require(path.join(fast, "inflateStream.js")) as { inflatePieces: unknown };
    sheets = await wb.readSheetsStreamed(inflatePieces);
  } else sheets = wb.readSheets();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cells = sheets.reduce((n, s) => n + s.rows.reduce((k, r) => k + r.length, 0), 0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (used.user + used.system) / 1000, cells }));
}

void main();
