/** Output tabs → numbers again (tenths), for round-trip tests and for reading a scored workbook back. */
import type { EntityType, PeriodId } from "../../engine/types";
import type { Points, StaffCategory } from "../../rules/types";
import { STAFF_CATEGORIES } from "../../rules/types";
import { cellText } from "../cells";
import { parseInteger, parseTenths } from "../numbers";
import type { CellValue, RawSheet } from "../types";
import { ENTITY_LABELS } from "./format";
import { OUTPUT_TABS, TOWNSHIP_INDICATORS } from "./results";

export interface ParsedWindowRow {
  period: PeriodId;
  window: string;
  department: string;
  /** Signed as in the engine (≤ 0), as the sheet shows it. */
  deductions: Points;
  bonuses: Points;
  score: Points;
  rank: number;
  grade: string;
  eligible: boolean;
  reasons: string;
}

export interface ParsedStaffRow {
  period: PeriodId;
  name: string;
  window: string;
  categories: Record<StaffCategory, Points>;
  bonuses: Points;
  score: Points;
  rank: number;
  grade: string;
  eligible: boolean;
  flags: string;
}

export interface ParsedTownshipRow {
  unit: string;
  indicators: Record<string, Points>;
  total: Points;
  rank: number;
  grade: string;
  notes: string;
}

export interface ParsedAuditRow {
  period: PeriodId;
  date: string;
  entityType: EntityType;
  entity: string;
  code: string;
  quantity: number;
  points: Points;
  source: string;
}

export interface ParsedResults {
  windows: ParsedWindowRow[];
  staff: ParsedStaffRow[];
  townships: ParsedTownshipRow[];
  audit: ParsedAuditRow[];
}

type Get = (header: string) => CellValue;

/** Rows of a header-row-1 sheet as getters by header; blank rows skipped. */
function rowsOf(sheets: readonly RawSheet[], name: string): Get[] {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet || sheet.rows.length === 0) return [];
  const columns = new Map((sheet.rows[0] ?? []).map((h, i) => [cellText(h), i]));
  return sheet.rows
    .slice(1)
    .filter((r) => r.some((v) => cellText(v) !== ""))
    .map((r) => (header: string) => {
      const i = columns.get(header);
      return i === undefined ? null : (r[i] ?? null);
    });
}

const text = (get: Get, h: string) => cellText(get(h));
const tenths = (get: Get, h: string) => parseTenths(get(h)) ?? 0;
const int = (get: Get, h: string) => parseInteger(get(h)) ?? 0;
const CATEGORY_HEADERS: Record<StaffCategory, string> = { de: "德", neng: "能", qin: "勤", ji: "绩" };
const ENTITY_TYPES = new Map(Object.entries(ENTITY_LABELS).map(([k, v]) => [v, k as EntityType]));

/** Read the output tabs written by `renderResults` (as a host hands them back). */
export function parseResults(sheets: readonly RawSheet[]): ParsedResults {
  const windows = rowsOf(sheets, OUTPUT_TABS.windows).map((g) => ({
    period: text(g, "期间"),
    window: text(g, "窗口"),
    department: text(g, "派驻单位"),
    deductions: tenths(g, "扣分"),
    bonuses: tenths(g, "加分"),
    score: tenths(g, "得分"),
    rank: int(g, "排名"),
    grade: text(g, "等次"),
    eligible: text(g, "评优资格") === "是",
    reasons: text(g, "原因"),
  }));
  const staff = rowsOf(sheets, OUTPUT_TABS.staff).map((g) => ({
    period: text(g, "期间"),
    name: text(g, "姓名"),
    window: text(g, "窗口"),
    categories: Object.fromEntries(
      STAFF_CATEGORIES.map((k) => [k, tenths(g, CATEGORY_HEADERS[k])]),
    ) as Record<StaffCategory, Points>,
    bonuses: tenths(g, "加分"),
    score: tenths(g, "得分"),
    rank: int(g, "排名"),
    grade: text(g, "等次"),
    eligible: text(g, "评优资格") === "是",
    flags: text(g, "标记"),
  }));
  const townships = rowsOf(sheets, OUTPUT_TABS.townships).map((g) => {
    const indicators: Record<string, Points> = {};
    for (const id of TOWNSHIP_INDICATORS) {
      const v = parseTenths(g(id));
      if (v !== undefined) indicators[id] = v;
    }
    return {
      unit: text(g, "单位"),
      indicators,
      total: tenths(g, "总分"),
      rank: int(g, "排名"),
      grade: text(g, "等次"),
      notes: text(g, "备注"),
    };
  });
  const audit = rowsOf(sheets, OUTPUT_TABS.audit).map((g) => ({
    period: text(g, "期间"),
    date: text(g, "日期"),
    entityType: ENTITY_TYPES.get(text(g, "对象类型")) ?? "window",
    entity: text(g, "对象"),
    code: text(g, "条款"),
    quantity: int(g, "数量"),
    points: tenths(g, "分值"),
    source: text(g, "来源"),
  }));
  return { windows, staff, townships, audit };
}
