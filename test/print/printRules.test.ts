/**
 * `kaohe print --rules`: the forms are scored under a county's own rulebook file and name it with its
 * version; a broken file names its place and writes nothing.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import { getProfile } from "../../src/rules";
import { runCli, listFiles } from "../cli/run";
import { tempDir } from "./support";

const ROOT = path.join(__dirname, "..", "..");
const RULES = path.join(ROOT, "examples/rules/sample-county.json");

function versioned(dir: string, version: string): string {
  const doc = JSON.parse(fs.readFileSync(RULES, "utf8")) as Record<string, unknown>;
  const file = path.join(dir, "my-county.json");
  fs.writeFileSync(file, JSON.stringify({ ...doc, version }, null, 2));
  return file;
}

async function printedTexts(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet("打印_考核表")!;
  const texts: string[] = [];
  sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ""))));
  return texts;
}

test("a township form printed under a rules file names that rulebook and its version", async () => {
  const dir = tempDir();
  const input = path.join(dir, "township.xlsx");
  fs.copyFileSync(path.join(ROOT, "examples/township-2025.xlsx"), input);
  const rules = versioned(dir, "2025.2");
  const out = path.join(dir, "printed.xlsx");
  const run = await runCli(
    ["print", input, "--period", "2025", "--who", "township", "--rules", rules, "--out", out],
    dir,
  );
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  const texts = await printedTexts(out);
  expect(texts).toContain("示例县政务服务中心窗口及工作人员考核办法(2025年修订)（版本 2025.2）");
  const builtin = getProfile("tianyang-2008")!.name;
  expect(texts.some((t) => t.includes(builtin))).toBe(false);
}, 60_000);

test("the English forms say the version in English", async () => {
  const dir = tempDir();
  const input = path.join(dir, "township.xlsx");
  fs.copyFileSync(path.join(ROOT, "examples/township-2025.xlsx"), input);
  const rules = versioned(dir, "3");
  const out = path.join(dir, "printed.xlsx");
  const args = ["print", input, "--period", "2025", "--who", "township", "--rules", rules, "--out", out];
  const run = await runCli([...args, "--lang", "en"], dir);
  expect(run.code).toBe(0);
  expect(await printedTexts(out)).toContain(
    "示例县政务服务中心窗口及工作人员考核办法(2025年修订) (version 3)",
  );
}, 60_000);

test("住建's June form under the county file carries 99.5, not the built-in 90", async () => {
  const dir = tempDir();
  const input = path.join(dir, "county.xlsx");
  fs.copyFileSync(path.join(ROOT, "examples/county-2025.xlsx"), input);
  const out = path.join(dir, "printed.xlsx");
  const base = ["print", input, "--period", "2025-06", "--who", "住建", "--out", out];
  expect((await runCli([...base, "--rules", RULES], dir)).code).toBe(0);
  const county = await printedTexts(out);
  expect((await runCli(base, dir)).code).toBe(0);
  const builtin = await printedTexts(out);
  expect(county).toContain("99.5");
  expect(builtin).not.toContain("99.5");
  expect(builtin).toContain("90.0");
}, 60_000);

test("a broken rules file is named with its place and nothing is written", async () => {
  const dir = tempDir();
  const input = path.join(dir, "county.xlsx");
  fs.copyFileSync(path.join(ROOT, "examples/county-2025.xlsx"), input);
  const doc = JSON.parse(fs.readFileSync(RULES, "utf8")) as { items: { window?: unknown }[] };
  doc.items[0]!.window = "half";
  const rules = path.join(dir, "broken.json");
  fs.writeFileSync(rules, JSON.stringify(doc));
  const before = listFiles(dir);
  const run = await runCli(["print", input, "--period", "2025-06", "--rules", rules], dir);
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/^broken\.json: items\[0\]\.window/m);
  expect(listFiles(dir)).toEqual(before);
});
