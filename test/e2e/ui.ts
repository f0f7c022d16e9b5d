/** Shared steps of the pane and page tests: keyboard moves, axe-core, township files, reading a ranking row. */
import ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { FileChooser, Locator, Page } from "playwright-core";
import { repo } from "./browser";

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails when it never does. */
export async function tabTo(page: Page, target: Locator, back = false, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement)))
      return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`never reached ${target.toString()} with the keyboard`);
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/**
 * axe-core in the page: violations of impact serious or critical (none expected). Fluent's focus manager
 * (tabster) adds invisible `<i data-tabster-dummy>` focus guards, which are left out; motion is reduced so
 * colours are not sampled in the middle of a button's transition.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.waitForTimeout(300);
  if (!(await page.evaluate(() => "axe" in window))) {
    await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  }
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: object,
            options: object,
          ): Promise<{
            violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(
      { include: [document], exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    );
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
  });
}

/** The text of each cell of the ranking table's row whose name is `name`. */
export async function rankingRow(page: Page, name: string): Promise<string[]> {
  const row = page
    .getByTestId("rank-row")
    .filter({ has: page.getByRole("button", { name: new RegExp(` ${name} `) }) });
  return row.locator("td").allInnerTexts();
}

export async function rankingColumn(page: Page, index: number): Promise<string[]> {
  return page
    .getByTestId("rank-row")
    .locator(`td:nth-child(${index + 1})`)
    .allInnerTexts();
}

/**
 * Three township workbooks in a new folder: 那坡镇.xlsx (the example), 那坡镇-重报.xlsx (the same township
 * sent again with one reviewed score changed) and 百合镇.xlsx (another township, another score).
 */
export async function townshipFiles(): Promise<{ dir: string; files: string[]; resent: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-towns-"));
  const source = path.join(repo, "examples", "township-2025.xlsx");
  const edit = async (name: string, unit: string | undefined, indicator: string, reviewed: number) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(source);
    wb.getWorksheet("考核设置")!.eachRow((row) => {
      if (unit && row.getCell(1).value === "单位名称") row.getCell(2).value = unit;
    });
    wb.getWorksheet("镇街指标")!.eachRow((row) => {
      if (row.getCell(1).value === indicator) row.getCell(5).value = reviewed;
    });
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  };
  const first = path.join(dir, "那坡镇.xlsx");
  fs.copyFileSync(source, first);
  const resent = await edit("那坡镇-重报.xlsx", undefined, "T2", 9);
  const other = await edit("百合镇.xlsx", "百合镇政务服务中心", "T4", 8);
  return { dir, files: [first, resent, other], resent };
}

/** Every value of a worksheet, row by row, as text (for comparing two workbooks' tabs). */
export function sheetText(ws: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
    rows.push(cells);
  });
  return rows;
}

/** Elements reaching past the viewport's right edge outside a scrolling region (none expected). */
export async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll("body *")]
      .filter(
        (e) => e.getBoundingClientRect().right > width + 1 && !e.parentElement?.closest("[role=region]"),
      )
      .map(
        (e) =>
          `${e.tagName} ${String(e.getAttribute("class") ?? "").slice(0, 40)} ${Math.round(e.getBoundingClientRect().right)}`,
      );
  });
}

/**
 * Enter on the focused button that opens a file chooser. The chooser is intercepted only once Playwright
 * has told the browser to (a round trip after the listener is added), so the key waits for that.
 */
export async function chooseByEnter(page: Page): Promise<FileChooser> {
  const chooser = page.waitForEvent("filechooser");
  await page.waitForTimeout(250);
  await page.keyboard.press("Enter");
  return chooser;
}
