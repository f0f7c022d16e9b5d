/**
 * A county's own rulebook, written only as a file (examples/rules/sample-county.json): 15.7 deducts 0.5
 * instead of 10, a 14.10 item is added, staff are graded 优秀/良好/合格/不合格 with a 15 % quota. It scores
 * the sample workbook through the CLI; the expected numbers are worked out by hand below.
 */
import ExcelJS from "exceljs";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { loadRulebookText } from "../../src/rules/format";
import { RULEBOOK_TAB, rulebookTabRows } from "../../src/workbook/parse/rulebookTab";
import { runCli } from "../cli/run";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = path.join(ROOT, "examples/county-2025.xlsx");
const RULES = path.join(ROOT, "examples/rules/sample-county.json");

interface Row {
  period: string;
  score: number;
  grade: string;
}
interface Doc {
  profile: string;
  windows: (Row & { window: string })[];
  staff: (Row & { name: string })[];
}

let dir: string;
let builtin: Doc;
let county: Doc;

async function score(args: string[]): Promise<Doc> {
  const run = await runCli(["score", SAMPLE, "--json", "--out", path.join(dir, "out.xlsx"), ...args], dir);
  if (run.code !== 0) throw new Error(run.stderr || run.stdout);
  return JSON.parse(run.stdout) as Doc;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-county-"));
  builtin = await score([]);
  county = await score(["--rules", RULES]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const win = (d: Doc, name: string, period: string) =>
  d.windows.find((w) => w.window === name && w.period === period)!;
const person = (d: Doc, name: string, period: string) =>
  d.staff.find((s) => s.name === name && s.period === period)!;
const gradesIn = (d: Doc, period: string) =>
  Object.fromEntries(
    d.staff.filter((s) => s.period === period && s.grade !== "良好").map((s) => [s.name, s.grade]),
  );

test("the rulebook file governs the workbook", () => {
  expect(county.profile).toBe("sample-county-2025");
});

test("住建's one overdue case (ZJ-2025-0001, June) costs 0.5 instead of 10: +9.5 in June, Q2 and the year", () => {
  // Built-in: June 90, Q2 89.8, year 84.1 (each carries the −10 of 15.7).
  expect([90, 89.8, 84.1]).toEqual(["2025-06", "2025-Q2", "2025"].map((p) => win(builtin, "住建", p).score));
  expect(win(county, "住建", "2025-06").score).toBe(99.5);
  expect(win(county, "住建", "2025-Q2").score).toBe(99.3);
  expect(win(county, "住建", "2025").score).toBe(93.6);
  // Still 不合格 in June: 20B.5 (an overdue of 3+ working days) fails the month whatever the points.
  expect(win(county, "住建", "2025-06").grade).toBe("不合格");
});

test("every other window scores and grades exactly as under the built-in rulebook", () => {
  const others = (d: Doc) =>
    d.windows.filter((w) => w.window !== "住建").map((w) => [w.period, w.window, w.score, w.grade]);
  expect(others(county)).toEqual(others(builtin));
});

test("staff grades carry the county's names; nobody is 称职", () => {
  const names = new Set(county.staff.map((s) => s.grade));
  expect([...names].sort()).toEqual(["优秀", "并列待裁定", "良好"].sort());
});

test("15 % of a 17-person roster is ⌊2.55⌋ = 2 优秀 places a quarter", () => {
  // Q1: 梁国庆 103 takes one place; four tie at 102 for the other → all four wait for 人工裁定.
  expect(gradesIn(county, "2025-Q1")).toEqual({
    梁国庆: "优秀",
    农志强: "并列待裁定",
    覃振宇: "并列待裁定",
    莫少峰: "并列待裁定",
    何雪梅: "并列待裁定",
  });
  // Q2: 李秀英 105 and 黎文辉 104 fill both places; the 102s (a tie under the built-in 3 places) are 良好.
  expect(gradesIn(county, "2025-Q2")).toEqual({ 李秀英: "优秀", 黎文辉: "优秀" });
  // Q3: three at 102 for two places (built-in: all three 优秀).
  expect(gradesIn(county, "2025-Q3")).toEqual({
    韦建华: "并列待裁定",
    李秀英: "并列待裁定",
    覃振宇: "并列待裁定",
  });
  // Q4: 黎文辉 105 and 何雪梅 103.
  expect(gradesIn(county, "2025-Q4")).toEqual({ 黎文辉: "优秀", 何雪梅: "优秀" });
});

test("the year: 25.6b's +2 goes with the lost Q3 优秀, and two 优秀 places go to 黎文辉 and 李秀英", () => {
  for (const [name, before, after] of [
    ["韦建华", 110, 108],
    ["李秀英", 115, 113],
    ["覃振宇", 109, 107],
  ] as const) {
    expect(person(builtin, name, "2025").score).toBe(before);
    expect(person(county, name, "2025").score).toBe(after);
  }
  expect(gradesIn(county, "2025")).toEqual({ 黎文辉: "优秀", 李秀英: "优秀" });
  expect(person(county, "黎文辉", "2025").score).toBe(118.8);
  expect(person(county, "何雪梅", "2025")).toMatchObject({ score: 112, grade: "良好" });
});

test("a 14.10 row counts under the county's rulebook and is refused under the built-in one", async () => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const sheet = book.getWorksheet("事项记录")!;
  sheet.addRow([new Date(Date.UTC(2025, 9, 15)), "公安", "韦建华", "14.10", 1, null, null, null, "是"]);
  const file = path.join(dir, "with-14.10.xlsx");
  await book.xlsx.writeFile(file);
  const out = path.join(dir, "with.out.xlsx");
  const refused = await runCli(["score", file, "--out", out], dir);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("14.10");
  const run = await runCli(["score", file, "--json", "--out", out, "--rules", RULES], dir);
  expect(run.code).toBe(0);
  const doc = JSON.parse(run.stdout) as Doc;
  // −0.5 on the window and −0.5 (勤) on the person, in October.
  expect(win(doc, "公安", "2025-10").score).toBe(
    Math.round((win(county, "公安", "2025-10").score - 0.5) * 10) / 10,
  );
  expect(person(doc, "韦建华", "2025-10").score).toBe(person(county, "韦建华", "2025-10").score - 0.5);
}, 60_000);

test("a broken rulebook stops the run before the workbook is read, with its place named, nothing written", async () => {
  const bad = path.join(dir, "bad.json");
  const file = JSON.parse(readFileSync(RULES, "utf8")) as { staffGrades: { basicFloor: number } };
  file.staffGrades.basicFloor = 80;
  writeFileSync(bad, JSON.stringify(file));
  const out = path.join(dir, "never.xlsx");
  const run = await runCli(["score", SAMPLE, "--out", out, "--rules", bad], dir);
  expect(run).toMatchObject({ code: 1, stdout: "" });
  expect(run.stderr).toBe("bad.json: staffGrades: 分数线顺序不对:95 > 75 > 80\n");
  expect(existsSync(out)).toBe(false);
  const json = await runCli(["score", SAMPLE, "--out", out, "--rules", bad, "--json", "--lang", "en"], dir);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.stdout)).toMatchObject({
    issues: [
      {
        severity: "error",
        code: "rulebook",
        message: "bad.json: staffGrades: floors out of order: 95 > 75 > 80",
      },
    ],
  });
});

async function withTab(rows: (string | number | null)[][], name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(SAMPLE);
  const sheet = book.addWorksheet(RULEBOOK_TAB);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(dir, name);
  await book.xlsx.writeFile(file);
  return file;
}

test("the same rulebook as a 考核规则 tab (over the 田阳 底本) gives the same results", async () => {
  const loaded = loadRulebookText(readFileSync(RULES, "utf8"));
  if (!loaded.ok) throw new Error("sample rulebook does not load");
  const file = await withTab(
    rulebookTabRows(loaded.profile, "tianyang-2008") as (string | number | null)[][],
    "tab.xlsx",
  );
  const run = await runCli(["score", file, "--json", "--out", path.join(dir, "tab.out.xlsx")], dir);
  expect(run.code).toBe(0);
  const doc = JSON.parse(run.stdout) as Doc;
  expect(doc.profile).toBe("sample-county-2025");
  expect(doc.windows).toEqual(county.windows);
  expect(doc.staff).toEqual(county.staff);
}, 60_000);

test("a broken 考核规则 tab names its cells and nothing is written", async () => {
  const loaded = loadRulebookText(readFileSync(RULES, "utf8"));
  if (!loaded.ok) throw new Error("sample rulebook does not load");
  const rows = rulebookTabRows(loaded.profile, "tianyang-2008") as (string | number | null)[][];
  const at157 = rows.findIndex((r) => r[0] === "15.7");
  rows[at157]![4] = "半分"; // 窗口分值, column E
  const out = path.join(dir, "badtab.out.xlsx");
  const run = await runCli(["score", await withTab(rows, "badtab.xlsx"), "--out", out], dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(`考核规则!E${at157 + 1}：应为数字,实为 文字`);
  rows[at157]![4] = -0.5;
  rows[5]![1] = "95/75/80"; // 人员分数线
  const again = await runCli(
    ["score", await withTab(rows, "badtab2.xlsx"), "--out", out, "--lang", "en"],
    dir,
  );
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("考核规则!B6: floors out of order: 95 > 75 > 80");
  expect(existsSync(out)).toBe(false);
}, 60_000);
