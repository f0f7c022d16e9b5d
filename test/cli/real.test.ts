/**
 * The built CLI as a user runs it (spawned `node …/src/cli/main.js`), on the committed examples, with
 * LibreOffice headless as an independent reader of the scored file.
 */
import { execFileSync, spawnSync } from "child_process";
import { copyFileSync, existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { countySheets } from "../fixtures/county";
import { loadXlsx, sha256, tempDir, xlsxBytes } from "../fixtures/workbook";
import { sofficeConvert } from "../fixtures/files";
import { listFiles } from "./run";

const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");
let build = "";

interface Doc {
  unit: string;
  year: number;
  windows: {
    period: string;
    window: string;
    score: number;
    deductions: number;
    grade: string;
    reasons: string[];
  }[];
  staff: { period: string; name: string; score: number; grade: string; flags: string[] }[];
  townships: {
    unit: string;
    indicators: Record<string, number>;
    total: number;
    grade: string;
    notes: string[];
  }[];
  issues: { severity: string; code: string; sheet?: string; cell?: string }[];
}

function kaohe(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [path.join(build, "src/cli/main.js"), ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NODE_PATH: path.join(ROOT, "node_modules") },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** One sheet of a workbook as CSV rows, exported by LibreOffice (12th filter field = 1-based sheet number). */
async function libreOfficeSheet(file: string, sheet: string, asShown = false): Promise<string[][]> {
  const names = (await loadXlsx(file)).worksheets.map((w) => w.name);
  const n = names.indexOf(sheet) + 1;
  const out = tempDir("kaohe-csv-");
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,${n}`;
  sofficeConvert(file, filter, out, "csv");
  const csv = listFiles(out).find((f) => f.endsWith(".csv"))!;
  return readFileSync(path.join(out, csv), "utf8")
    .trim()
    .split("\n")
    .map((line) => line.split(","));
}

beforeAll(() => {
  // Build the CLI exactly as `npm ci` (prepare) does, into a temp dir, so the spawned bin is current.
  build = tempDir("kaohe-build-");
  // Type errors are `npm run typecheck`'s job; here we only need the emitted JavaScript.
  const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck", "--outDir", build], {
    cwd: ROOT,
    stdio: "pipe",
  });
  expect(existsSync(path.join(build, "src/cli/main.js"))).toBe(true);
  expect(readFileSync(path.join(build, "src/cli/main.js"), "utf8").startsWith("#!/usr/bin/env node")).toBe(
    true,
  );
}, 300_000); // a cold tsc build on a busy machine can take minutes

describe("the built CLI on the county example", () => {
  let dir = "";
  let doc: Doc;

  beforeAll(() => {
    dir = tempDir();
    copyFileSync(path.join(EXAMPLES, "county-2025.xlsx"), path.join(dir, "county-2025.xlsx"));
    const run = kaohe(["score", "county-2025.xlsx", "--json"], dir);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    doc = JSON.parse(run.stdout) as Doc;
  });

  it("scores a realistic year: windows, staff, vetoes, derived conditions, a tie, a notification", () => {
    expect(doc).toMatchObject({ unit: "田阳县政务服务中心", year: 2025 });
    const year = doc.windows.filter((w) => w.period === "2025");
    expect(year.length).toBeGreaterThanOrEqual(6);
    expect(doc.staff.filter((s) => s.period === "2025").length).toBeGreaterThanOrEqual(12);
    const reasons = doc.windows.flatMap((w) => w.reasons);
    for (const code of ["20A.2", "20B.1", "20B.3", "20B.4", "20B.5"]) {
      expect(reasons.some((r) => r.startsWith(`${code} `))).toBe(true);
    }
    // 20B.1: complaints on 2025-01-20 and 2025-02-10 are 11 working days apart across the Spring Festival.
    expect(doc.windows.find((w) => w.period === "2025-02" && w.window === "公安")).toMatchObject({
      grade: "不合格",
    });
    const q3 = doc.windows.filter(
      (w) => w.period === "2025-Q3" && w.reasons.some((r) => r.startsWith("并列待裁定")),
    );
    expect(q3.map((w) => [w.window, w.score]).sort()).toEqual([
      ["人社", 99.5],
      ["民政", 99.5],
    ]);
    expect(doc.staff.some((s) => s.flags.some((f) => f.startsWith("N-notify ")))).toBe(true);
    expect(doc.issues).toEqual([
      expect.objectContaining({ code: "unverified-row", sheet: "事项记录", cell: "I37" }),
    ]);
  });

  it("LibreOffice reads the same numbers from the scored workbook", async () => {
    const file = path.join(dir, "county-2025.scored.xlsx");
    const rows = await libreOfficeSheet(file, "窗口考核结果");
    expect(rows[0]).toEqual([
      "期间",
      "窗口",
      "派驻单位",
      "扣分",
      "加分",
      "得分",
      "排名",
      "等次",
      "评优资格",
      "原因",
      "期间类型",
    ]);
    const byKey = new Map(rows.slice(1).map((r) => [`${r[0]}|${r[1]}`, r]));
    expect(byKey.size).toBe(doc.windows.length);
    for (const w of doc.windows) {
      const row = byKey.get(`${w.period}|${w.window}`)!;
      expect(Number(row[5])).toBe(w.score);
      expect(Number(row[3])).toBe(w.deductions);
      expect(row[7]).toBe(w.grade);
    }
    const staff = await libreOfficeSheet(file, "人员考核结果");
    const staffScores = new Map(staff.slice(1).map((r) => [`${r[0]}|${r[1]}`, Number(r[8])]));
    for (const s of doc.staff) expect(staffScores.get(`${s.period}|${s.name}`)).toBe(s.score);
    // Displayed with one decimal, as formatted.
    const shown = await libreOfficeSheet(file, "窗口考核结果", true);
    expect(shown.find((r) => r[0] === "2025-Q3" && r[1] === "人社")![5]).toBe("99.5");
    expect(shown.find((r) => r[0] === "2025-Q3" && r[1] === "税务")![5]).toBe("100.0");
  });
});

describe("LibreOffice on text that looks like a formula", () => {
  it("reads =SUM(1), +86…, -…, @… in the scored file as text, not as formulas", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "in.xlsx"), await xlsxBytes(countySheets()));
    expect(kaohe(["score", "in.xlsx", "--out", "out.xlsx"], dir).code).toBe(0);
    const rows = await libreOfficeSheet(path.join(dir, "out.xlsx"), "事项记录");
    expect(rows.slice(1, 5).map((r) => r[9])).toEqual(["=SUM(1)", "+86 电话", "-表扬", "@廉洁"]);
  });
});

describe("the built CLI on the township example and on bad input", () => {
  it("scores the township checklist: reviewed scores count, a blank 复核分 falls back to 自评分", () => {
    const dir = tempDir();
    copyFileSync(path.join(EXAMPLES, "township-2025.xlsx"), path.join(dir, "t.xlsx"));
    const run = kaohe(["score", "t.xlsx", "--json", "--out", "out/t.scored.xlsx"], dir);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as Doc;
    // 5 + 10 + 9.5 + 10 + 9 + 14.5 + 9 + 4.5 + 10 (T9 self, not reviewed) + 13.5 = 95.0 → 优秀
    expect(doc.townships).toEqual([
      expect.objectContaining({ unit: "那坡镇政务服务中心", total: 95, grade: "优秀" }),
    ]);
    expect(doc.townships[0]!.indicators).toMatchObject({ T3: 9.5, T9: 10 });
    expect(doc.issues.some((i) => i.code === "not-reviewed")).toBe(true);
    expect(existsSync(path.join(dir, "out/t.scored.xlsx"))).toBe(true);
  });

  it("exits 1 on a bad file with nothing written, and the human summary goes to stdout on success", () => {
    const dir = tempDir();
    copyFileSync(path.join(EXAMPLES, "county-2025.xlsx"), path.join(dir, "c.xlsx"));
    const bad = path.join(dir, "bad.xlsx");
    writeFileSync(bad, readFileSync(path.join(dir, "c.xlsx")).subarray(0, 3000));
    const hash = sha256(bad);
    const run = kaohe(["score", "bad.xlsx"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("bad.xlsx");
    expect(sha256(bad)).toBe(hash);
    expect(listFiles(dir)).toEqual(["bad.xlsx", "c.xlsx"]);
    const ok = kaohe(["score", "c.xlsx", "--lang", "en"], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain("written: c.scored.xlsx");
    expect(kaohe(["score"], dir).code).toBe(2);
  });
});
