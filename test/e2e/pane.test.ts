/**
 * The in-Excel task pane in Chromium, over the emulated Excel: the ranking against 窗口考核结果, 定位,
 * 清除标记, the county flow writing only when asked, languages, 320 px, keyboard and axe-core.
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { EmulationOptions, SheetSeed } from "../emulation/excel";
import { seedsFromXlsx } from "../emulation/excel/fromExcelJs";
import { artifact, buildPages, launch, repo } from "./browser";
import { serve } from "./server";
import { rankingRow, seriousViolations, tabTo, townshipFiles } from "./ui";

let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let seeds: SheetSeed[];

beforeAll(async () => {
  site = await serve(buildPages());
  browser = await launch();
  seeds = await seedsFromXlsx(
    new Uint8Array(fs.readFileSync(path.join(repo, "examples", "county-2025.xlsx"))),
  );
}, 300000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function openPane(
  options: Omit<EmulationOptions, "sheets">,
  width = 800,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript((seed) => Object.assign(window, { __KAOHE_SEED__: seed }), {
    ...options,
    sheets: seeds,
  });
  await page.goto(`${site.url}/emulated.html`);
  return { page, errors };
}

const idle = (page: Page) =>
  page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");

/** Reads the emulated workbook inside the page. */
function book<T>(page: Page, fn: string): Promise<T> {
  return page.evaluate(`(() => { const book = window.__KAOHE_EMU__.book; ${fn} })()`) as Promise<T>;
}

describe("task pane over the emulated Excel", () => {
  it("runs, writes the result tabs, locates a veto row and clears exactly its flags", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18", displayLanguage: "zh-CN" });
    const run = page.getByRole("button", { name: "开始考核" });
    await run.waitFor();
    // Keyboard: reach 开始考核 with Tab and press Enter.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      if (await run.evaluate((el) => el === document.activeElement)) break;
    }
    await page.keyboard.press("Enter");
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await idle(page);
    expect(await seriousViolations(page)).toEqual([]);
    const names = await book<string[]>(page, "return book.live().map((s) => s.name);");
    expect(names).toEqual(
      expect.arrayContaining(["窗口考核结果", "人员考核结果", "考核明细", "_kaohe_flags"]),
    );
    const flagged = await book<number>(
      page,
      'return book.live().flatMap((s) => [...s.rowFills.values()]).filter((c) => c === "#FFC7CE").length;',
    );
    expect(flagged).toBeGreaterThan(0);
    await page.screenshot({ path: artifact("taskpane-800.png"), fullPage: true });

    await page.getByRole("tab", { name: "否决" }).click();
    const locate = page.getByRole("button", { name: /^定位 事项记录!/ }).first();
    const label = (await locate.innerText()).replace(/^定位\s*/, "");
    await locate.click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __KAOHE_EMU__: { book: { selection?: unknown } } }).__KAOHE_EMU__.book
          .selection,
    );
    const selection = await book<{ sheet: string; address: string }>(page, "return book.selection;");
    expect(selection.sheet).toBe("事项记录");
    // The source is always named as a cell (事项记录!A12); 定位 selects that cell, or its whole row when
    // the source is a row (named by its first cell).
    const [, column, row] = /!([A-Z]+)(\d+)$/.exec(label)!;
    expect([`'事项记录'!${column}${row}`, `'事项记录'!A${row}:XFD${row}`]).toContain(selection.address);
    if (column !== "A") expect(selection.address).toBe(`'事项记录'!${column}${row}`);

    await page.getByRole("tab", { name: "得分说明" }).click();
    await page.getByTestId("explanation").waitFor();
    // Each 定位 names its place.
    const names2 = await page
      .getByRole("button", { name: /^定位 / })
      .evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
    expect(names2.length).toBeGreaterThan(0);
    expect(new Set(names2).size).toBe(names2.length);
    expect(await page.getByTestId("explanation").innerText()).toMatch(/得分 \d+\.\d/);
    await page.screenshot({ path: artifact("taskpane-explain-800.png"), fullPage: true });

    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(/^已清除 \d+ 行的标记。$/).waitFor();
    const cleared = await page.getByText(/^已清除/).innerText();
    expect(Number(/(\d+)/.exec(cleared)![1])).toBe(flagged);
    expect(await book<number>(page, "return book.live().reduce((n, s) => n + s.rowFills.size, 0);")).toBe(0);
    expect(await book<boolean>(page, 'return book.find("_kaohe_flags") === undefined;')).toBe(true);
    expect(await book<number>(page, 'return book.find("事项记录").notes.size;')).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("opens on the 2025-Q1 ranking: 公安's rank and score are those in 窗口考核结果; a row opens its explanation", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18", displayLanguage: "zh-CN" });
    // The year is read from 考核设置 before any run: only 2025 is offered.
    const kind = page.getByRole("combobox", { name: "考核期间" });
    await page.waitForFunction(
      () => !(document.querySelector("option[value=quarter]") as HTMLOptionElement | null)?.disabled,
    );
    await kind.selectOption("quarter");
    expect(await page.getByRole("combobox", { name: "年份" }).locator("option").allInnerTexts()).toEqual([
      "2025",
    ]);
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await idle(page);
    await page.getByText("排名 · 2025-Q1", { exact: false }).first().waitFor();
    const shown = await rankingRow(page, "公安");
    const tab = await book<string[][]>(
      page,
      `const s = book.find("窗口考核结果"); const out = [];
       for (let r = 1; r <= 400; r++) { const row = []; for (let c = 1; c <= 10; c++) { const x = s.cell(r, c); row.push(x ? String(x.v) : ""); } if (row.some(Boolean)) out.push(row); }
       return out;`,
    );
    const row = tab.find((r) => r[0] === "2025-Q1" && r[1] === "公安")!;
    expect(shown.slice(0, 5)).toEqual([row[6], "公安", row[2], Number(row[5]).toFixed(1), row[7]]);
    await page.getByRole("button", { name: "查看 公安 的得分说明" }).click();
    await page.getByRole("heading", { name: "2025-Q1 的得分说明" }).waitFor();
    expect(await page.getByTestId("explanation").innerText()).toMatch(/^窗口：公安 · 2025-Q1 · 得分 /);
    expect(await page.getByRole("img", { name: /^公安，按季度：/ }).count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("consolidates township files in the pane and writes the 县汇总_ tabs only when asked", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18", displayLanguage: "zh-CN" });
    await page.getByRole("button", { name: "汇总镇街工作簿" }).click();
    const { files } = await townshipFiles();
    await page.locator('input[type=file][aria-label="镇街工作簿（.xlsx）"]').setInputFiles(files);
    await page.getByText("“那坡镇政务服务中心”有多个文件：采用哪一个？").waitFor({ timeout: 60000 });
    await page.getByRole("radio", { name: "那坡镇.xlsx" }).check();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="county-ranking"] tbody tr').length === 2,
    );
    const tabs = () => book<string[]>(page, "return book.live().map((s) => s.name);");
    expect((await tabs()).filter((n) => n.startsWith("县汇总_"))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "将县汇总_工作表写入当前工作簿" }).click();
    await page.getByText(/^已写入当前工作簿：/).waitFor({ timeout: 60000 });
    expect((await tabs()).filter((n) => n.startsWith("县汇总_")).sort()).toEqual(
      ["县汇总_问题", "县汇总_镇街排名", "县汇总_窗口"].sort(),
    );
    const townships = await book<string[]>(
      page,
      'const s = book.find("县汇总_镇街排名"); return [2, 3].map((r) => String(s.cell(r, 1)?.v ?? ""));',
    );
    expect(townships.sort()).toEqual(["百合镇政务服务中心", "那坡镇政务服务中心"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("runs by keyboard alone: 开始考核, a ranking row, its explanation", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.18", displayLanguage: "en-US" });
    await tabTo(page, page.getByRole("button", { name: "Run assessment" }));
    await page.keyboard.press("Enter");
    await page.getByText(/^Written:/).waitFor({ timeout: 60000 });
    await idle(page);
    await tabTo(page, page.getByRole("button", { name: "Explain 公安" }));
    await page.keyboard.press("Enter");
    await page.getByTestId("explanation").waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
    expect(await seriousViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("is usable at 320 px and shows what an older Excel lacks", async () => {
    const { page, errors } = await openPane({ apiVersion: "1.7", displayLanguage: "zh-CN" }, 320);
    await page.getByText(/不支持批注接口/).waitFor();
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 60000 });
    await idle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await book<string[]>(page, "return book.live().map((s) => s.name);")).toContain("考核标记");
    await page.screenshot({ path: artifact("taskpane-320.png"), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ["zh-TW", "開始考核", "清除標記"],
    ["en-US", "Run assessment", "Clear flags"],
    ["zh-CN", "开始考核", "清除标记"],
  ])("follows Office's display language %s", async (language, run, clear) => {
    const { page, errors } = await openPane({ displayLanguage: language });
    await page.getByRole("button", { name: run }).waitFor();
    await page.getByRole("button", { name: clear }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
