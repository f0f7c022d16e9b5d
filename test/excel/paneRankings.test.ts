import * as fs from "fs";
import * as path from "path";
import { XlsxHost } from "../../src/hosts/xlsx";
import { runAssessment } from "../../src/pipeline";
import type { RawSheet } from "../../src/core";
import { filterRows, gradeColours, legendGrades, rankRows, trend } from "../../taskpane/rankings";
import { settingsYear } from "../../taskpane/workbookYear";

async function exampleSheets(): Promise<RawSheet[]> {
  const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples/county-2025.xlsx")));
  return (await XlsxHost.fromBuffer(bytes)).readSheets();
}

describe("ranking rows of a real result", () => {
  it("lists one period's windows in rank order, filters and searches them, and traces a trend", async () => {
    const result = runAssessment(await exampleSheets()).result!;
    const rows = rankRows(result, "window", "2025-Q1");
    const q1 = result.windows.filter((w) => w.period === "2025-Q1");
    expect(rows.map((r) => r.name).sort()).toEqual(q1.map((w) => w.window).sort());
    expect(rows.map((r) => r.rank)).toEqual([...rows.map((r) => r.rank)].sort((a, b) => a - b));
    const gongan = rows.find((r) => r.name === "公安")!;
    const tab = q1.find((w) => w.window === "公安")!;
    expect([gongan.rank, gongan.score, gongan.grade, gongan.eligible]).toEqual([
      tab.rank,
      tab.score,
      tab.grade,
      tab.eligible,
    ]);
    expect(filterRows(rows, { window: "", grade: "合格", search: "" }).every((r) => r.grade === "合格")).toBe(
      true,
    );
    expect(filterRows(rows, { window: "", grade: "", search: " 公 安 " }).map((r) => r.name)).toEqual([
      "公安",
    ]);
    expect(filterRows(rows, { window: tab.department, grade: "", search: "" }).map((r) => r.name)).toEqual([
      "公安",
    ]);
    expect(filterRows(rows, { window: "", grade: "", search: "没有这个" })).toEqual([]);
    const staff = rankRows(result, "staff", "2025-Q1");
    expect(staff.length).toBe(result.staff.filter((s) => s.period === "2025-Q1").length);
    const line = trend(result, { key: "window:公安", kind: "window", name: "公安" });
    expect(line.months.map((p) => p.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, "0")}`),
    );
    expect(line.quarters.map((p) => p.period)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(line.quarters[0]!.score).toBe(tab.score);
  });
});

describe("a trend's grade colours", () => {
  it("follow the rulebook's grades for the kind shown: a person's 称职 is coloured and named in the legend", async () => {
    const result = runAssessment(await exampleSheets()).result!;
    expect(result.grades).toEqual({
      window: ["优秀", "合格", "不合格"],
      staff: ["优秀", "称职", "基本称职", "不称职"],
    });
    const person = result.staff.find((s) => s.grade === "称职")!;
    const line = trend(result, { key: `staff:${person.name}`, kind: "staff", name: person.name });
    const colours = gradeColours(result.grades.staff);
    const legend = legendGrades(result.grades.staff, [...line.months, ...line.quarters]);
    expect(legend).toContain("称职");
    expect(colours.has("称职")).toBe(true);
    for (const g of legend) expect([g, colours.has(g)]).toEqual([g, result.grades.staff.includes(g)]);
    // Best green, worst red, whatever the count; the window's three keep green, blue, red.
    expect([...colours.values()]).toEqual([0, 1, 3, 4]);
    expect([...gradeColours(result.grades.window).values()]).toEqual([0, 2, 4]);
    // A grade the rulebook does not list (a tie to settle) is still named, after the rulebook's, uncoloured.
    const tie = { period: "2025-13", score: 90, grade: "并列待裁定", rank: 1 };
    expect(legendGrades(["优秀", "合格"], [tie, { ...tie, grade: "合格" }])).toEqual(["合格", "并列待裁定"]);
    expect(gradeColours(["优秀", "合格"]).has("并列待裁定")).toBe(false);
  });
});

describe("the workbook's year before any run", () => {
  it("is read from 考核设置, with or without its header, and is absent when the tab says nothing", async () => {
    expect(settingsYear(await exampleSheets())).toBe(2025);
    expect(settingsYear([{ name: "考核設置", rows: [["考核年度", " 2024 "]] }])).toBe(2024);
    expect(
      settingsYear([
        {
          name: "settings",
          rows: [
            ["item", "value"],
            ["Year", 2026],
          ],
        },
      ]),
    ).toBe(2026);
    expect(settingsYear([{ name: "考核设置", rows: [["考核年度", "明年"]] }])).toBeUndefined();
    expect(settingsYear([{ name: "事项记录", rows: [["考核年度", 2025]] }])).toBeUndefined();
    expect(settingsYear([])).toBeUndefined();
  });
});

describe("duplicate townships in the county flow", () => {
  it("names every copy, and follows the chosen one as the CLI's --prefer does", async () => {
    const { consolidateFiles } = await import("../../src/hosts/xlsx/consolidateFiles");
    const { duplicateGroups } = await import("../../taskpane/County/useCounty");
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../../examples/township-2025.xlsx")));
    const files = [
      { name: "a.xlsx", bytes },
      { name: "b.xlsx", bytes },
    ];
    const none = await consolidateFiles(files);
    expect(none.result.townships).toEqual([]);
    expect(duplicateGroups(none, {})).toEqual([
      { township: "那坡镇政务服务中心", files: ["a.xlsx", "b.xlsx"], chosen: "" },
    ]);
    const chosen = await consolidateFiles(files, { prefer: ["b.xlsx"] });
    expect(chosen.result.townships.map((t) => t.file)).toEqual(["b.xlsx"]);
    expect(duplicateGroups(chosen, { 那坡镇政务服务中心: "b.xlsx" })).toEqual([
      { township: "那坡镇政务服务中心", files: ["a.xlsx", "b.xlsx"], chosen: "b.xlsx" },
    ]);
  });
});
