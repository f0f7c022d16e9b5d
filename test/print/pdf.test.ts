import fs from "fs";
import path from "path";
import { buildPrintSheetWithIndex } from "../../src/print";
import { audit, PERIOD, sampleCase, staffResult } from "./factory";
import {
  ARTIFACTS,
  pageSizes,
  pageText,
  pdfInfo,
  renderPage,
  sofficePdf,
  tempDir,
  writePrintWorkbook,
} from "./support";

const SIGNATURES = ["派驻单位意见（盖章）", "中心考核领导小组意见（盖章）"];
const TOWNSHIP_SIGNATURES = ["镇（街道）中心负责人签字", "考核组签字", "县中心意见（盖章）"];
/** A4 in points, as LibreOffice writes it (595.3 x 841.9). */
const A4 = /^595\.\d+ x 841\.\d+$/;

/** pageText may put spaces between CJK glyphs of one cell; compare without white space. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, "");
}

describe("printed PDF (LibreOffice headless)", () => {
  it("has one A4 page per entity carrying its name, score, grade and the signature labels", () => {
    const { input, result } = sampleCase();
    const { sheet, entities } = buildPrintSheetWithIndex(result, input, { period: PERIOD });
    const dir = tempDir();
    const xlsx = path.join(dir, "print.xlsx");
    return writePrintWorkbook(xlsx, sheet).then(() => {
      const pdf = sofficePdf(xlsx, dir);
      const info = pdfInfo(pdf);
      expect(info.pages).toBe(entities.length);
      expect(pageSizes(pdf, info.pages).every((s) => A4.test(s))).toBe(true);
      const expected: Record<string, [string, string]> = {
        民政局窗口: ["97.8", "合格"],
        人社局窗口: ["90.0", "合格"],
        税务局窗口: ["102.0", "优秀"],
        张三: ["96.3", "称职"],
        李四: ["102.0", "优秀"],
        王五: ["99.5", "并列待裁定"],
        赵六: ["99.5", "并列待裁定"],
        那坡镇便民服务中心: ["95.5", "优秀"],
      };
      entities.forEach((e, i) => {
        const text = squeeze(pageText(pdf, i + 1));
        const [score, grade] = expected[e.name];
        expect(text).toContain(`：${e.name}`);
        expect(text).toMatch(new RegExp(`得分${score.replace(".", "\\.")}`));
        expect(text).toContain(`等次${grade}`);
        const labels = e.kind === "township" ? TOWNSHIP_SIGNATURES : SIGNATURES;
        for (const label of labels) expect(text).toContain(label);
        expect(text).toContain("第1页共1页");
      });
      // One rendered page per entity kind, for the README (docs/img/print-*.png are copies).
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      for (const kind of ["window", "staff", "township"] as const) {
        const page = entities.findIndex((e) => e.kind === kind) + 1;
        const png = renderPage(pdf, page, path.join(ARTIFACTS, `print-${kind}`));
        expect(fs.statSync(png).size).toBeGreaterThan(10_000);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  it("paginates a long form as planned: continuation pages repeat the heading, the signatures close the form", async () => {
    const { input, result } = sampleCase();
    result.staff = [
      staffResult({
        name: "长表",
        window: "民政局窗口",
        categories: { de: -90, neng: 0, qin: 0, ji: 0 },
        score: 910,
      }),
      staffResult({ name: "短表", window: "民政局窗口", score: 1000 }),
    ];
    result.audit = Array.from({ length: 45 }, (_, k) =>
      audit({
        entityType: "staff",
        entity: "长表",
        code: "14.7",
        points: -2,
        category: "de",
        date: `2025-0${1 + (k % 3)}-${String(10 + (k % 18)).padStart(2, "0")}`,
        text:
          k % 5 === 0
            ? "着装不整齐、未按规定着装和佩证上岗，且在大厅内多次被提醒后仍未改正，影响窗口形象"
            : "着装不整齐",
        source: { sheet: "事项记录", row: 10 + k },
      }),
    );
    const { sheet } = buildPrintSheetWithIndex(result, input, { period: PERIOD, who: "staff" });
    const planned = sheet.pageSetup!.rowBreaks.length + 1;
    expect(planned).toBeGreaterThan(2);
    const dir = tempDir();
    const xlsx = path.join(dir, "long.xlsx");
    await writePrintWorkbook(xlsx, sheet);
    const pdf = sofficePdf(xlsx, dir);
    const { pages } = pdfInfo(pdf);
    expect(pages).toBe(planned);
    const texts = Array.from({ length: pages }, (_, i) => squeeze(pageText(pdf, i + 1)));
    expect(texts[0]).toContain("窗口工作人员考核登记表：长表");
    expect(texts[1]).toContain("窗口工作人员考核登记表：长表（续）");
    expect(texts[1]).toContain("日期条款内容数量分值来源");
    expect(texts[pages - 2]).toContain("考核领导小组意见（盖章）");
    expect(texts[pages - 1]).toContain("窗口工作人员考核登记表：短表");
    for (const t of texts) expect(t).toContain("田阳县考核登记表");
    const lines = texts.join("").match(/14\.7/g) ?? [];
    expect(lines).toHaveLength(45);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    renderPage(pdf, 2, path.join(ARTIFACTS, "print-continued"));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
