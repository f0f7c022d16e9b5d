/**
 * Result tabs as written by `kaohe score` (the large-file writer) and read back by LibreOffice: a filter
 * on the header row, the header frozen and repeated, A4 landscape one page wide, grade fills, the period
 * kind, and the stamp header.
 */
import fs from "fs";
import path from "path";
import type { CliIo } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import {
  pageSizes,
  pageText,
  pdfInfo,
  renderPage,
  sofficePdf,
  tempDir,
  zipText,
  ARTIFACTS,
} from "../print/support";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "county-2025.xlsx");

describe("result tabs on paper", () => {
  it("carry filter, frozen header, page setup and grade fills, and print one page wide in LibreOffice", async () => {
    const dir = tempDir("kaohe-tabs-");
    fs.copyFileSync(EXAMPLE, path.join(dir, "in.xlsx"));
    const io: CliIo = { stdout: () => undefined, stderr: () => undefined, cwd: dir };
    expect(await main(["score", "in.xlsx", "--out", "scored.xlsx"], io)).toBe(0);
    const bytes = fs.readFileSync(path.join(dir, "scored.xlsx"));
    const workbook = zipText(bytes, "xl/workbook.xml");
    const rels = zipText(bytes, "xl/_rels/workbook.xml.rels");
    const sheetXml = (name: string): string => {
      const rid = new RegExp(`<sheet name="${name}" sheetId="\\d+"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      return zipText(bytes, `xl/${target}`);
    };
    for (const tab of ["窗口考核结果", "人员考核结果", "考核明细", "办件统计"]) {
      const xml = sheetXml(tab);
      expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
      expect(xml).toContain('state="frozen"');
      expect(xml).toMatch(
        /<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/,
      );
      expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(xml).toMatch(/<oddHeader>&amp;L&amp;8输入校验码 [0-9a-f]{16}|<oddHeader>&amp;L&amp;8生成于/);
      expect(workbook).toMatch(
        new RegExp(`name="_xlnm.Print_Titles" localSheetId="\\d+">'${tab}'!\\$1:\\$1`),
      );
    }
    // The stamp tab is hidden.
    expect(workbook).toMatch(/<sheet name="考核_生成记录"[^>]*state="hidden"/);

    const pdf = sofficePdf(path.join(dir, "scored.xlsx"), dir);
    const { pages } = pdfInfo(pdf);
    const sizes = pageSizes(pdf, pages);
    const text = (p: number) => pageText(pdf, p);
    const windowPages = Array.from({ length: pages }, (_, i) => i + 1).filter((p) => {
      const t = text(p);
      return t.includes("窗口考核结果") && t.includes("评优资格");
    });
    expect(windowPages.length).toBeGreaterThan(0);
    for (const p of windowPages) {
      expect(sizes[p - 1]).toMatch(/^841\.\d+ x 595\.\d+$/);
      const t = text(p);
      // One page wide: the first and the last column on every page, with the header repeated.
      expect(t).toContain("期间类型");
      expect(t).toContain("派驻单位");
      expect(t).not.toMatch(/\d不合格|\d合格|\d优秀/);
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    renderPage(pdf, windowPages[0]!, path.join(ARTIFACTS, "tab-windows"));
    fs.copyFileSync(pdf, path.join(ARTIFACTS, "scored-tabs.pdf"));
    fs.rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
