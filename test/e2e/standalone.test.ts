/** The standalone page in Chromium: open the example, score it, download the scored workbook and check it. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { spawnSync } from "child_process";
import { artifact, buildPages, launch, PUBLIC_URL, repo } from "./browser";
import { serve } from "./server";

const example = path.join(repo, "examples", "county-2025.xlsx");
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let page: Page;
let built: string;
const errors: string[] = [];

beforeAll(async () => {
  built = buildPages();
  site = await serve(built);
  browser = await launch();
  page = await browser.newPage({
    viewport: { width: 800, height: 900 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${site.url}/standalone.html`);
}, 300000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe("the build", () => {
  it("rewrites the manifest to the public URL and keeps it valid", () => {
    const manifest = fs.readFileSync(path.join(built, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${PUBLIC_URL}/taskpane.html`);
    const schema = path.resolve(repo, "../shared/schemas/office-addin-manifest/OfficeAppManifestV1_1.xsd");
    const lint = spawnSync("xmllint", ["--noout", "--schema", schema, path.join(built, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(lint.status).toBe(0);
    for (const f of ["taskpane.html", "commands.html", "standalone.html", "assets/icon-80.png"])
      expect(fs.existsSync(path.join(built, f))).toBe(true);
    expect(fs.readFileSync(path.join(built, "taskpane.html"), "utf8")).toContain('src="office-js/office.js"');
    expect(fs.readFileSync(path.join(built, "standalone.html"), "utf8")).not.toContain("office.js");
  });
});

describe("standalone page", () => {
  it("scores the example workbook and offers the scored copy, whose tabs are right", async () => {
    await page.getByText("将 .xlsx 文件拖到这里").waitFor();
    await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(example);
    await page.getByText("已打开 county-2025.xlsx").waitFor();
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await page.getByRole("img", { name: /窗口等次分布/ }).waitFor();
    await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
    await page.screenshot({ path: artifact("standalone-800.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    await page.screenshot({ path: artifact("standalone-320.png"), fullPage: true });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载评分工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("county-2025.scored.xlsx");
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-dl-")), "out.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const results = wb.getWorksheet("窗口考核结果")!;
    expect(results.getRow(1).values).toEqual([
      undefined,
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
    ]);
    expect(results.rowCount).toBeGreaterThan(6);
    expect(wb.getWorksheet("人员考核结果")!.rowCount).toBeGreaterThan(12);
    expect(wb.getWorksheet("考核明细")!.rowCount).toBeGreaterThan(10);
    // The input tabs are there and unchanged.
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(example);
    for (const name of ["窗口名册", "人员名册", "事项记录"]) {
      const a = original.getWorksheet(name)!;
      const b = wb.getWorksheet(name)!;
      expect(b.rowCount).toBe(a.rowCount);
      expect(b.getRow(2).values).toEqual(a.getRow(2).values);
    }
    // Inline flags: at least one incident row carries a note naming its code.
    const notes: string[] = [];
    wb.getWorksheet("事项记录")!.eachRow((row) => {
      const note = row.getCell(1).note;
      if (note) notes.push(typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join(""));
    });
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatch(/^【考核标记】/);
    expect(errors).toEqual([]);
  });

  it("prints the forms and consolidates township workbooks into the open workbook", async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    await page.getByRole("combobox", { name: "打印对象" }).selectOption("staff");
    await page.getByRole("button", { name: "打印考核表" }).click();
    await page.getByText("已写入打印表：打印_考核表").waitFor({ timeout: 60000 });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-towns-"));
    const township = path.join(repo, "examples", "township-2025.xlsx");
    const other = path.join(dir, "other.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(township);
    wb.getWorksheet("考核设置")!.eachRow((row) => {
      if (row.getCell(1).value === "单位名称") row.getCell(2).value = "另一镇政务服务中心";
    });
    await wb.xlsx.writeFile(other);
    const notCsv = path.join(dir, "notes.xlsx");
    fs.writeFileSync(notCsv, "a,b\n1,2\n");
    await page
      .locator('input[type=file][aria-label="镇街工作簿（.xlsx）"]')
      .setInputFiles([township, other, notCsv]);
    await page.getByText(/^已由 2 个镇街写入县级汇总表；问题 1 项。$/).waitFor({ timeout: 60000 });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载评分工作簿" }).click(),
    ]);
    const saved = path.join(dir, "out.xlsx");
    await download.saveAs(saved);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(saved);
    const ranking = out.getWorksheet("县汇总_镇街排名")!;
    expect(ranking.rowCount).toBe(3);
    expect(ranking.getRow(1).getCell(1).value).toBe("镇街");
    const problems = out.getWorksheet("县汇总_问题")!;
    expect(String(problems.getRow(2).getCell(1).value)).toBe("notes.xlsx");
    const form = out.getWorksheet("打印_考核表")!;
    const titles: string[] = [];
    form.eachRow((row) => row.eachCell((cell) => titles.push(String(cell.value ?? ""))));
    // One form per person on the roster (a long form continues under a title marked （续）).
    expect(new Set(titles.filter((v) => /^窗口工作人员考核登记表：[^（]+$/.test(v))).size).toBe(17);
    expect(titles.some((v) => v.startsWith("部门窗口考核登记表"))).toBe(false);
    expect(errors).toEqual([]);
  });

  it("shows a located message for a file that is not a workbook, and keeps working", async () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-bad-")), "bad.xlsx");
    fs.writeFileSync(bad, "日期,窗口\n2025-01-01,民政\n");
    await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(bad);
    // Opening happens in the page's worker: the message comes a moment later, above the pane's own.
    await page.locator(".fui-MessageBar", { hasText: "bad.xlsx" }).waitFor();
    expect(await page.locator(".fui-MessageBar").first().innerText()).toContain("bad.xlsx");
    expect(errors).toEqual([]);
  });
});
