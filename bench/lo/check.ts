/** Checks LibreOffice's CSV of the summary sheet against counts made in JavaScript, and warms up profiles. */
import ExcelJS from "exceljs";
import path from "path";
import type { CsvExport } from "./soffice";
import { exportSheetCsv } from "./soffice";
import type { Expected } from "./template";

export interface LoRun {
  formulas: number;
  bytes: number;
  export: CsvExport;
  check: Check;
}

export interface Check {
  ok: boolean;
  /** Every value is the cached -1: LibreOffice did not recalculate. */
  stale: boolean;
  note: string;
}

/** Every formula value of the CSV compared with the expected counts. */
export function checkSummary(rows: string[][] | undefined, expected: Expected): Check {
  if (!rows) return { ok: false, stale: false, note: "LibreOffice wrote no CSV, so nothing was checked." };
  let equal = 0;
  let stale = 0;
  const wrong: string[] = [];
  for (const row of rows.slice(1)) {
    const want = expected.get(row[0] ?? "");
    if (!want) continue;
    want.forEach((value, i) => {
      const got = Number(row[i + 1]);
      if (got === value) equal++;
      else if (got === -1) stale++;
      else wrong.push(`${row[0]} column ${i + 2}: ${row[i + 1]} ≠ ${value}`);
    });
  }
  const total = [...expected.values()].reduce((n, v) => n + v.length, 0);
  if (equal === total) {
    return {
      ok: true,
      stale: false,
      note: `All ${total.toLocaleString("en")} values of its CSV equal counts made in JavaScript.`,
    };
  }
  const detail = wrong.length ? ` (first: ${wrong[0]})` : "";
  const note = `Of ${total} values ${equal} were equal, ${stale} still the cached -1, ${wrong.length} different${detail}.`;
  if (stale === total) return { ok: false, stale: true, note: `All ${total} values are the cached -1.` };
  return { ok: false, stale: false, note: `**Check failed.** ${note}` };
}

/** A profile's first start sets it up (seconds); done on a tiny file so the timed runs do not pay for it. */
export async function warmUp(dir: string, profiles: readonly string[]): Promise<void> {
  const file = path.join(dir, "warm-up.xlsx");
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("a").addRow([1, { formula: "A1+1" }]);
  wb.addWorksheet("b").addRow([2]);
  await wb.xlsx.writeFile(file);
  for (const profile of profiles) await exportSheetCsv(file, 2, profile, 120_000);
}
