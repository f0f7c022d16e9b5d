/**
 * The standalone page in Chromium: open the example, rank and explain 2025-Q1, download the scored workbook
 * and check it; consolidate township workbooks without opening one; a keyboard-only pass with axe-core.
 */
import { spawnSync } from "child_process";
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { artifact, buildPages, launch, PUBLIC_URL, repo } from "./browser";
import { serve } from "./server";
import { validateManifest } from "../excel/manifestSchema";
import {
  chooseByEnter,
  overflowing,
  rankingColumn,
  rankingRow,
  seriousViolations,
  sheetText,
  tabTo,
  townshipFiles,
} from "./ui";

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
  it("rewrites the manifest to the public URL and keeps it valid", async () => {
    const manifest = fs.readFileSync(path.join(built, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain(`${PUBLIC_URL}/taskpane.html`);
    expect(await validateManifest(manifest)).toEqual({ valid: true, errors: [] });
    for (const f of ["taskpane.html", "commands.html", "standalone.html", "assets/icon-80.png"])
      expect(fs.existsSync(path.join(built, f))).toBe(true);
    expect(fs.readFileSync(path.join(built, "taskpane.html"), "utf8")).toContain('src="office-js/office.js"');
    expect(fs.readFileSync(path.join(built, "standalone.html"), "utf8")).not.toContain("office.js");
  });
});

describe("standalone page", () => {
  it("opens on the ranking for the chosen period; 公安's rank and score are those of 窗口考核结果", async () => {
    await page.getByText("将 .xlsx 文件拖到这里").waitFor();
    await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(example);
    await page.getByText("已打开 county-2025.xlsx").waitFor();
    // The year comes from 考核设置: only 2025 is offered, whatever today's year is.
    await page.getByRole("combobox", { name: "考核期间" }).selectOption("quarter");
    const years = await page.getByRole("combobox", { name: "年份" }).locator("option").allInnerTexts();
    expect(years).toEqual(["2025"]);
    await page.getByRole("combobox", { name: "季度" }).selectOption("1");
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await page.getByText("排名 · 2025-Q1", { exact: false }).first().waitFor();
    await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
    const gongan = await rankingRow(page, "公安");
    await page.screenshot({ path: artifact("standalone-ranking-800.png"), fullPage: true });

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
      "期间类型",
    ]);
    const tab: string[][] = [];
    results.eachRow((row) => tab.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ""))));
    const q1 = tab.filter((r) => r[0] === "2025-Q1");
    const row = q1.find((r) => r[1] === "公安")!;
    // rank, name, department, score, grade, eligibility as the table shows them.
    expect(gongan.slice(0, 5)).toEqual([row[6], "公安", row[2], Number(row[5]).toFixed(1), row[7]]);
    expect(gongan[5]).toBe(row[8] === "是" ? "有" : "无");
    // The table holds exactly the 2025-Q1 rows of the tab.
    expect((await rankingColumn(page, 1)).sort()).toEqual(q1.map((r) => r[1]).sort());
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
    const notes: string[] = [];
    wb.getWorksheet("事项记录")!.eachRow((r) => {
      const note = r.getCell(1).note;
      if (note) notes.push(typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join(""));
    });
    expect(notes.length).toBeGreaterThan(0);
    expect(notes[0]).toMatch(/^【考核标记】/);
    expect(errors).toEqual([]);
  });

  it("sorts, filters by window and grade, searches, and opens a row's explanation with its trend", async () => {
    const scores = async () => (await rankingColumn(page, 3)).map(Number);
    const sortBy = (name: string) => page.getByRole("columnheader", { name }).getByRole("button").click();
    await sortBy("得分");
    const up = await scores();
    expect(up).toEqual([...up].sort((a, b) => a - b));
    await sortBy("得分");
    const down = await scores();
    expect(down).toEqual([...up].sort((a, b) => b - a));
    await sortBy("排名");
    const ranks = (await rankingColumn(page, 0)).map(Number);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));

    await page.getByRole("combobox", { name: "等次" }).selectOption("合格");
    const grades = await rankingColumn(page, 4);
    expect(grades.length).toBeGreaterThan(0);
    expect(new Set(grades)).toEqual(new Set(["合格"]));
    await page.getByRole("combobox", { name: "等次" }).selectOption("");

    await page.getByRole("radio", { name: "人员" }).check();
    const staffWindows = await rankingColumn(page, 2);
    const someWindow = staffWindows[0]!;
    await page.getByRole("combobox", { name: "窗口" }).selectOption(someWindow);
    const filtered = await rankingColumn(page, 2);
    expect(filtered.length).toBe(staffWindows.filter((w) => w === someWindow).length);
    expect(new Set(filtered)).toEqual(new Set([someWindow]));
    await page.getByRole("combobox", { name: "窗口" }).selectOption("");
    await page.getByRole("radio", { name: "窗口" }).check();

    await page.getByRole("searchbox", { name: "按名称搜索" }).fill("公安");
    expect(await rankingColumn(page, 1)).toEqual(["公安"]);
    await page.getByText("显示 1 / 8 条").waitFor();
    await page.getByRole("button", { name: "查看 公安 的得分说明" }).click();
    const explanation = page.getByTestId("explanation");
    await explanation.waitFor();
    await page.getByRole("heading", { name: "2025-Q1 的得分说明" }).waitFor();
    expect(await explanation.innerText()).toMatch(/窗口：公安 · 2025-Q1 · 得分 \d+\.\d，排名 \d+/);
    const trend = page.getByRole("img", { name: /^公安，按月：2025-01 / });
    expect(await trend.getAttribute("aria-label")).toMatch(/2025-12 \d+\.\d/);
    expect(await page.getByRole("img", { name: /^公安，按季度：2025-Q1 / }).count()).toBe(1);
    expect(await page.locator('[data-testid="trend"] g[data-period]').count()).toBe(16);

    // The picker searches as you type.
    const picker = page.getByRole("combobox", { name: "窗口或人员" });
    await picker.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.type("人社");
    const options = await page.getByRole("listbox").getByRole("option").allInnerTexts();
    expect(options).toEqual(["窗口：人社"]);
    await page.getByRole("option", { name: "窗口：人社" }).click();
    expect(await explanation.innerText()).toMatch(/^窗口：人社 · 2025-Q1/);
    await page.screenshot({ path: artifact("standalone-explain-800.png"), fullPage: true });
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await overflowing(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 800, height: 900 });
    expect(errors).toEqual([]);
  });

  it("prints the forms into the open workbook", async () => {
    await page.getByRole("combobox", { name: "打印对象" }).selectOption("staff");
    await page.getByRole("button", { name: "打印考核表" }).click();
    await page.getByText("已写入打印表：打印_考核表").waitFor({ timeout: 60000 });
    // The page shows the same forms as printable HTML, ready for the browser's 打印.
    const preview = page.frameLocator('iframe[title="考核表预览"]');
    await preview.getByText("窗口工作人员考核登记表：黄丽萍").first().waitFor();
    await page.screenshot({ path: artifact("standalone-print-preview.png"), fullPage: false });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载评分工作簿" }).click(),
    ]);
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-print-")), "out.xlsx");
    await download.saveAs(saved);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(saved);
    const form = out.getWorksheet("打印_考核表")!;
    const titles: string[] = [];
    form.eachRow((row) => row.eachCell((cell) => titles.push(String(cell.value ?? ""))));
    // One form per person on the roster (a long form continues under a title marked （续）).
    expect(new Set(titles.filter((v) => /^窗口工作人员考核登记表：[^（]+$/.test(v))).size).toBe(17);
    expect(titles.some((v) => v.startsWith("部门窗口考核登记表"))).toBe(false);
    expect(out.worksheets.some((ws) => ws.name.startsWith("县汇总_"))).toBe(false);
    expect(errors).toEqual([]);
  });

  it("says the results are out of date when an input changed after scoring, and scores again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-stale-"));
    const scored = path.join(dir, "scored.xlsx");
    const cli = await import("../../src/cli/main");
    const quiet = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
    expect(await cli.main(["score", example, "--out", scored], quiet)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(scored);
    wb.getWorksheet("事项记录")!.getCell("E2").value = 5;
    const changed = path.join(dir, "changed.xlsx");
    await wb.xlsx.writeFile(changed);
    await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(changed);
    const notice = page.getByRole("alert").filter({ hasText: "结果已过期，请重新考核" });
    await notice.waitFor({ timeout: 60000 });
    await page.screenshot({ path: artifact("standalone-stale.png"), fullPage: false });
    await notice.getByRole("button", { name: "重新考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await notice.waitFor({ state: "detached" });
    expect(errors).toEqual([]);
  });

  it("shows a located message for a file that is not a workbook, as an alert, and keeps working", async () => {
    const bad = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-bad-")), "bad.xlsx");
    fs.writeFileSync(bad, "日期,窗口\n2025-01-01,民政\n");
    await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(bad);
    // Opening happens in the page's worker: the message comes a moment later.
    await page.getByRole("alert").filter({ hasText: "bad.xlsx" }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe("a rulebook file in the page", () => {
  it("refuses a broken rulebook file with its places, then scores 2025-06 under a county's file in the worker", async () => {
    await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(example);
    await page.getByText("已打开 county-2025.xlsx").waitFor({ timeout: 60000 });
    const rules = path.join(repo, "examples", "rules", "sample-county.json");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-rules-"));
    const doc = JSON.parse(fs.readFileSync(rules, "utf8")) as { items: { window?: unknown }[] };
    doc.items[0]!.window = "半分";
    const broken = path.join(dir, "broken.json");
    fs.writeFileSync(broken, JSON.stringify(doc));
    const picker = page.getByTestId("rulebook-file");
    await picker.setInputFiles(broken);
    await page.getByRole("alert").filter({ hasText: "规则文件 broken.json 无法使用" }).waitFor();
    await page
      .getByRole("alert")
      .filter({ hasText: /^broken\.json: items\[0\]\.window/ })
      .waitFor();
    expect(await page.getByTestId("rulebook-loaded").count()).toBe(0);

    await picker.setInputFiles(rules);
    const loaded = page.getByTestId("rulebook-loaded");
    await loaded.waitFor();
    expect(await loaded.innerText()).toContain(
      "按 示例县政务服务中心窗口及工作人员考核办法(2025年修订)（版本 2025年修订） 考核（来自 sample-county.json）",
    );
    await page.getByRole("combobox", { name: "考核期间" }).selectOption("month");
    await page.getByRole("combobox", { name: "月份" }).selectOption("6");
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
    await page.getByRole("searchbox", { name: "按名称搜索" }).fill("住建");
    // The built-in rules give 住建 90.0 in June (its one overdue case costs 10); this county's rule 0.5.
    expect((await rankingRow(page, "住建"))[3]).toBe("99.5");
    await page.getByRole("button", { name: "查看 住建 的得分说明" }).click();
    const line = page.getByTestId("explain-rulebook");
    await line.waitFor();
    expect(await line.innerText()).toBe(
      "考核办法：示例县政务服务中心窗口及工作人员考核办法(2025年修订)（版本 2025年修订）",
    );
    await page.screenshot({ path: artifact("standalone-rulebook-file.png"), fullPage: true });

    // Put aside, the workbook's own 规则版本 governs again.
    await page.getByRole("button", { name: "改用内置规则" }).click();
    await loaded.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
    await page.getByRole("searchbox", { name: "按名称搜索" }).fill("住建");
    expect((await rankingRow(page, "住建"))[3]).toBe("90.0");
    await page.getByRole("searchbox", { name: "按名称搜索" }).fill("");
    expect(errors).toEqual([]);
  });
});

describe("county flow of the page", () => {
  it("consolidates three township files without opening a workbook, settles the duplicate, and matches the CLI", async () => {
    const fresh = await browser.newPage({
      viewport: { width: 800, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const errs: string[] = [];
    fresh.on("pageerror", (e) => errs.push(e.message));
    await fresh.goto(`${site.url}/standalone.html`);
    await fresh.getByRole("tab", { name: "汇总镇街" }).click();
    const { dir, files, resent } = await townshipFiles();
    const notXlsx = path.join(dir, "说明.xlsx");
    fs.writeFileSync(notXlsx, "a,b\n1,2\n");
    await fresh
      .locator('input[type=file][aria-label="镇街工作簿（.xlsx）"]')
      .setInputFiles([...files, notXlsx]);
    await fresh.getByText("“那坡镇政务服务中心”有多个文件：采用哪一个？").waitFor({ timeout: 60000 });
    // Sent twice, chosen neither: both copies are left out, the other township is ranked alone.
    const ranking = fresh.getByTestId("county-ranking");
    expect(await ranking.locator("tbody tr").count()).toBe(1);
    const problems = fresh.getByTestId("county-problems");
    const problemRows = await problems.locator("tbody tr").allInnerTexts();
    expect(problemRows.some((r) => r.includes("说明.xlsx"))).toBe(true);
    expect(problemRows.filter((r) => r.includes("考核设置!B2") && r.includes("均未汇总")).length).toBe(2);

    await fresh.getByRole("radio", { name: "那坡镇-重报.xlsx" }).check();
    await fresh.waitForFunction(
      () => document.querySelectorAll('[data-testid="county-ranking"] tbody tr').length === 2,
    );
    const shown = await ranking.locator("tbody tr").allInnerTexts();
    expect(shown.join("\n")).toContain("那坡镇-重报.xlsx");
    expect(shown.join("\n")).not.toMatch(/\t那坡镇\.xlsx/);
    await fresh.screenshot({ path: artifact("county-800.png"), fullPage: true });

    const [download] = await Promise.all([
      fresh.waitForEvent("download"),
      fresh.getByRole("button", { name: "下载县级汇总工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("县汇总_2025.xlsx");
    const saved = path.join(dir, "page.xlsx");
    await download.saveAs(saved);

    const cliOut = path.join(dir, "cli.xlsx");
    const cli = spawnSync(
      process.execPath,
      [
        "-r",
        path.join(repo, "bench", "register.js"),
        path.join(repo, "src", "cli", "main.ts"),
        "consolidate",
        ...files.map((f) => path.basename(f)),
        "说明.xlsx",
        "--prefer",
        path.basename(resent),
        "--out",
        "cli.xlsx",
      ],
      { cwd: dir, encoding: "utf8" },
    );
    expect(cli.stderr).toContain("说明.xlsx");
    expect(fs.existsSync(cliOut)).toBe(true);
    const fromPage = new ExcelJS.Workbook();
    await fromPage.xlsx.readFile(saved);
    const fromCli = new ExcelJS.Workbook();
    await fromCli.xlsx.readFile(cliOut);
    expect(fromPage.worksheets.map((w) => w.name)).toEqual(fromCli.worksheets.map((w) => w.name));
    const rankPage = sheetText(fromPage.getWorksheet("县汇总_镇街排名")!);
    expect(rankPage.length).toBe(3);
    expect(rankPage).toEqual(sheetText(fromCli.getWorksheet("县汇总_镇街排名")!));
    expect(sheetText(fromPage.getWorksheet("县汇总_问题")!)).toEqual(
      sheetText(fromCli.getWorksheet("县汇总_问题")!),
    );
    expect(errs).toEqual([]);
    await fresh.close();
  });
});

describe("keyboard only, with axe-core", () => {
  it("runs the whole flow without a pointer and has no serious or critical violation", async () => {
    // A browser of its own: the file chooser needs a user gesture in the window that has the focus.
    const own = await launch();
    const kb = await own.newPage({
      viewport: { width: 1280, height: 900 },
      locale: "zh-CN",
      acceptDownloads: true,
    });
    const errs: string[] = [];
    kb.on("pageerror", (e) => errs.push(e.message));
    await kb.goto(`${site.url}/standalone.html`);
    await kb.bringToFront();
    const violations: unknown[] = [];

    await tabTo(kb, kb.getByRole("button", { name: "打开工作簿" }));
    const chooser = await chooseByEnter(kb);
    await chooser.setFiles(example);
    await kb.getByText("已打开 county-2025.xlsx").waitFor();
    violations.push(...(await seriousViolations(kb)));
    const periodKind = kb.getByRole("combobox", { name: "考核期间" });
    await tabTo(kb, periodKind);
    // 全年（各期） → 月度 → 季度: wait for the year from 考核设置 (the other kinds open up then).
    await kb.waitForFunction(
      () =>
        ![...document.querySelectorAll("option[value=quarter]")].some(
          (o) => (o as HTMLOptionElement).disabled,
        ),
    );
    await kb.keyboard.press("ArrowDown");
    await kb.keyboard.press("ArrowDown");
    expect(await periodKind.inputValue()).toBe("quarter");
    await tabTo(kb, kb.getByRole("button", { name: "开始考核" }));
    await kb.keyboard.press("Enter");
    await kb.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await kb.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
    violations.push(...(await seriousViolations(kb)));

    await tabTo(kb, kb.getByRole("button", { name: "查看 公安 的得分说明" }));
    await kb.keyboard.press("Enter");
    await kb.getByTestId("explanation").waitFor();
    expect(await kb.evaluate(() => document.activeElement?.textContent)).toBe("2025-Q1 的得分说明");
    const picker = kb.getByRole("combobox", { name: "窗口或人员" });
    await tabTo(kb, picker);
    await kb.keyboard.press("Control+A");
    await kb.keyboard.type("人社");
    await kb.keyboard.press("ArrowDown");
    await kb.keyboard.press("Enter");
    await kb.getByText(/^窗口：人社 · 2025-Q1/).waitFor();
    violations.push(...(await seriousViolations(kb)));

    const countyTab = kb.getByRole("tab", { name: "汇总镇街" });
    await tabTo(kb, kb.getByRole("tab", { name: "考核工作簿" }), true);
    await kb.keyboard.press("ArrowRight");
    expect(await countyTab.evaluate((el) => el === document.activeElement)).toBe(true);
    await kb.keyboard.press("Enter");
    await tabTo(kb, kb.getByRole("button", { name: "选择文件", exact: true }));
    const { files } = await townshipFiles();
    const picker2 = await chooseByEnter(kb);
    await picker2.setFiles(files);
    await kb.getByText("“那坡镇政务服务中心”有多个文件：采用哪一个？").waitFor({ timeout: 60000 });
    // Tab reaches the checked radio (neither copy); ArrowUp moves to and chooses 那坡镇.xlsx.
    await tabTo(kb, kb.getByRole("radio", { name: "都不采用（不汇总）" }));
    await kb.keyboard.press("ArrowUp");
    await kb.waitForFunction(
      () => document.querySelectorAll('[data-testid="county-ranking"] tbody tr').length === 2,
    );
    expect(await kb.getByTestId("county-ranking").innerText()).toContain("那坡镇.xlsx");
    violations.push(...(await seriousViolations(kb)));
    await tabTo(kb, kb.getByRole("button", { name: "下载县级汇总工作簿" }));
    const [download] = await Promise.all([kb.waitForEvent("download"), kb.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toBe("县汇总_2025.xlsx");
    expect(violations).toEqual([]);
    expect(errs).toEqual([]);
    await own.close();
  });
});
