/** The in-Excel task pane in Chromium, over the emulated Excel: run, 定位, 清除标记, languages, 320 px. */
import * as fs from "fs";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import type { EmulationOptions, SheetSeed } from "../emulation/excel";
import { seedsFromXlsx } from "../emulation/excel/fromExcelJs";
import { artifact, buildPages, launch, repo } from "./browser";
import { serve } from "./server";

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
