import { buildTemplate, builtinProfiles, runAssessment, LIST_SHEET } from "../../src/pipeline";
import { getProfile } from "../../src/rules";
import { INPUT_TABS } from "../../src/workbook/schema";
import { parseWorkbook } from "../../src/workbook/parseWorkbook";
import type { RawSheet } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";

const profile = getProfile("tianyang-2008")!;
const sheets = buildTemplate(profile, { year: 2025 });
const byName = (name: string) => sheets.find((s) => s.name === name)!;
/** The template as a host would read it back, with rows appended to some tabs. */
const filled = (rows: Record<string, unknown[][]>): RawSheet[] =>
  sheets
    .filter((s) => !s.hidden)
    .map((s: SheetModel) => ({
      name: s.name,
      rows: [s.columns.map((c) => c.header), ...s.rows, ...((rows[s.name] as RawSheet["rows"]) ?? [])],
    }));

describe("buildTemplate", () => {
  it("has every input tab with the canonical headers, frozen, plus the hidden 列表", () => {
    expect(sheets.map((s) => s.name)).toEqual([...INPUT_TABS.map((t) => t.name), LIST_SHEET]);
    for (const def of INPUT_TABS) {
      const s = byName(def.name);
      expect(s.columns.map((c) => c.header)).toEqual(def.columns.map((c) => c.header));
      expect(s.freezeRows).toBe(1);
    }
    expect(byName(LIST_SHEET).hidden).toBe(true);
  });

  it("lists every code with its Chinese text on 列表, and 事项记录's 条款 drop-down points at it", () => {
    const list = byName(LIST_SHEET).rows.map((r) => r[0]);
    expect(list).toHaveLength(profile.rules.length);
    expect(list).toContain("14.7 着装不整齐、未按规定着装和佩证上岗");
    const v = byName("事项记录").validations!;
    expect(v.find((x) => x.column === 4)).toEqual({
      column: 4,
      firstRow: 2,
      lastRow: 2001,
      listRange: `'列表'!$A$2:$A$${profile.rules.length + 1}`,
    });
    expect(v.find((x) => x.column === 2)!.listRange).toBe("'窗口名册'!$A$2:$A$2001");
    expect(v.find((x) => x.column === 3)!.listRange).toBe("'人员名册'!$A$2:$A$2001");
    expect(v.find((x) => x.column === 9)!.list).toEqual(["是", "否"]);
    expect(byName("人员名册").validations!.find((x) => x.column === 3)!.list).toEqual([
      "首席代表",
      "负责人",
      "工作人员",
    ]);
  });

  it("prefills the settings and the ten indicators", () => {
    expect(byName("考核设置").rows).toEqual([
      ["单位名称", ""],
      ["单位类型", "县中心"],
      ["考核年度", 2025],
      ["规则版本", "tianyang-2008"],
      ["所属县", ""],
    ]);
    expect(byName("考核设置").validations).toEqual([
      { column: 2, firstRow: 3, lastRow: 3, list: ["县中心", "镇街"] },
      { column: 2, firstRow: 5, lastRow: 5, list: ["tianyang-2008", "tongshan"] },
    ]);
    const t = byName("镇街指标").rows;
    expect(t.map((r) => r[0])).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10"]);
    expect(t.map((r) => r[2])).toEqual([5, 10, 10, 10, 10, 15, 10, 5, 10, 15]);
    expect(t[0]!.slice(0, 2)).toEqual(["T1", "领导重视"]);
  });

  it("reads back: the blank template names what is missing, a filled one scores (drop-down text accepted)", () => {
    const blank = parseWorkbook(filled({}), builtinProfiles);
    expect(blank.issues.map((i) => `${i.code} ${i.sheet}!${i.row}:${i.column}`)).toEqual([
      "missing-setting 考核设置!2:2",
    ]);
    const settings = byName("考核设置").rows.map((r) =>
      r[0] === "单位名称" ? ["单位名称", "田阳县政务服务中心"] : r,
    );
    const sheetsIn = filled({
      窗口名册: [["公安", "县公安局", ""]],
      人员名册: [["张三", "公安", "首席代表", "A", "", ""]],
      事项记录: [
        [
          "2025-03-05",
          "公安",
          "张三",
          "14.7 着装不整齐、未按规定着装和佩证上岗",
          1,
          null,
          null,
          null,
          "是",
          null,
        ],
      ],
    }).map((s) => (s.name === "考核设置" ? { ...s, rows: [["项目", "值"], ...settings] } : s));
    const o = runAssessment(sheetsIn);
    expect(o.issues).toEqual([]);
    expect(o.ok).toBe(true);
    expect(o.input!.incidents[0]!.code).toBe("14.7");
  });
});
