import fc from "fast-check";
import { absolutePrintArea } from "../../src/hosts/xlsx/printLayout";
import { columnLetters, formatPeriod, formatPoints, formatSources } from "../../src/print/format";

describe("print formatting", () => {
  it("formats tenths exactly with one decimal", () => {
    expect(formatPoints(-35)).toBe("-3.5");
    expect(formatPoints(1000)).toBe("100.0");
    expect(formatPoints(5, true)).toBe("+0.5");
    expect(formatPoints(0, true)).toBe("0.0");
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (p) => {
        const text = formatPoints(p);
        expect(text).toMatch(/^-?\d+\.\d$/);
        expect(Math.round(Number(text) * 10)).toBe(p);
      }),
    );
  });

  it("names periods", () => {
    expect(formatPeriod("2025-Q1")).toBe("2025年第一季度");
    expect(formatPeriod("2025-Q4")).toBe("2025年第四季度");
    expect(formatPeriod("2025-03")).toBe("2025年3月");
    expect(formatPeriod("2025")).toBe("2025年度");
    expect(formatPeriod("2025-Q2", "en")).toBe("2025 Q2");
  });

  it("writes source cells and print areas", () => {
    expect(columnLetters(1)).toBe("A");
    expect(columnLetters(28)).toBe("AB");
    expect(
      formatSources([
        { sheet: "事项记录", row: 12 },
        { sheet: "事项记录", row: 15 },
        { sheet: "办件台账", row: 3, column: 2 },
      ]),
    ).toBe("事项记录!A12, A15, 办件台账!B3");
    expect(absolutePrintArea("A1:H152")).toBe("A$1:H$152");
    expect(absolutePrintArea("$A$1:$H$152")).toBe("A$1:H$152");
  });
});
