import fc from "fast-check";
import type { AssessmentResult, Reason } from "../../src/engine/types";
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx/host";
import { renderResults } from "../../src/workbook/render/results";
import type { SheetModel } from "../../src/workbook/types";
import { auditLine, result, staffResult, townshipResult, windowResult } from "./resultFactory";
import { libreOfficeTabs, tabNumbers, type TextTab } from "./resultTabs";

const PERIODS = ["2025-01", "2025-02", "2025-Q1", "2025"];
const tenths = fc.integer({ min: -3000, max: 3000 });
const name = fc.constantFrom("公安", "税务", "人社", "=SUM(A1)", "-x", "+1", "@me", "a b");
const grade = fc.constantFrom("优秀", "合格", "不合格", "称职", "基本称职", "不称职", "并列待裁定");
const reason: fc.Arbitrary<Reason> = fc.record({
  code: fc.constantFrom("20B.1", "27.2", "N-23.1", "先进个人"),
  text: fc.constantFrom("投诉", "旷工", ""),
  period: fc.constantFrom(...PERIODS),
  sources: fc.array(fc.record({ sheet: fc.constant("事项记录"), row: fc.integer({ min: 2, max: 9999 }) }), {
    maxLength: 3,
  }),
});

const arbResult: fc.Arbitrary<AssessmentResult> = fc
  .record({
    windows: fc.array(
      fc.record({
        period: fc.constantFrom(...PERIODS),
        window: name,
        deductions: fc.integer({ min: -3000, max: 0 }),
        bonuses: fc.nat(500),
        score: tenths,
        rank: fc.nat(200),
        grade,
        eligible: fc.boolean(),
        tiePending: fc.boolean(),
        reasons: fc.array(reason, { maxLength: 3 }),
      }),
      { maxLength: 12 },
    ),
    staff: fc.array(
      fc.record({
        period: fc.constantFrom(...PERIODS),
        name,
        de: tenths,
        neng: tenths,
        qin: tenths,
        ji: tenths,
        bonuses: fc.nat(500),
        score: tenths,
        rank: fc.nat(500),
        grade,
        eligible: fc.boolean(),
        tiePending: fc.boolean(),
        flags: fc.array(reason, { maxLength: 3 }),
      }),
      { maxLength: 12 },
    ),
    townships: fc.array(
      fc.record({ unit: name, t1: fc.nat(50), t6: fc.nat(150), total: fc.nat(1000), rank: fc.nat(30) }),
      { maxLength: 3 },
    ),
    audit: fc.array(
      fc.record({
        period: fc.constantFrom(...PERIODS),
        points: tenths,
        quantity: fc.integer({ min: 1, max: 99 }),
        row: fc.integer({ min: 2, max: 99999 }),
      }),
      { maxLength: 20 },
    ),
  })
  .map((r) =>
    result({
      windows: r.windows.map((w) => windowResult(w)),
      staff: r.staff.map(({ de, neng, qin, ji, ...s }) =>
        staffResult({ ...s, categories: { de, neng, qin, ji } }),
      ),
      townships: r.townships.map((t) =>
        townshipResult({ unit: t.unit, indicators: { T1: t.t1, T6: t.t6 }, total: t.total, rank: t.rank }),
      ),
      audit: r.audit.map((a) =>
        auditLine({
          periods: [a.period],
          points: a.points,
          quantity: a.quantity,
          source: { sheet: "事项记录", row: a.row },
        }),
      ),
    }),
  );

/** The models as text, as a host would show them (numbers in points, as written to the cells). */
const asText = (sheets: SheetModel[]): TextTab[] =>
  sheets.map((s) => ({
    name: s.name,
    rows: [s.columns.map((c) => c.header), ...s.rows.map((r) => r.map((v) => (v === null ? "" : String(v))))],
  }));

/** The numbers a result carries, in render order (period, then rank). */
function numbers(r: AssessmentResult) {
  const order = (p: string) => r.periods.indexOf(p);
  const sort = <T extends { period: string; rank: number }>(xs: T[]) =>
    [...xs].sort((a, b) => order(a.period) - order(b.period) || a.rank - b.rank);
  return {
    windows: sort(r.windows).map((w) => [
      w.period,
      w.window,
      w.deductions,
      w.bonuses,
      w.score,
      w.rank,
      w.grade,
      w.eligible,
    ]),
    staff: sort(r.staff).map((s) => [
      s.period,
      s.name,
      s.categories,
      s.bonuses,
      s.score,
      s.rank,
      s.grade,
      s.eligible,
    ]),
    townships: [...r.townships]
      .sort((a, b) => a.rank - b.rank)
      .map((t) => [t.unit, t.indicators, t.total, t.rank]),
    audit: r.audit.flatMap((a) => a.periods.map((p) => [p, a.entity, a.points, a.quantity])),
  };
}

// -0 and 0 are the same number in a cell.
const noNegZero = (x: unknown) => JSON.parse(JSON.stringify(x));

const TABS = ["窗口考核结果", "人员考核结果", "镇街考核结果", "考核明细"];

describe("the result tabs read back give the result's numbers", () => {
  it("through sheet models", () => {
    fc.assert(
      fc.property(arbResult, (r) => {
        expect(noNegZero(tabNumbers(asText(renderResults(r))))).toEqual(noNegZero(numbers(r)));
      }),
      { numRuns: 300 },
    );
  });

  it("through a real .xlsx file written by the xlsx host and read by LibreOffice (CSV)", async () => {
    // One LibreOffice run for all the samples: it is the slow part.
    const samples = fc.sample(arbResult, { numRuns: 12, seed: 20250101 });
    const dir = mkdtempSync(path.join(tmpdir(), "kaohe-roundtrip-"));
    const files: string[] = [];
    for (const [i, r] of samples.entries()) {
      const host = await XlsxHost.fromBuffer(await emptyWorkbook());
      await host.writeOutputs(renderResults(r), []);
      files.push(path.join(dir, `result${i}.xlsx`));
      writeFileSync(files[i], await host.toBuffer());
    }
    const tabs = libreOfficeTabs(files, TABS);
    samples.forEach((r, i) => {
      expect(tabs[i].map((t) => t.name)).toEqual(
        TABS.filter((t) => t !== "镇街考核结果" || r.townships.length > 0),
      );
      expect(noNegZero(tabNumbers(tabs[i]))).toEqual(noNegZero(numbers(r)));
    });
  });
});

async function emptyWorkbook(): Promise<Uint8Array> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("考核设置").addRow(["项目", "值"]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
