import type { Locale } from "../core";
import type { StaffCategory } from "../rules/types";

/**
 * Every word printed on the forms, per locale, worded for the people who fill in and sign them. zh-CN is
 * the official form; the others follow it. Labels sit in boxes of fixed width (see styles.ts); a test
 * checks that each fits its box in every locale.
 */
export interface PrintLabels {
  formTitle: string;
  /** After a label in running text: `：` in Chinese, `: ` in English. */
  colon: string;
  period: string;
  year: string;
  rules: string;
  kindWindow: string;
  kindStaff: string;
  kindTownship: string;
  continued: string;
  fillDate: string;
  pageOf: (page: number, pages: number) => string;
  window: string;
  department: string;
  head: string;
  headcount: string;
  name: string;
  role: string;
  post: string;
  start: string;
  unit: string;
  county: string;
  details: string;
  date: string;
  code: string;
  content: string;
  quantity: string;
  points: string;
  source: string;
  none: string;
  subtotal: string;
  categories: Record<StaffCategory, string>;
  /** The engine's audit notes (`year-only`, `head`, `derived`) in words; other notes are shown as typed. */
  /** Codes of audit lines that are not rule numbers (a 人工裁定 line), in words. */
  codeWords: Record<string, string>;
  base: string;
  deductions: string;
  bonuses: string;
  score: string;
  rank: string;
  grade: string;
  eligible: string;
  yes: string;
  no: string;
  tiePending: string;
  /** A reason that counted in another period of the year, e.g. `[2025年2月]`. */
  inPeriod: (period: string) => string;
  reasons: string;
  notes: string;
  indicators: string;
  indicatorId: string;
  indicator: string;
  max: string;
  selfScore: string;
  reviewedScore: string;
  countedScore: string;
  total: string;
  notReviewed: string;
  /** The staff form's free-text box. */
  remarks: string;
  selfOpinion: string;
  selfChoice: string;
  signature: string;
  signDate: string;
  headOpinion: string;
  departmentOpinion: string;
  boardOpinion: string;
  windowHeadSign: string;
  assessorSign: string;
  townshipHeadSign: string;
  inspectorsSign: string;
  countyOpinion: string;
  /** Footer: when the forms were made and from which inputs. */
  produced: (at: string, fingerprint: string) => string;
}

const zhCN: PrintLabels = {
  formTitle: "考核登记表",
  colon: "：",
  period: "考核期间",
  year: "考核年度",
  rules: "考核办法",
  kindWindow: "部门窗口考核登记表",
  kindStaff: "窗口工作人员考核登记表",
  kindTownship: "镇（街道）便民服务中心考核登记表",
  continued: "（续）",
  fillDate: "填表日期：　　　　年　　月　　日",
  pageOf: (p, n) => `第 ${p} 页 共 ${n} 页`,
  window: "窗口",
  department: "派驻单位",
  head: "窗口负责人",
  headcount: "在册人数",
  name: "姓名",
  role: "职务",
  post: "岗位",
  start: "进驻日期",
  unit: "单位",
  county: "所属县",
  details: "考核明细",
  date: "日期",
  code: "条款",
  content: "内容",
  quantity: "数量",
  points: "分值",
  source: "来源",
  none: "无",
  subtotal: "小计",
  categories: { de: "德", neng: "能", qin: "勤", ji: "绩" },
  codeWords: { override: "裁定" },
  base: "基础分",
  deductions: "扣分",
  bonuses: "加分",
  score: "得分",
  rank: "排名",
  grade: "等次",
  eligible: "评优资格",
  yes: "是",
  no: "否",
  tiePending: "并列待裁定",
  inPeriod: (p) => `［${p}］`,
  reasons: "否决事项及原因",
  notes: "备注",
  indicators: "考核指标",
  indicatorId: "序号",
  indicator: "指标",
  max: "分值",
  selfScore: "自评分",
  reviewedScore: "复核分",
  countedScore: "计分",
  total: "合计",
  notReviewed: "未复核",
  remarks: "评语 /\n个人小结",
  selfOpinion: "本人意见",
  selfChoice: "□ 同意　　□ 不同意",
  signature: "签字：",
  signDate: "日期：　　　年　　月　　日",
  headOpinion: "窗口负责人\n（首席代表）\n意见",
  departmentOpinion: "派驻单位意见\n（盖章）",
  boardOpinion: "中心考核领导\n小组意见\n（盖章）",
  windowHeadSign: "窗口负责人签字",
  assessorSign: "考核人签字",
  townshipHeadSign: "镇（街道）中心\n负责人签字",
  inspectorsSign: "考核组签字",
  countyOpinion: "县中心意见\n（盖章）",
  produced: (at, f) => `生成于 ${at}\u3000输入校验码 ${f}`,
};

const zhTW: PrintLabels = {
  ...zhCN,
  formTitle: "考核登記表",
  period: "考核期間",
  rules: "考核辦法",
  kindWindow: "部門窗口考核登記表",
  kindStaff: "窗口工作人員考核登記表",
  kindTownship: "鎮（街道）便民服務中心考核登記表",
  continued: "（續）",
  fillDate: "填表日期：　　　　年　　月　　日",
  pageOf: (p, n) => `第 ${p} 頁 共 ${n} 頁`,
  department: "派駐單位",
  head: "窗口負責人",
  headcount: "在冊人數",
  role: "職務",
  post: "崗位",
  start: "進駐日期",
  unit: "單位",
  county: "所屬縣",
  details: "考核明細",
  code: "條款",
  quantity: "數量",
  source: "來源",
  none: "無",
  subtotal: "小計",
  categories: { de: "德", neng: "能", qin: "勤", ji: "績" },
  base: "基礎分",
  deductions: "扣分",
  score: "得分",
  rank: "排名",
  grade: "等次",
  eligible: "評優資格",
  tiePending: "並列待裁定",
  reasons: "否決事項及原因",
  notes: "備註",
  indicators: "考核指標",
  indicatorId: "序號",
  indicator: "指標",
  selfScore: "自評分",
  reviewedScore: "複核分",
  countedScore: "計分",
  total: "合計",
  notReviewed: "未複核",
  remarks: "評語 /\n個人小結",
  selfOpinion: "本人意見",
  selfChoice: "□ 同意　　□ 不同意",
  signature: "簽字：",
  headOpinion: "窗口負責人\n（首席代表）\n意見",
  departmentOpinion: "派駐單位意見\n（蓋章）",
  boardOpinion: "中心考核領導\n小組意見\n（蓋章）",
  windowHeadSign: "窗口負責人簽字",
  assessorSign: "考核人簽字",
  townshipHeadSign: "鎮（街道）中心\n負責人簽字",
  inspectorsSign: "考核組簽字",
  countyOpinion: "縣中心意見\n（蓋章）",
  produced: (at, f) => `產生於 ${at}\u3000輸入校驗碼 ${f}`,
};

const en: PrintLabels = {
  formTitle: "Assessment Record",
  colon: ": ",
  period: "Period",
  year: "Year",
  rules: "Rules",
  kindWindow: "Window assessment record",
  kindStaff: "Staff assessment record",
  kindTownship: "Township service centre assessment record",
  continued: " (continued)",
  fillDate: "Filled in on:",
  pageOf: (p, n) => `Page ${p} of ${n}`,
  window: "Window",
  department: "Department",
  head: "Head",
  headcount: "Staff",
  name: "Name",
  role: "Role",
  post: "Post",
  start: "Joined",
  unit: "Unit",
  county: "County",
  details: "Details",
  date: "Date",
  code: "Code",
  content: "Item",
  quantity: "Qty",
  points: "Points",
  source: "Source",
  none: "None",
  subtotal: "subtotal",
  categories: { de: "Conduct", neng: "Ability", qin: "Diligence", ji: "Results" },
  codeWords: { override: "Ruling" },
  base: "Base",
  deductions: "Deductions",
  bonuses: "Bonuses",
  score: "Score",
  rank: "Rank",
  grade: "Grade",
  eligible: "Awards",
  yes: "eligible",
  no: "not eligible",
  tiePending: "tie pending decision",
  inPeriod: (p) => ` [${p}]`,
  reasons: "Vetoes and reasons",
  notes: "Notes",
  indicators: "Indicators",
  indicatorId: "No.",
  indicator: "Indicator",
  max: "Max",
  selfScore: "Self",
  reviewedScore: "Review",
  countedScore: "Counted",
  total: "Total",
  notReviewed: "pending",
  remarks: "Comments / self-assessment",
  selfOpinion: "Own opinion",
  selfChoice: "□ agree    □ disagree",
  signature: "Signature:",
  signDate: "Date:",
  headOpinion: "Window head's opinion",
  departmentOpinion: "Home department (seal)",
  boardOpinion: "Assessment board (seal)",
  windowHeadSign: "Window head",
  assessorSign: "Assessor",
  townshipHeadSign: "Township centre head",
  inspectorsSign: "Assessment team",
  countyOpinion: "County centre (seal)",
  produced: (at, f) => `Made ${at}, input check code ${f}`,
};

const LABELS: Record<Locale, PrintLabels> = { "zh-CN": zhCN, "zh-TW": zhTW, en };

export function printLabels(locale: Locale = "zh-CN"): PrintLabels {
  return LABELS[locale];
}
