/**
 * The bundled sample as other writers encode it, scored in the standalone page (its worker opens files as
 * the CLI does): each rewrite downloads with the CLI's results for the original, the same inline flags,
 * notes and flag record. Judged through LibreOffice, which reads every encoding, then ExcelJS.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { localToday } from "../../src/calendar/today";
import { FastWorkbook } from "../../src/hosts/xlsx/fast";
import { FLAG_SHEET } from "../../src/core";
import { largeFileReader } from "../../src/hosts/xlsx/fast/open";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { runAssessment } from "../../src/pipeline";
import {
  commentsAndReferences,
  inlineStrings,
  prefixed,
  rewritePackage,
  sharedFormulas,
  singleQuoted,
  strictNamespaces,
  withoutR,
} from "../fixtures/rewrites";
import { artifact, buildPages, launch, repo } from "./browser";
import { serve } from "./server";
import { snapshot } from "../xlsx/snapshot";

const SAMPLE = fs.readFileSync(path.join(repo, "examples", "county-2025.xlsx"));
/** The hidden run record: its timestamps differ from run to run. */
const RUN_RECORD = "考核_生成记录";
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-page-rewrites-"));
const REWRITES: Record<string, (b: Uint8Array) => Buffer> = {
  prefixed,
  "single-quoted": singleQuoted,
  "without-r": withoutR,
  "inline-strings": inlineStrings,
  "comments-cdata-references": commentsAndReferences,
  "shared-formulas": sharedFormulas,
};

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let page: Page;
const errors: string[] = [];
let downloaded = 0;

/** Converts files to .xlsx with LibreOffice (its own profile) in one run; the converted paths in order. */
function viaLibreOffice(files: string[]): string[] {
  const out = fs.mkdtempSync(path.join(dir, "lo-out-"));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-lo-"));
  try {
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--convert-to",
        "xlsx",
        "--outdir",
        out,
        ...files,
      ],
      { stdio: "pipe", timeout: 300000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(out, path.basename(f)));
}

/** The original scored by the CLI's path (same reader, same writer, the page's default period). */
async function cliScored(): Promise<string> {
  const opened = await openWorkbook(SAMPLE, "original.xlsx", { largeFile: largeFileReader });
  if (!opened.workbook) throw new Error("the CLI's path did not open the sample");
  const outcome = runAssessment(opened.workbook.sheets, { asOf: localToday() });
  const written = await opened.workbook.write(outcome.sheets, outcome.flags);
  if (!written.bytes || written.writer !== "large-file") throw new Error("the CLI's path did not write");
  const file = path.join(dir, "cli", "original.xlsx");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, written.bytes);
  return file;
}

/** Opens `file` in the page, scores it and saves the download as <folder>/<name>.xlsx. */
async function scoreInPage(name: string, file: string, folder = "page"): Promise<string> {
  await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(file);
  await page.getByText(`已打开 ${path.basename(file)}`).waitFor({ timeout: 120000 });
  await page.getByRole("button", { name: "开始考核" }).click();
  await page.getByText(/^已写入：/).waitFor({ timeout: 120000 });
  const [dl] = await Promise.all([
    page.waitForEvent("download", { timeout: 120000 }),
    page.getByRole("button", { name: "下载评分工作簿" }).click(),
  ]);
  const saved = path.join(dir, folder, `${name}.xlsx`);
  await dl.saveAs(saved);
  return saved;
}

beforeAll(async () => {
  for (const [name, rewrite] of Object.entries(REWRITES))
    fs.writeFileSync(path.join(dir, `${name}.xlsx`), rewrite(SAMPLE));
  fs.mkdirSync(path.join(dir, "page"));
  fs.mkdirSync(path.join(dir, "again"));
  site = await serve(buildPages());
  browser = await launch();
  page = await browser.newPage({
    viewport: { width: 800, height: 900 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("download", () => downloaded++);
  await page.goto(`${site.url}/standalone.html`);
}, 600000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each download, through LibreOffice, equals the CLI's scored original tab for tab, flag for flag. */
async function expectLikeCli(names: string[], downloads: string[]): Promise<void> {
  const [reference, ...mine] = viaLibreOffice([cli, ...downloads]);
  const want = await snapshot(reference!, [RUN_RECORD]);
  // The comparison has something to compare: flags, notes, result tabs and a flag record.
  expect(want.filled.length).toBeGreaterThan(0);
  expect(Object.keys(want.notes).length).toBeGreaterThan(0);
  expect(want.values[FLAG_SHEET]?.length).toBeGreaterThan(1);
  expect(want.values["窗口考核结果"]?.length).toBeGreaterThan(1);
  for (let i = 0; i < names.length; i++) {
    const snap = await snapshot(mine[i]!, [RUN_RECORD]);
    const name = names[i]!;
    expect([name, Object.keys(snap.values).sort()]).toEqual([name, Object.keys(want.values).sort()]);
    expect([name, snap.filled]).toEqual([name, want.filled]);
    expect([name, snap.notes]).toEqual([name, want.notes]);
    for (const [tab, rows] of Object.entries(want.values))
      expect([name, tab, snap.values[tab]]).toEqual([name, tab, rows]);
  }
}

let cli: string;
const names = Object.keys(REWRITES);

describe("legal rewrites of the sample in the standalone page", () => {
  it("score with the CLI's results for the original, the same inline flags, notes and flag record", async () => {
    cli = await cliScored();
    const downloads: string[] = [];
    for (const name of names) downloads.push(await scoreInPage(name, path.join(dir, `${name}.xlsx`)));
    expect(errors).toEqual([]);
    await expectLikeCli(names, downloads);
  }, 900000);

  it("score again from their scored copy (the earlier flags cleared first) with the same results", async () => {
    const downloads: string[] = [];
    for (const name of names)
      downloads.push(await scoreInPage(name, path.join(dir, "page", `${name}.xlsx`), "again"));
    expect(errors).toEqual([]);
    await expectLikeCli(names, downloads);
  }, 900000);

  it("refuses by name what the CLI refuses (a formula saved without its result, strict OOXML); nothing is downloaded", async () => {
    const part = FastWorkbook.fromBuffer(SAMPLE).sheets.find((t) => t.name === "事项记录")!.path;
    const uncached = rewritePackage(SAMPLE, (name, xml) =>
      name === part ? xml.replace('<c r="E2"><v>1</v></c>', '<c r="E2"><f>2*3</f></c>') : undefined,
    );
    fs.writeFileSync(path.join(dir, "uncached.xlsx"), uncached);
    fs.writeFileSync(path.join(dir, "strict.xlsx"), strictNamespaces(SAMPLE));
    const before = downloaded;
    await page
      .locator('input[type=file][aria-label="打开工作簿"]')
      .setInputFiles(path.join(dir, "uncached.xlsx"));
    await page.getByText("事项记录!E2 是公式，但文件中没有保存其计算结果").waitFor({ timeout: 120000 });
    expect(await page.getByText("已打开 uncached.xlsx").count()).toBe(0);

    // Strict OOXML is read, not written: scoring shows results, the download is refused naming the part.
    await page
      .locator('input[type=file][aria-label="打开工作簿"]')
      .setInputFiles(path.join(dir, "strict.xlsx"));
    await page.getByText("已打开 strict.xlsx").waitFor({ timeout: 120000 });
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 120000 });
    await page.getByRole("button", { name: "下载评分工作簿" }).click();
    await page
      .getByText(/^文件 strict\.xlsx：无法在保留原内容的前提下写入标记（xl\/workbook\.xml：.*未写入任何内容$/)
      .waitFor({ timeout: 120000 });
    await page.screenshot({ path: artifact("standalone-rewrites-refused.png"), fullPage: true });
    expect(downloaded).toBe(before);
    expect(errors).toEqual([]);
  }, 600000);
});
