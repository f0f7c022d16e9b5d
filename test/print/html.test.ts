/**
 * The forms as printable HTML, printed by Chromium: the same pages as the workbook tab (each form's own
 * page count), A4, with every score, grade and signature label on each form's last page.
 */
import fs from "fs";
import path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { runAssessment } from "../../src/pipeline";
import { buildPrintSheetWithIndex, printHtml } from "../../src/print";
import { launch } from "../e2e/browser";
import { ARTIFACTS, pageSizes, pageText, pdfInfo, renderPage, tempDir } from "./support";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "county-2025.xlsx");
const squeeze = (t: string): string => t.replace(/\s+/g, "");

describe("printable HTML of the forms (Chromium)", () => {
  it("prints the same pages as the workbook tab", async () => {
    const raw = await (await XlsxHost.fromBuffer(fs.readFileSync(EXAMPLE))).readSheets();
    const outcome = runAssessment(raw, { period: "2025" });
    const { sheet, entities } = buildPrintSheetWithIndex(outcome.result!, outcome.input!, { period: "2025" });
    const html = printHtml(sheet, sheet.name);
    expect(html).not.toMatch(/<script/i);
    const browser = await launch();
    const dir = tempDir();
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      const pdf = path.join(dir, "forms.pdf");
      await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
      const { pages } = pdfInfo(pdf);
      expect(pages).toBe(entities.reduce((n, e) => n + e.pages, 0));
      expect(pageSizes(pdf, pages).every((s) => /^59[456](\.\d+)? x 84[12](\.\d+)?$/.test(s))).toBe(true);
      let p = 0;
      for (const e of entities) {
        p += e.pages;
        const last = squeeze(pageText(pdf, p));
        expect(last).toContain(e.name);
        expect(last).toContain(`第${e.pages}页共${e.pages}页`);
        expect(last).toContain("中心考核领导小组意见（盖章）");
      }
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      renderPage(pdf, 1, path.join(ARTIFACTS, "html-window"));
    } finally {
      await browser.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
