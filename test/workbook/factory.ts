/** Test factory: a contract workbook as RawSheet[] with overridable tabs (json-rules-engine style). */
import type { CellValue, RawSheet } from "../../src/core";

export type Rows = CellValue[][];

export interface WorkbookSpec {
  settings?: Rows;
  windows?: Rows;
  staff?: Rows;
  incidents?: Rows;
  indicators?: Rows;
  cases?: Rows;
  calendar?: Rows;
  overrides?: Rows;
  /** Tab names to leave out. */
  omit?: string[];
}

export const SETTINGS_HEADER = ["项目", "值"];
export const WINDOWS_HEADER = ["窗口", "派驻单位", "备注"];
export const STAFF_HEADER = ["姓名", "窗口", "职务", "岗位", "进驻日期", "离开日期"];
export const INCIDENTS_HEADER = [
  "日期",
  "窗口",
  "人员",
  "条款",
  "数量",
  "天数",
  "分值",
  "办件编号",
  "核实",
  "备注",
];
export const INDICATORS_HEADER = ["序号", "指标", "分值", "自评分", "复核分", "说明"];

export function settingsRows(over: Record<string, CellValue | undefined> = {}): Rows {
  const base: Record<string, CellValue | undefined> = {
    单位名称: "田阳县政务服务中心",
    单位类型: "县中心",
    考核年度: 2025,
    规则版本: "tianyang-2008",
    ...over,
  };
  return Object.entries(base)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, v ?? null]);
}

export const WINDOWS: Rows = [
  ["公安", "县公安局", ""],
  ["税务", "县税务局", ""],
  ["人社", "县人社局", ""],
];

export const STAFF: Rows = [
  ["张三", "公安", "首席代表", "A", "2024-01-02", ""],
  ["李四", "公安", "工作人员", "B", "", ""],
  ["王五", "税务", "负责人", "A", "", ""],
  ["赵六", "人社", "工作人员", "A", "", ""],
];

/** An incident row in INCIDENTS_HEADER order with overridable cells. */
export function incident(
  over: Partial<Record<(typeof INCIDENTS_HEADER)[number], CellValue>> = {},
): CellValue[] {
  const cells: Record<string, CellValue> = {
    日期: "2025-03-05",
    窗口: "公安",
    人员: "张三",
    条款: "14.7",
    数量: 1,
    天数: null,
    分值: null,
    办件编号: null,
    核实: "是",
    备注: null,
    ...over,
  };
  return INCIDENTS_HEADER.map((h) => cells[h] ?? null);
}

/** RawSheet[] for a 县中心 (or, with 单位类型 镇街 and indicators, a township) workbook. */
export function workbook(spec: WorkbookSpec = {}): RawSheet[] {
  const tabs: [string, Rows][] = [
    ["考核设置", [SETTINGS_HEADER, ...(spec.settings ?? settingsRows())]],
    ["窗口名册", [WINDOWS_HEADER, ...(spec.windows ?? WINDOWS)]],
    ["人员名册", [STAFF_HEADER, ...(spec.staff ?? STAFF)]],
    ["事项记录", [INCIDENTS_HEADER, ...(spec.incidents ?? [incident()])]],
  ];
  if (spec.indicators) tabs.push(["镇街指标", [INDICATORS_HEADER, ...spec.indicators]]);
  if (spec.cases) tabs.push(["办件台账", spec.cases]);
  if (spec.calendar) tabs.push(["工作日历", [["日期", "类型"], ...spec.calendar]]);
  if (spec.overrides)
    tabs.push(["人工裁定", [["对象", "期间", "项目", "值", "理由", "裁定人"], ...spec.overrides]]);
  // Fresh row arrays: tests mutate cells, the shared headers and rosters must not change.
  return tabs
    .filter(([name]) => !spec.omit?.includes(name))
    .map(([name, rows]) => ({ name, rows: rows.map((r) => [...r]) }));
}

/** The ten indicators with self and reviewed scores. */
export function indicatorRows(over: Record<string, [CellValue, CellValue]> = {}): Rows {
  const max = [5, 10, 10, 10, 10, 15, 10, 5, 10, 15];
  return max.map((m, i) => {
    const id = `T${i + 1}`;
    const [self, reviewed] = over[id] ?? [m, m - 0.5];
    return [id, "", m, self, reviewed, ""];
  });
}
