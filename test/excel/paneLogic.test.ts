import * as fs from "fs";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { runAssessment } from "../../src/pipeline";
import { ExcelReadError } from "../../src/hosts/excel/readPlan";
import { errorText } from "../../taskpane/errorText";
import { entities, explain, gradeCounts, points, vetoes } from "../../taskpane/explain";
import { periodId, summaryPeriod } from "../../taskpane/periods";

async function exampleOutcome() {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples/county-2025.xlsx")));
  const outcome = runAssessment(await (await XlsxHost.fromBuffer(bytes)).readSheets());
  if (!outcome.result) throw new Error("example did not score");
  return outcome.result;
}

describe("period choice", () => {
  it.each([
    [{ kind: "all", year: 2025, index: 1 }, undefined],
    [{ kind: "month", year: 2025, index: 3 }, "2025-03"],
    [{ kind: "quarter", year: 2025, index: 4 }, "2025-Q4"],
    [{ kind: "year", year: 2024, index: 1 }, "2024"],
  ] as const)("%j → %s", (choice, id) => {
    expect(periodId(choice)).toBe(id);
  });
});

describe("pane views of a real result", () => {
  it("summarises the year, counts grades, lists vetoes and explains each score by its audit lines", async () => {
    const result = await exampleOutcome();
    const period = summaryPeriod(result, { kind: "all", year: 2025, index: 1 })!;
    expect(period).toBe("2025");
    expect(summaryPeriod(result, { kind: "quarter", year: 2025, index: 2 })).toBe("2025-Q2");
    const windows = result.windows.filter((w) => w.period === period);
    const counts = gradeCounts(windows.map((w) => w.grade));
    expect(counts.reduce((n, c) => n + c.count, 0)).toBe(windows.length);
    expect(counts.map((c) => c.grade).indexOf("优秀")).toBeLessThanOrEqual(0);
    const v = vetoes(result, period);
    expect(v.length).toBeGreaterThan(0);
    for (const item of v) expect(item.reason.code).toMatch(/\S/);
    const refs = entities(result);
    expect(refs.some((r) => r.kind === "window") && refs.some((r) => r.kind === "staff")).toBe(true);
    for (const ref of refs.filter((r) => r.kind === "window")) {
      const ex = explain(result, ref, period)!;
      const w = windows.find((x) => x.window === ref.name)!;
      expect(ex.score).toBe(w.score);
      expect(ex.eligible).toBe(w.eligible);
      if (!ex.eligible) expect(ex.reasons.length).toBeGreaterThan(0);
      // Every point of the window's score is behind an audit line.
      expect(ex.lines.reduce((n, l) => n + l.points, 0)).toBe(w.deductions + w.bonuses);
    }
  });

  it("formats tenths with one decimal", () => {
    expect(points(985)).toBe("98.5");
    expect(points(-5)).toBe("-0.5");
    expect(points(1000)).toBe("100.0");
  });
});

describe("errorText", () => {
  it("shows a bilingual read error in the pane's language only, other errors as they are", () => {
    const error = new ExcelReadError(
      "工作表“事项记录”第 3 行过大",
      "Sheet 事项记录 row 3 is too large",
      "事项记录",
    );
    expect(errorText(error, "zh-CN")).toBe("工作表“事项记录”第 3 行过大");
    expect(errorText(error, "en")).toBe("Sheet 事项记录 row 3 is too large");
    expect(error.message).toContain("\n");
    expect(errorText(new Error("boom"), "en")).toBe("boom");
    expect(errorText("text", "zh-CN")).toBe("text");
  });
});
