/** The workbook contract (docs workbook.md): tabs and columns with their aliases. Order of columns is free. */

export interface ColumnDef {
  key: string;
  /** Canonical (Simplified) header, written by the template. */
  header: string;
  /** Traditional and English aliases (matched after folding, case-insensitively). */
  aliases: readonly string[];
  required?: boolean;
}

export interface TabDef {
  key: string;
  name: string;
  aliases: readonly string[];
  columns: readonly ColumnDef[];
}

const col = (key: string, header: string, aliases: string[], required = false): ColumnDef => ({
  key,
  header,
  aliases,
  required,
});

export const SETTINGS_TAB: TabDef = {
  key: "settings",
  name: "考核设置",
  aliases: ["考核設置", "settings"],
  columns: [col("item", "项目", ["項目", "item"], true), col("value", "值", ["value"], true)],
};

export const WINDOWS_TAB: TabDef = {
  key: "windows",
  name: "窗口名册",
  aliases: ["窗口名冊", "windows"],
  columns: [
    col("window", "窗口", ["window"], true),
    col("department", "派驻单位", ["派駐單位", "department"], true),
    col("note", "备注", ["備註", "note"]),
  ],
};

export const STAFF_TAB: TabDef = {
  key: "staff",
  name: "人员名册",
  aliases: ["人員名冊", "staff"],
  columns: [
    col("name", "姓名", ["name"], true),
    col("window", "窗口", ["window"], true),
    col("role", "职务", ["職務", "role"], true),
    col("post", "岗位", ["崗位", "post"]),
    col("start", "进驻日期", ["進駐日期", "start"]),
    col("end", "离开日期", ["離開日期", "end"]),
    // Tells namesakes apart; a person who moved keeps the same value on each row.
    col("id", "工号/身份证后四位", [
      "工號/身份證後四位",
      "工号",
      "工號",
      "身份证后四位",
      "身份證後四位",
      "staff id",
    ]),
  ],
};

export const INCIDENTS_TAB: TabDef = {
  key: "incidents",
  name: "事项记录",
  aliases: ["事項記錄", "incidents"],
  columns: [
    col("date", "日期", ["date"], true),
    col("window", "窗口", ["window"], true),
    col("staff", "人员", ["人員", "staff"]),
    col("code", "条款", ["條款", "code"], true),
    col("quantity", "数量", ["數量", "quantity"]),
    col("days", "天数", ["天數", "days"]),
    col("points", "分值", ["points"]),
    col("case", "办件编号", ["辦件編號", "case"]),
    col("verified", "核实", ["核實", "verified"]),
    col("note", "备注", ["備註", "note"]),
  ],
};

export const INDICATORS_TAB: TabDef = {
  key: "indicators",
  name: "镇街指标",
  aliases: ["鎮街指標", "indicators"],
  columns: [
    col("id", "序号", ["序號", "id"], true),
    col("indicator", "指标", ["指標", "indicator"]),
    col("max", "分值", ["max"]),
    col("self", "自评分", ["自評分", "self"], true),
    col("reviewed", "复核分", ["複核分", "reviewed"], true),
    col("remark", "说明", ["說明", "remark"]),
  ],
};

export const CALENDAR_TAB: TabDef = {
  key: "calendar",
  name: "工作日历",
  aliases: ["工作日曆", "calendar"],
  columns: [col("date", "日期", ["date"], true), col("type", "类型", ["類型", "type"], true)],
};

export const OVERRIDES_TAB: TabDef = {
  key: "overrides",
  name: "人工裁定",
  aliases: ["overrides"],
  columns: [
    col("entity", "对象", ["對象", "entity"], true),
    col("period", "期间", ["期間", "period"], true),
    col("field", "项目", ["項目", "field"], true),
    col("value", "值", ["value"], true),
    col("reason", "理由", ["reason"]),
    col("by", "裁定人", ["by"]),
  ],
};

/** 办件台账 headers (parsed in ./parse/caseLogTab.ts; listed here for the template). */
export const CASES_TAB: TabDef = {
  key: "cases",
  name: "办件台账",
  aliases: ["辦件台賬", "辦件台帳", "cases"],
  columns: [
    col("case", "办件编号", ["辦件編號", "case"], true),
    col("window", "窗口", ["window"], true),
    col("handler", "承办人", ["承辦人", "handler"]),
    col("matter", "事项名称", ["事項名稱", "matter"]),
    col("type", "办件类型", ["辦件類型", "type"], true),
    col("received", "受理日期", ["received"], true),
    col("promised", "承诺时限", ["承諾時限", "promised days"]),
    col("completed", "办结日期", ["辦結日期", "completed"]),
    col("satisfaction", "满意度", ["滿意度", "satisfaction"]),
  ],
};

/** Settings items (考核设置 rows). */
export const SETTING_ITEMS = {
  unitName: ["单位名称", "單位名稱", "unit name", "unit"],
  unitType: ["单位类型", "單位類型", "unit type"],
  year: ["考核年度", "year", "assessment year"],
  profile: ["规则版本", "規則版本", "profile", "rules"],
  county: ["所属县", "所屬縣", "county"],
} as const;

export const INPUT_TABS: readonly TabDef[] = [
  SETTINGS_TAB,
  WINDOWS_TAB,
  STAFF_TAB,
  INCIDENTS_TAB,
  INDICATORS_TAB,
  CASES_TAB,
  CALENDAR_TAB,
  OVERRIDES_TAB,
];

export const DEFAULT_PROFILE = "tianyang-2008";
export const ISSUE_CAP = 200;
