/**
 * The forms as LibreOffice prints them: the sample's yearly and quarterly forms for every entity, and a
 * workbook whose staff have 40+ effects a year. Pages equal the sum of each form's own pages; no page
 * holds only the closing part; every form's last page has its score, grade and all signature labels;
 * every 派驻单位 and 内容 appears whole.
 */
import fs from "fs";
import path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { runAssessment } from "../../src/pipeline";
import { buildPrintSheetWithIndex, formatPoints, type PrintedEntity } from "../../src/print";
import type { AssessmentResult } from "../../src/engine/types";
import type { RawSheet } from "../../src/core";
import {
  ARTIFACTS,
  pageRawText,
  pageText,
  pdfInfo,
  renderPage,
  sofficePdf,
  tempDir,
  writePrintWorkbook,
} from "./support";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const squeeze = (t: string): string => t.replace(/\s+/g, "");
const SIGNATURES: Record<PrintedEntity["kind"], string[]> = {
  window: ["窗口负责人签字", "派驻单位意见（盖章）", "考核人签字", "中心考核领导小组意见（盖章）"],
  staff: [
    "本人意见",
    "同意",
    "不同意",
    "窗口负责人（首席代表）意见",
    "派驻单位意见（盖章）",
    "中心考核领导小组意见（盖章）",
  ],
  township: ["镇（街道）中心负责人签字", "考核组签字", "县中心意见（盖章）"],
};

async function readExample(name: string): Promise<RawSheet[]> {
  return (await XlsxHost.fromBuffer(fs.readFileSync(path.join(EXAMPLES, name)))).readSheets();
}

/** Score and grade of a printed entity, as its form prints them. */
function scoreAndGrade(result: AssessmentResult, e: PrintedEntity, period: string): [string, string] {
  if (e.kind === "window") {
    const w = result.windows.find((x) => x.window === e.name && x.period === period)!;
    return [formatPoints(w.score), w.grade];
  }
  if (e.kind === "staff") {
    const s = result.staff.find((x) => x.name === e.name && x.period === period)!;
    return [formatPoints(s.score), s.grade || "并列待裁定"];
  }
  const t = result.townships.find((x) => x.unit === e.name)!;
  return [formatPoints(t.total), t.grade];
}

/** Prints `period` for every entity to PDF and checks the pages; returns the PDF (for screenshots). */
async function checkForms(raw: RawSheet[], period: string, dir: string, label: string): Promise<string> {
  const outcome = runAssessment(raw, { period });
  expect(outcome.ok).toBe(true);
  const result = outcome.result!;
  const input = outcome.input!;
  const { sheet, entities } = buildPrintSheetWithIndex(result, input, { period });
  const xlsx = path.join(dir, `${label}.xlsx`);
  await writePrintWorkbook(xlsx, sheet);
  const pdf = sofficePdf(xlsx, dir);
  const { pages } = pdfInfo(pdf);
  expect(pages).toBe(entities.reduce((n, e) => n + e.pages, 0));
  // Layout text (-layout) for labels and numbers; reading order (raw) for wrapped texts, kept whole.
  const texts = Array.from({ length: pages }, (_, i) => squeeze(pageText(pdf, i + 1)));
  let page = 0;
  for (const e of entities) {
    const own = texts.slice(page, page + e.pages);
    page += e.pages;
    own.forEach((t, i) => {
      expect(t).toContain(e.name);
      expect(t).toContain(`第${i + 1}页共${e.pages}页`);
      if (i > 0) expect(t).toContain("（续）");
    });
    const last = own[own.length - 1]!;
    const [score, grade] = scoreAndGrade(result, e, period);
    expect(last).toMatch(new RegExp(`得分${score.replace(".", "\\.")}`));
    expect(last).toContain(`等次${grade}`);
    for (const label of SIGNATURES[e.kind]) expect(last).toContain(label);
    // The closing part never stands alone: its page also holds rows of the table or the details above it.
    expect(last).toMatch(/考核明细|日期条款内容|考核指标|小计/);
  }
  const all = squeeze(execText(pdf));
  for (const w of input.windows) if (w.department) expect(all).toContain(squeeze(w.department));
  const contents = new Set(
    result.audit
      .filter((a) => a.periods.includes(period) && a.entityType !== "township")
      .map((a) => squeeze(a.text)),
  );
  for (const c of contents) expect(all).toContain(c);
  return pdf;
}

function execText(pdf: string): string {
  const { pages } = pdfInfo(pdf);
  return Array.from({ length: pages }, (_, i) => pageRawText(pdf, i + 1)).join("\f");
}

describe("forms printed by LibreOffice", () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the sample county: yearly and quarterly forms for every window and staff member", async () => {
    const raw = await readExample("county-2025.xlsx");
    const yearly = await checkForms(raw, "2025", dir, "county-year");
    await checkForms(raw, "2025-Q1", dir, "county-q1");
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    renderPage(yearly, 1, path.join(ARTIFACTS, "forms-window-year"));
  }, 120_000);

  it("the sample township: its yearly and quarterly form", async () => {
    const raw = await readExample("township-2025.xlsx");
    await checkForms(raw, "2025", dir, "township-year");
    await checkForms(raw, "2025-Q2", dir, "township-q2");
  }, 120_000);

  it("a workbook whose staff have 40+ effects a year: multi-page forms that still hold together", async () => {
    const raw = await readExample("county-2025.xlsx");
    const incidents = raw.find((s) => s.name === "事项记录")!;
    const people: [string, string][] = [
      ["公安", "黄丽萍"],
      ["税务", "陆海燕"],
    ];
    for (const [window, person] of people) {
      for (let k = 0; k < 44; k++) {
        const day = new Date(Date.UTC(2025, k % 12, 3 + (k % 20)));
        const note =
          k % 4 === 0
            ? "群众反映该工作人员在窗口受理业务时多次离开座位、未按规定佩戴工作证件，经调取监控核实属实"
            : null;
        incidents.rows.push([day, window, person, k % 2 ? "14.7" : "14.4a", 1, null, null, null, "是", note]);
      }
    }
    const pdf = await checkForms(raw, "2025", dir, "busy-year");
    expect(pdfInfo(pdf).pages).toBeGreaterThan(27);
  }, 120_000);
});
