import { readTownship } from "../../src/consolidate/township";
import type { RawSheet } from "../../src/core";
import { lookup } from "./support/factory";
import { INDICATORS } from "./support/townships";

type Row = (string | number | null)[];

function sheets(
  over: { settings?: Row[]; checklist?: Row[] | null; rows?: (rows: Row[]) => Row[] } = {},
): RawSheet[] {
  const settings: Row[] = over.settings ?? [
    ["项目", "值"],
    ["单位名称", "甲镇"],
    ["单位类型", "镇街"],
    ["考核年度", 2025],
    ["规则版本", "tianyang-2008"],
  ];
  const out: RawSheet[] = [{ name: "考核设置", rows: settings }];
  if (over.checklist !== null) {
    const base: Row[] = INDICATORS.map(([id, name, max]) => [id, name, max, max, max - 1]);
    const rows = over.checklist ?? (over.rows ? over.rows(base) : base);
    out.push({ name: "镇街指标", rows: [["序号", "指标", "分值", "自评分", "复核分", "说明"], ...rows] });
  }
  return out;
}

const codes = (f: ReturnType<typeof readTownship>) =>
  f.issues.map((i) => [i.code, i.sheet, i.row, i.column, i.params?.id ?? i.params?.value]);

describe("readTownship", () => {
  it("reads settings, the checklist in profile order, and where the settings cells are", () => {
    const f = readTownship("a.xlsx", sheets(), lookup);
    expect(f.issues).toEqual([]);
    expect(f.settings).toMatchObject({ unitName: "甲镇", year: 2025, profile: "tianyang-2008" });
    expect(f.indicators!.map((i) => [i.id, i.self, i.reviewed])[5]).toEqual(["T6", 150, 140]);
    expect(f.settingCells).toEqual({
      unitName: { sheet: "考核设置", row: 2, column: 2 },
      year: { sheet: "考核设置", row: 4, column: 2 },
      profile: { sheet: "考核设置", row: 5, column: 2 },
    });
  });

  it("reports a missing checklist", () => {
    const f = readTownship("a.xlsx", sheets({ checklist: null }), lookup);
    expect(codes(f)).toEqual([["missing-checklist", "镇街指标", undefined, undefined, undefined]]);
    expect(f.indicators).toBeUndefined();
  });

  it("catches altered maxima and names (tampering), located on the cell", () => {
    const f = readTownship(
      "a.xlsx",
      sheets({
        rows: (r) =>
          r.map((row, j) =>
            j === 1 ? ["T2", "办公场所", 12, 12, 12] : j === 2 ? ["T3", "设备(自定)", 10, 9, 9] : row,
          ),
      }),
      lookup,
    );
    expect(codes(f)).toEqual([
      ["checklist-max-changed", "镇街指标", 3, 3, "T2"],
      ["checklist-out-of-range", "镇街指标", 3, 4, "T2"],
      ["checklist-out-of-range", "镇街指标", 3, 5, "T2"],
      ["checklist-name-changed", "镇街指标", 4, 2, "T3"],
    ]);
  });

  it("accepts Traditional-script names and full-width numbers", () => {
    const f = readTownship(
      "a.xlsx",
      sheets({
        rows: (r) =>
          r.map((row, j) =>
            j === 0
              ? ["T1", "領導重視", "５", "４.５", null]
              : j === 9
                ? ["Ｔ10", "明查暗訪電子監察", 15, 15, 15]
                : row,
          ),
      }),
      lookup,
    );
    expect(f.issues).toEqual([]);
    expect(f.indicators![0]).toMatchObject({ self: 45 });
    expect(f.indicators![0]!.reviewed).toBeUndefined();
  });

  it("reports scores out of range, not numbers, blank rows, unknown, duplicate and missing indicators", () => {
    const f = readTownship(
      "a.xlsx",
      sheets({
        checklist: [
          ["T1", "领导重视", 5, -1, 5],
          ["T2", "办公场所", 10, "十", 10],
          ["T3", "设备配备", 10, null, null],
          ["T3", "设备配备", 10, 5, 5],
          ["T11", "其他", 5, 5, 5],
          ["T6", "办理事项办结率", 15, 15.55, 15],
        ],
      }),
      lookup,
    );
    expect(codes(f)).toEqual([
      ["checklist-out-of-range", "镇街指标", 2, 4, "T1"],
      ["checklist-not-number", "镇街指标", 3, 4, "T2"],
      ["checklist-no-score", "镇街指标", 4, 4, "T3"],
      ["checklist-duplicate-indicator", "镇街指标", 5, 1, "T3"],
      ["checklist-unknown-indicator", "镇街指标", 6, 1, "T11"],
      ["checklist-not-number", "镇街指标", 7, 4, "T6"],
      ["checklist-missing-indicator", "镇街指标", 1, undefined, "T4"],
      ["checklist-missing-indicator", "镇街指标", 1, undefined, "T5"],
      ["checklist-missing-indicator", "镇街指标", 1, undefined, "T7"],
      ["checklist-missing-indicator", "镇街指标", 1, undefined, "T8"],
      ["checklist-missing-indicator", "镇街指标", 1, undefined, "T9"],
      ["checklist-missing-indicator", "镇街指标", 1, undefined, "T10"],
    ]);
  });

  it("caps the issues of one file (a sheet of junk rows)", () => {
    const junk: Row[] = Array.from({ length: 500 }, (_, i) => [`X${i}`, "?", 1, 1, 1]);
    const f = readTownship("a.xlsx", sheets({ checklist: junk }), lookup);
    expect(f.issues).toHaveLength(51);
    expect(f.issues[50]).toMatchObject({ code: "too-many-issues", params: { count: 460, total: 510 } });
  });

  it("rejects a county-centre workbook and an unknown profile, and never throws on junk", () => {
    const county = readTownship(
      "c.xlsx",
      sheets({
        settings: [
          ["项目", "值"],
          ["单位名称", "县中心"],
          ["单位类型", "县中心"],
          ["考核年度", 2025],
        ],
      }),
      lookup,
    );
    expect(county.issues.map((i) => i.code)).toEqual(["not-township"]);
    const unknown = readTownship(
      "u.xlsx",
      sheets({
        settings: [
          ["项目", "值"],
          ["单位名称", "甲"],
          ["单位类型", "镇街"],
          ["考核年度", 2025],
          ["规则版本", "nope"],
        ],
      }),
      lookup,
    );
    expect(unknown.issues.map((i) => [i.code, i.row, i.column])).toEqual([["unknown-profile", 5, 2]]);
    const junk = readTownship("j.xlsx", [{ name: "Sheet1", rows: [[1, null, new Date(0)], [true]] }], lookup);
    expect(junk.issues.map((i) => i.code)).toEqual(["missing-tab", "missing-checklist"]);
  });
});
