/** AssessmentResult pieces with overridable defaults, for render tests independent of the engine. */
import type {
  AssessmentResult,
  AuditLine,
  StaffResult,
  TownshipResult,
  WindowResult,
} from "../../src/engine/types";

export function windowResult(over: Partial<WindowResult> = {}): WindowResult {
  return {
    period: "2025-Q1",
    window: "公安",
    department: "县公安局",
    deductions: -25,
    bonuses: 20,
    score: 995,
    rank: 1,
    grade: "优秀",
    eligible: true,
    tiePending: false,
    reasons: [],
    ...over,
  };
}

export function staffResult(over: Partial<StaffResult> = {}): StaffResult {
  return {
    period: "2025-Q1",
    name: "张三",
    window: "公安",
    categories: { de: -2, neng: 0, qin: -5, ji: 0 },
    bonuses: 20,
    score: 1013,
    rank: 1,
    grade: "优秀",
    eligible: true,
    tiePending: false,
    flags: [],
    ...over,
  };
}

export function townshipResult(over: Partial<TownshipResult> = {}): TownshipResult {
  return {
    unit: "那坡镇",
    indicators: { T1: 49, T2: 100 },
    selfIndicators: {},
    reviewedIndicators: {},
    total: 149,
    rank: 1,
    grade: "不合格",
    notes: [],
    ...over,
  };
}

export function auditLine(over: Partial<AuditLine> = {}): AuditLine {
  return {
    entityType: "window",
    entity: "公安",
    periods: ["2025-Q1"],
    date: "2025-03-05",
    code: "14.7",
    text: "着装不整齐、未按规定着装和佩证上岗",
    quantity: 1,
    points: -2,
    source: { sheet: "事项记录", row: 12 },
    ...over,
  };
}

export function result(over: Partial<AssessmentResult> = {}): AssessmentResult {
  return {
    unit: "田阳县政务服务中心",
    year: 2025,
    profile: "tianyang-2008",
    periods: ["2025-01", "2025-02", "2025-03", "2025-Q1", "2025"],
    grades: { window: ["优秀", "合格", "不合格"], staff: ["优秀", "称职", "基本称职", "不称职"] },
    windows: [windowResult()],
    staff: [staffResult()],
    townships: [],
    audit: [auditLine()],
    flags: [],
    caseStats: [],
    issues: [],
    ...over,
  };
}
