/**
 * Townships are consolidated only when they scored under one rulebook, compared by its name and version:
 * a township whose workbook carries its own 考核规则 tab is left out of a county of built-in townships,
 * and 县汇总_问题 names both rulebooks. Real files, written and read through `kaohe consolidate`.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import os from "os";
import path from "path";
import { getProfile } from "../../src/rules";
import { loadRulebookText } from "../../src/rules/format";
import { RULEBOOK_TAB, rulebookTabRows } from "../../src/workbook/parse/rulebookTab";
import { runCli } from "../cli/run";
import { townshipBytes, type TownshipSpec } from "./support/townships";

const RULES = path.join(__dirname, "..", "..", "examples/rules/sample-county.json");
const COUNTY = "示例县政务服务中心窗口及工作人员考核办法(2025年修订)";

function tabRows(version?: string): (string | number | null)[][] {
  const text = fs.readFileSync(RULES, "utf8");
  const doc = JSON.parse(text) as Record<string, unknown>;
  const loaded = loadRulebookText(JSON.stringify(version ? { ...doc, version } : doc));
  if (!loaded.ok) throw new Error("sample rulebook does not load");
  return rulebookTabRows(loaded.profile, "tianyang-2008") as (string | number | null)[][];
}

async function write(dir: string, file: string, spec: TownshipSpec, tab?: (string | number | null)[][]) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await townshipBytes(spec)) as unknown as ArrayBuffer);
  if (tab) {
    const sheet = book.addWorksheet(RULEBOOK_TAB);
    for (const row of tab) sheet.addRow(row);
  }
  await book.xlsx.writeFile(path.join(dir, file));
}

async function problems(file: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const rows: string[][] = [];
  book.getWorksheet("县汇总_问题")!.eachRow((row, n) => {
    if (n > 1) rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? "")));
  });
  return rows;
}

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-rulebooks-"));
const windows = [{ name: "民政", incidents: [["2025-03-04", "15.7"]] as [string, string][] }];

test("a township with its own 考核规则 tab is left out of built-in townships, both rulebooks named", async () => {
  const dir = tempDir();
  await write(dir, "a.xlsx", { name: "那坡镇", windows });
  await write(dir, "b.xlsx", { name: "百育镇" });
  await write(dir, "c.xlsx", { name: "头塘镇", windows }, tabRows("2025.2"));
  const before = fs.readFileSync(path.join(dir, "c.xlsx"));
  const run = await runCli(["consolidate", ".", "--out", "county.xlsx"], dir);
  expect(run.stdout).toContain("已汇总 2 个镇街");
  const builtin = getProfile("tianyang-2008")!.name;
  const rows = await problems(path.join(dir, "county.xlsx"));
  const line = rows.find((r) => r.join(" ").includes("c.xlsx"))!;
  expect(line.join(" ")).toContain(
    `按考核规则“${COUNTY}”（版本：2025.2）考核，与汇总所用的“${builtin}”（版本：—）不同，未汇总`,
  );
  expect(line.join(" ")).toContain(RULEBOOK_TAB);
  expect(run.stderr).toContain(`c.xlsx ${RULEBOOK_TAB}`);
  // The input is only read.
  expect(fs.readFileSync(path.join(dir, "c.xlsx")).equals(before)).toBe(true);
}, 60_000);

test("in English the message names both rulebooks in English words", async () => {
  const dir = tempDir();
  await write(dir, "a.xlsx", { name: "那坡镇" });
  await write(dir, "b.xlsx", { name: "百育镇" });
  await write(dir, "c.xlsx", { name: "头塘镇" }, tabRows("3"));
  const run = await runCli(["consolidate", ".", "--out", "county.xlsx", "--lang", "en"], dir);
  expect(run.stderr).toContain(`scored under the rulebook "${COUNTY}" (version: 3), not the consolidated`);
}, 60_000);

test("townships that all carry the same 考核规则 tab are consolidated together", async () => {
  const dir = tempDir();
  await write(dir, "a.xlsx", { name: "那坡镇", windows }, tabRows("2025.2"));
  await write(dir, "b.xlsx", { name: "百育镇" }, tabRows("2025.2"));
  const run = await runCli(["consolidate", ".", "--out", "county.xlsx"], dir);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("已汇总 2 个镇街");
  expect(await problems(path.join(dir, "county.xlsx"))).toEqual([]);
}, 60_000);

test("two versions of one county rulebook are not mixed: the other version is named", async () => {
  const dir = tempDir();
  await write(dir, "a.xlsx", { name: "那坡镇" }, tabRows("2025.2"));
  await write(dir, "b.xlsx", { name: "百育镇" }, tabRows("2025.2"));
  await write(dir, "c.xlsx", { name: "头塘镇" }, tabRows("2025.1"));
  const run = await runCli(["consolidate", ".", "--out", "county.xlsx"], dir);
  expect(run.stdout).toContain("已汇总 2 个镇街");
  expect(run.stderr).toContain(
    `“${COUNTY}”（版本：2025.1）考核，与汇总所用的“${COUNTY}”（版本：2025.2）不同`,
  );
}, 60_000);
