/** Small, overridable builders for print tests: a county centre with windows, staff and a township. */
import type {
  AssessmentInput,
  AssessmentResult,
  AuditLine,
  IndicatorRow,
  Reason,
  StaffResult,
  TownshipResult,
  WindowResult,
} from "../../src/engine/types";
import type { StaffCategory } from "../../src/rules/types";

export const PERIOD = "2025-Q1";

const DRESS = "着装不整齐、未按规定着装和佩证上岗";
const COMPLAINT = "当事人投诉工作人员服务态度差,经查属实";
const VAGUE = "解答含糊,未一次性完整告知申报材料";

export function audit(over: Partial<AuditLine> & Pick<AuditLine, "entity" | "code" | "points">): AuditLine {
  return {
    entityType: "window",
    periods: [PERIOD],
    date: "2025-02-10",
    text: "着装不整齐、未按规定着装和佩证上岗",
    quantity: 1,
    source: { sheet: "事项记录", row: 5 },
    ...over,
  };
}

export function windowResult(over: Partial<WindowResult> & Pick<WindowResult, "window">): WindowResult {
  return {
    period: PERIOD,
    department: "县民政局",
    deductions: 0,
    bonuses: 0,
    score: 1000,
    rank: 1,
    grade: "合格",
    eligible: true,
    tiePending: false,
    reasons: [],
    ...over,
  };
}

export function staffResult(over: Partial<StaffResult> & Pick<StaffResult, "name" | "window">): StaffResult {
  return {
    period: PERIOD,
    categories: { de: 0, neng: 0, qin: 0, ji: 0 },
    bonuses: 0,
    score: 1000,
    rank: 1,
    grade: "称职",
    eligible: true,
    tiePending: false,
    flags: [],
    ...over,
  };
}

export function reason(code: string, text: string, rows: number[]): Reason {
  return { code, text, period: PERIOD, sources: rows.map((row) => ({ sheet: "事项记录", row })) };
}

const INDICATORS: [string, string, number][] = [
  ["T1", "领导重视", 50],
  ["T2", "办公场所", 100],
  ["T3", "设备配备", 100],
  ["T4", "窗口设置", 100],
  ["T5", "配合工作", 100],
  ["T6", "办理事项办结率", 150],
  ["T7", "为民办事全程代办", 100],
  ["T8", "信息报送", 50],
  ["T9", "群众投诉", 100],
  ["T10", "明查暗访电子监察", 150],
];

export function indicatorRows(): IndicatorRow[] {
  return INDICATORS.map(([id, name, max], i) => ({
    id,
    name,
    max,
    self: max - (i === 5 ? 15 : 0),
    reviewed: i === 2 ? undefined : max - (i === 5 ? 25 : i === 8 ? 20 : 0),
    source: { sheet: "镇街指标", row: i + 2 },
  }));
}

export function townshipResult(rows: IndicatorRow[] = indicatorRows()): TownshipResult {
  const indicators: Record<string, number> = {};
  const selfIndicators: Record<string, number | undefined> = {};
  const reviewedIndicators: Record<string, number | undefined> = {};
  for (const r of rows) {
    selfIndicators[r.id] = r.self;
    reviewedIndicators[r.id] = r.reviewed;
    indicators[r.id] = r.reviewed ?? r.self ?? 0;
  }
  const total = Object.values(indicators).reduce((a, b) => a + b, 0);
  return {
    unit: "那坡镇便民服务中心",
    indicators,
    selfIndicators,
    reviewedIndicators,
    total,
    rank: 1,
    grade: total >= 950 ? "优秀" : "合格",
    notes: [
      { key: "unreviewed", indicator: "T3", text: "未复核" },
      { key: "caseLogSuggestion", indicator: "T6", points: 135, rate: 0.9 },
    ],
  };
}

/** Three windows and four staff with effects, vetoes and a tie; scores consistent with their audit lines. */
export function sampleCase(): { input: AssessmentInput; result: AssessmentResult } {
  // [entity type, entity, code, tenths, text, date, 事项记录 row, category]
  const rows: [AuditLine["entityType"], string, string, number, string, string, number, StaffCategory?][] = [
    ["window", "民政局窗口", "14.7", -2, DRESS, "2025-01-08", 5],
    ["window", "民政局窗口", "18.8a", -20, COMPLAINT, "2025-02-11", 7],
    ["window", "民政局窗口", "18.8a", -20, COMPLAINT, "2025-02-20", 9],
    ["window", "民政局窗口", "19.2", 20, "合理化建议被采纳", "2025-03-03", 11],
    ["window", "税务局窗口", "19.1", 20, "主动办理受当事人称赞,查证属实", "2025-01-20", 4],
    ["staff", "张三", "14.7", -2, DRESS, "2025-01-08", 5, "de"],
    ["staff", "张三", "18.8a", -20, COMPLAINT, "2025-02-11", 7, "de"],
    ["staff", "张三", "22.2", -5, VAGUE, "2025-02-12", 8, "neng"],
    ["staff", "张三", "23.2", -10, "上班打瞌睡", "2025-02-18", 10, "qin"],
    ["staff", "张三", "24.2", -20, "未按时将事项送回部门办理", "2025-03-05", 12, "ji"],
    ["staff", "张三", "19.2", 20, "合理化建议被采纳", "2025-03-03", 11],
    ["staff", "李四", "25.4", 20, "优质服务受到当事人感谢或表扬,有证据", "2025-01-15", 3],
    ["staff", "王五", "22.2", -5, VAGUE, "2025-03-20", 14, "neng"],
  ];
  const a: AuditLine[] = rows.map(([entityType, entity, code, points, text, date, row, category]) =>
    audit({ entityType, entity, code, points, text, date, source: { sheet: "事项记录", row }, category }),
  );
  // A derived overdue case: its source is the case-log row.
  a.push(
    audit({
      entity: "人社局窗口",
      code: "15.7",
      points: -100,
      text: "超时办结",
      date: "2025-03-14",
      caseId: "BJ-0031",
      note: "case-log",
      source: { sheet: "办件台账", row: 32 },
    }),
  );
  const windows = [
    windowResult({
      window: "民政局窗口",
      department: "县民政局",
      deductions: -42,
      bonuses: 20,
      score: 978,
      rank: 2,
      grade: "合格",
      eligible: false,
      reasons: [reason("20B.1", "20个工作日内2次投诉属实", [7, 9])],
    }),
    windowResult({
      window: "人社局窗口",
      department: "县人社局",
      deductions: -100,
      score: 900,
      rank: 3,
      grade: "合格",
    }),
    windowResult({
      window: "税务局窗口",
      department: "县税务局",
      bonuses: 20,
      score: 1020,
      rank: 1,
      grade: "优秀",
    }),
  ];
  const staff = [
    staffResult({
      name: "张三",
      window: "民政局窗口",
      categories: { de: -22, neng: -5, qin: -10, ji: -20 },
      bonuses: 20,
      score: 963,
      rank: 3,
      grade: "称职",
      eligible: false,
      flags: [reason("26.1", "20个工作日内2次投诉属实", [7, 9])],
    }),
    staffResult({ name: "李四", window: "民政局窗口", bonuses: 20, score: 1020, rank: 1, grade: "优秀" }),
    staffResult({
      name: "王五",
      window: "税务局窗口",
      categories: { de: 0, neng: -5, qin: 0, ji: 0 },
      score: 995,
      rank: 2,
      grade: "",
      tiePending: true,
    }),
    staffResult({ name: "赵六", window: "人社局窗口", score: 995, rank: 2, grade: "", tiePending: true }),
  ];
  const township = townshipResult();
  a.push(
    audit({
      entityType: "township",
      entity: township.unit,
      code: "T9",
      points: 80,
      text: "群众投诉",
      date: undefined,
    }),
    audit({
      entityType: "township",
      entity: township.unit,
      code: "override",
      points: 0,
      text: "人工裁定：T9 复核分 8.0（投诉 1 件经查属实）",
      date: "2025-02-11",
      source: { sheet: "人工裁定", row: 2 },
    }),
  );
  const input: AssessmentInput = {
    settings: {
      unitName: "那坡镇便民服务中心",
      unitType: "镇街",
      year: 2025,
      profile: "tianyang-2008",
      county: "田阳县",
    },
    windows: windows.map((w, i) => ({
      name: w.window,
      department: w.department,
      source: { sheet: "窗口名册", row: i + 2 },
    })),
    staff: [
      {
        name: "张三",
        window: "民政局窗口",
        role: "首席代表",
        post: "A",
        start: "2023-05-01",
        source: { sheet: "人员名册", row: 2 },
      },
      {
        name: "李四",
        window: "民政局窗口",
        role: "工作人员",
        post: "B",
        start: "2024-03-01",
        source: { sheet: "人员名册", row: 3 },
      },
      {
        name: "王五",
        window: "税务局窗口",
        role: "负责人",
        post: "A",
        source: { sheet: "人员名册", row: 4 },
      },
      {
        name: "赵六",
        window: "人社局窗口",
        role: "工作人员",
        post: "A",
        source: { sheet: "人员名册", row: 5 },
      },
    ],
    incidents: [],
    indicators: indicatorRows(),
    cases: [],
    calendar: [],
    overrides: [],
  };
  const result: AssessmentResult = {
    unit: input.settings.unitName,
    year: 2025,
    profile: "tianyang-2008",
    periods: ["2025-01", "2025-02", "2025-03", "2025-Q1", "2025"],
    grades: { window: ["优秀", "合格", "不合格"], staff: ["优秀", "称职", "基本称职", "不称职"] },
    windows,
    staff,
    townships: [township],
    audit: a,
    flags: [],
    caseStats: [],
    issues: [],
  };
  return { input, result };
}
