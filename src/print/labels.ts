import type { Locale } from "../core";
import type { StaffCategory } from "../rules/types";

/** Every word printed on the forms, per locale. zh-CN is the official form; the others follow it. */
export interface PrintLabels {
  formTitle: string;
  period: string;
  year: string;
  profile: string;
  kindWindow: string;
  kindStaff: string;
  kindTownship: string;
  continued: string;
  window: string;
  department: string;
  head: string;
  headcount: string;
  name: string;
  role: string;
  post: string;
  start: string;
  end: string;
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
  bonusGroup: string;
  otherGroup: string;
  categories: Record<StaffCategory, string>;
  summary: string;
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
  signatures: string;
  signAssessee: string;
  signHead: string;
  signAssessor: string;
  signBoard: string;
  signDate: string;
  footer: string;
}

const zhCN: PrintLabels = {
  formTitle: "考核登记表",
  period: "考核期间",
  year: "考核年度",
  profile: "规则版本",
  kindWindow: "部门窗口考核登记表",
  kindStaff: "窗口工作人员考核登记表",
  kindTownship: "镇街便民服务中心考核登记表",
  continued: "（续）",
  window: "窗口",
  department: "派驻单位",
  head: "窗口负责人",
  headcount: "在册人数",
  name: "姓名",
  role: "职务",
  post: "岗位",
  start: "进驻日期",
  end: "离开日期",
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
  bonusGroup: "加分",
  otherGroup: "其他",
  categories: { de: "德", neng: "能", qin: "勤", ji: "绩" },
  summary: "考核结果",
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
  signatures: "签字确认",
  signAssessee: "被考核人签字",
  signHead: "窗口负责人签字",
  signAssessor: "考核人签字",
  signBoard: "考核领导小组意见（盖章）",
  signDate: "日期：　　　　年　　月　　日",
  footer: "第 &P 页 共 &N 页",
};

const zhTW: PrintLabels = {
  ...zhCN,
  formTitle: "考核登記表",
  period: "考核期間",
  profile: "規則版本",
  kindWindow: "部門窗口考核登記表",
  kindStaff: "窗口工作人員考核登記表",
  kindTownship: "鎮街便民服務中心考核登記表",
  department: "派駐單位",
  head: "窗口負責人",
  headcount: "在冊人數",
  role: "職務",
  post: "崗位",
  start: "進駐日期",
  end: "離開日期",
  unit: "單位",
  county: "所屬縣",
  details: "考核明細",
  code: "條款",
  quantity: "數量",
  source: "來源",
  none: "無",
  subtotal: "小計",
  categories: { de: "德", neng: "能", qin: "勤", ji: "績" },
  summary: "考核結果",
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
  signatures: "簽字確認",
  signAssessee: "被考核人簽字",
  signHead: "窗口負責人簽字",
  signAssessor: "考核人簽字",
  signBoard: "考核領導小組意見（蓋章）",
  signDate: "日期：　　　　年　　月　　日",
  footer: "第 &P 頁 共 &N 頁",
};

const en: PrintLabels = {
  formTitle: "Assessment Record",
  period: "Period",
  year: "Year",
  profile: "Rules",
  kindWindow: "Window assessment record",
  kindStaff: "Window staff assessment record",
  kindTownship: "Township service centre assessment record",
  continued: " (continued)",
  window: "Window",
  department: "Department",
  head: "Window head",
  headcount: "Staff on roster",
  name: "Name",
  role: "Role",
  post: "Post",
  start: "Start",
  end: "End",
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
  bonusGroup: "Bonuses",
  otherGroup: "Other",
  categories: { de: "Conduct", neng: "Ability", qin: "Diligence", ji: "Results" },
  summary: "Result",
  base: "Base",
  deductions: "Deductions",
  bonuses: "Bonuses",
  score: "Score",
  rank: "Rank",
  grade: "Grade",
  eligible: "Eligible for awards",
  yes: "yes",
  no: "no",
  tiePending: "tie pending decision",
  reasons: "Vetoes and reasons",
  notes: "Notes",
  indicators: "Indicators",
  indicatorId: "No.",
  indicator: "Indicator",
  max: "Max",
  selfScore: "Self score",
  reviewedScore: "Reviewed",
  countedScore: "Counted",
  total: "Total",
  notReviewed: "not reviewed",
  signatures: "Signatures",
  signAssessee: "Signature of the assessed",
  signHead: "Signature of the window head",
  signAssessor: "Signature of the assessor",
  signBoard: "Opinion of the assessment board (seal)",
  signDate: "Date:",
  footer: "Page &P of &N",
};

const LABELS: Record<Locale, PrintLabels> = { "zh-CN": zhCN, "zh-TW": zhTW, en };

export function printLabels(locale: Locale = "zh-CN"): PrintLabels {
  return LABELS[locale];
}
