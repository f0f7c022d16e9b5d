/**
 * Reads the numbers of the result tabs back from text cells, by headers written out here rather than taken
 * from the renderer, so that a wrong tab name or header in the renderer fails the round trip.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";

/** A tab as text: header row first, every cell as shown in a CSV export. */
export interface TextTab {
  name: string;
  rows: string[][];
}

type Get = (header: string) => string;

function rowsOf(tabs: readonly TextTab[], name: string): Get[] {
  const tab = tabs.find((t) => t.name === name);
  if (!tab || tab.rows.length === 0) return [];
  const columns = new Map(tab.rows[0].map((h, i) => [h, i]));
  return tab.rows
    .slice(1)
    .filter((r) => r.some((v) => v !== ""))
    .map((r) => (header: string) => {
      const i = columns.get(header);
      if (i === undefined) throw new Error(`${name} has no column ${header}`);
      return r[i] ?? "";
    });
}

const tenths = (text: string): number => (text === "" ? 0 : Math.round(Number(text) * 10));
const int = (text: string): number => (text === "" ? 0 : Number(text));

/** Window, staff, township and audit numbers in the order the tabs list them. */
export function tabNumbers(tabs: readonly TextTab[]) {
  return {
    windows: rowsOf(tabs, "窗口考核结果").map((g) => [
      g("期间"),
      g("窗口"),
      tenths(g("扣分")),
      tenths(g("加分")),
      tenths(g("得分")),
      int(g("排名")),
      g("等次"),
      g("评优资格") === "是",
    ]),
    staff: rowsOf(tabs, "人员考核结果").map((g) => [
      g("期间"),
      g("姓名"),
      { de: tenths(g("德")), neng: tenths(g("能")), qin: tenths(g("勤")), ji: tenths(g("绩")) },
      tenths(g("加分")),
      tenths(g("得分")),
      int(g("排名")),
      g("等次"),
      g("评优资格") === "是",
    ]),
    townships: rowsOf(tabs, "镇街考核结果").map((g) => [
      g("单位"),
      Object.fromEntries(
        ["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"]
          .filter((id) => g(id) !== "")
          .map((id) => [id, tenths(g(id))]),
      ),
      tenths(g("总分")),
      int(g("排名")),
    ]),
    audit: rowsOf(tabs, "考核明细").map((g) => [g("期间"), g("对象"), tenths(g("分值")), int(g("数量"))]),
  };
}

/** RFC 4180 fields: quoted fields may hold commas, quotes (doubled) and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') quoted = !quoted;
    else if (quoted) field += ch;
    else if (ch === ",") endField();
    else if (ch === "\n") endRow();
    else if (ch !== "\r") field += ch;
  }
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/**
 * Every sheet of every file as CSV through LibreOffice (one run for all files, its own profile):
 * UTF-8, cell values rather than their display format, one `<file>-<sheet>.csv` per sheet.
 */
export function libreOfficeTabs(files: string[], sheetNames: readonly string[]): TextTab[][] {
  const outDir = mkdtempSync(path.join(tmpdir(), "kaohe-csv-"));
  const profile = mkdtempSync(path.join(tmpdir(), "kaohe-lo-"));
  execFileSync(
    "soffice",
    [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,false,false,false,false,-1",
      "--outdir",
      outDir,
      ...files,
    ],
    { stdio: "pipe", timeout: 300000 },
  );
  const written = new Set(readdirSync(outDir));
  return files.map((file) => {
    const base = path.parse(file).name;
    return sheetNames
      .filter((name) => written.has(`${base}-${name}.csv`))
      .map((name) => ({
        name,
        rows: parseCsv(readFileSync(path.join(outDir, `${base}-${name}.csv`), "utf8")),
      }));
  });
}
