/** Profile `tianyang-2008` (第二篇 田阳县): catalogue, conditions, grades, quotas, bonuses (rulebook §2–§6, §9). */
import { rule, tenths } from "../spec";
import type { IndicatorDef, Profile } from "../types";
import { CONDITIONS } from "./conditions";
import { BONUS_RULES, STAFF_RULES, VETO_RULES } from "./staffRules";
import { WINDOW_RULES } from "./windowRules";

/** [id, name, max, criterion, other accepted names]. T7: the seed's full name, and the rulebook's short form. */
const INDICATORS: [string, string, number, string, string[]?][] = [
  ["T1", "领导重视", 5, "中心设置了专兼职的分管领导"],
  ["T2", "办公场所", 10, "中心有固定的办公场所"],
  ["T3", "设备配备", 10, "办公设备配备齐全,满足日常工作需要"],
  ["T4", "窗口设置", 10, "设置相应办事窗口并配备工作人员"],
  ["T5", "配合工作", 10, "积极参加上级业务部门会议和培训"],
  ["T6", "办理事项办结率", 15, "各种办理事项按时办结"],
  ["T7", "为民办事全程代办工作情况", 10, "全部建成代办点,有效运行,正常开展代办", ["为民办事全程代办"]],
  ["T8", "信息报送", 5, "每月报送信息不少于5篇"],
  ["T9", "群众投诉", 10, "零投诉"],
  ["T10", "明查暗访电子监察", 15, "严格执行规章制度,不得出现违规现象"],
];

export const INDICATOR_DEFS: IndicatorDef[] = INDICATORS.map(([id, name, max, criterion, aliases]) => ({
  id,
  name,
  max: tenths(max),
  criterion,
  ...(aliases ? { aliases } : {}),
}));

const WINDOW_GRADES = {
  excellent: "优秀",
  pass: "合格",
  fail: "不合格",
  excellentFloor: 950,
  passFloor: 750,
};

export const TIANYANG_2008: Profile = {
  id: "tianyang-2008",
  name: "田阳县行政审批服务中心窗口及工作人员考核办法(2008)",
  base: 1000,
  rules: [...WINDOW_RULES, ...STAFF_RULES, ...BONUS_RULES, ...VETO_RULES].map(rule),
  conditions: CONDITIONS,
  windowGrades: WINDOW_GRADES,
  staffGrades: {
    excellent: "优秀",
    competent: "称职",
    basic: "基本称职",
    incompetent: "不称职",
    excellentFloor: 950,
    competentFloor: 750,
    basicFloor: 700,
  },
  tiePendingGrade: "并列待裁定",
  tieCode: "并列待裁定",
  tieSettledCode: "并列已裁定",
  advancedCode: "先进个人",
  advancedText: "先进个人",
  quotas: {
    windowQuarter: 3,
    windowYearMinQuarters: 3,
    staffShare: { numerator: 1, denominator: 5 },
    advancedYearMinQuarters: 3,
  },
  bonuses: [
    { code: "19.9", text: "季度优秀窗口,年终考核加分", target: "window", basis: "own-quarter", points: 20 },
    {
      code: "25.6a",
      text: "所在窗口被评为季度优秀窗口,窗口工作人员加分",
      target: "staff",
      basis: "window-quarter",
      points: 20,
    },
    {
      code: "25.6b",
      text: "本人被评为季度优秀,年终考核加分",
      target: "staff",
      basis: "own-quarter",
      points: 20,
    },
  ],
  headRoles: ["首席代表", "负责人"],
  indicators: INDICATOR_DEFS,
  township: {
    grades: WINDOW_GRADES,
    unreviewedNote: "未复核",
    evidence: [
      { indicator: "T9", tag: "complaint", text: "属实投诉" },
      { indicator: "T10", tag: "inspection", text: "明查暗访、电子监察发现问题" },
    ],
  },
  caseLog: { overdueCode: "15.7" },
  interpretations: [
    "两条均处罚的行为记为一个条款、两项效果;仅涉及个人的变体为独立条款",
    "只有投诉类条款(18.5a、18.8a、18.8b)计入20B.1/26.1;电子监察发现计入T10",
    "“3件以上及同一事项延期3天以上”按任一条件成立;天数为工作日",
    "旷工数量以半天计;27.2的3天在考核年度内累计",
    "违反请假制度视为脱岗,计入26.3的违反工作纪律",
    "季度、年度得分由100分加减该期间全部事项,不取月平均;不设上限",
    "窗口月度等次(合格/不合格)为本产品设定",
    "人员20%优秀名额同时适用于季度和年度,以该期间在册人数向下取整(调动者计一次)",
    "年度称号另需年度评优资格和95分以上",
    "19.9每个季度优秀窗口加2分计入当年;25.6b按本人季度优秀计",
    "20A否决作用于事项所在季度和年度;23.9当年取消一切奖项",
    "季度优秀窗口的先进个人候选人默认为该窗口季度得分最高的有资格人员",
    "23.1考勤扣分对个人仅计入年度;窗口14.4扣分计入各期间",
    "“20个工作日内2次”指第2次在第1次之后第20个工作日以内",
    "负责人本人即为当事人时,不重复扣负责人连带分",
    "休息日(节假日、周末、网上提交)受理的办件视为下一个工作日受理:承诺件从该日之后起算承诺工作日,即办件的期限即为该日",
    "镇街指标名称与规则版本不同但序号、分值一致时,照常计分并提示;分值改动或未知序号不予汇总",
    "事项记录中的人员必须在人员名册中(否则报错并提示相近姓名),以免笔误漏扣",
    "人员调动:事项计入当日所在窗口;个人得分和等次跟随本人;名额和先进个人按该期间在册人员计",
    "镇街考核的自评分/复核分、等次档次和全县排名参照第九、十条设定",
  ],
};
