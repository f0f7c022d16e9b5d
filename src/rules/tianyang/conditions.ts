/** Veto incidents and derived conditions (rulebook §3 veto table and §4) as declarations. */
import type { ConditionDef, Threshold } from "../types";

const gte = (value: number): Threshold => ({ op: "gte", value });
const gt = (value: number): Threshold => ({ op: "gt", value });
const any = { kind: "any" } as const;

export const CONDITIONS: ConditionDef[] = [
  {
    code: "20A.1",
    text: "部门未按规定派驻窗口工作人员",
    groupBy: "window",
    effect: "window-ineligible",
    anyOf: [{ match: { codes: ["20A.1"] }, test: any }],
  },
  {
    code: "20A.2",
    text: "未将许可事项纳入中心集中受理或在他处受理",
    groupBy: "window",
    effect: "window-ineligible",
    anyOf: [{ match: { codes: ["20A.2", "13.1"] }, test: any }],
  },
  {
    code: "20A.3",
    text: "其他违反行政许可法及各级政府规定",
    groupBy: "window",
    effect: "window-ineligible",
    anyOf: [{ match: { codes: ["20A.3"] }, test: any }],
  },
  {
    code: "20B.1",
    text: "20个工作日内2次投诉属实",
    groupBy: "window",
    effect: "window-fail-month",
    anyOf: [{ match: { tags: ["complaint"] }, test: { kind: "within", count: 2, workdays: 20 } }],
  },
  {
    code: "20B.2",
    text: "未按规定办理致效率低下,受县级以上部门通报",
    groupBy: "window",
    effect: "window-fail-month",
    anyOf: [{ match: { codes: ["20B.2"] }, test: any }],
  },
  {
    code: "20B.3",
    text: "窗口工作人员有吃拿卡要等不廉洁行为",
    groupBy: "window",
    effect: "window-fail-month",
    anyOf: [{ match: { tags: ["corruption"] }, test: any }],
  },
  {
    code: "20B.4",
    text: "窗口工作人员当月旷工3次以上或一次旷工2天以上",
    groupBy: "window-staff",
    effect: "window-fail-month",
    anyOf: [
      { match: { tags: ["absence"] }, test: { kind: "count", per: "month", threshold: gte(3) } },
      { match: { tags: ["absence"] }, test: { kind: "row", field: "quantity", threshold: gte(4) } },
    ],
  },
  {
    code: "20B.5",
    text: "当月延期未办结3件以上或同一事项延期3个工作日以上",
    groupBy: "window",
    effect: "window-fail-month",
    anyOf: [
      { match: { tags: ["overdue"] }, test: { kind: "count", per: "month", threshold: gte(3) } },
      { match: { tags: ["overdue"] }, test: { kind: "row", field: "days", threshold: gte(3) } },
    ],
  },
  {
    code: "20B.6",
    text: "窗口工作人员因严重违反中心管理规定被退回原单位",
    groupBy: "window",
    effect: "window-fail-month",
    anyOf: [{ match: { codes: ["20B.6"] }, test: any }],
  },
  {
    code: "20B.7",
    text: "其他严重违法违纪",
    groupBy: "window",
    effect: "window-fail-month",
    anyOf: [{ match: { codes: ["20B.7"] }, test: any }],
  },
  {
    code: "26.1",
    text: "20个工作日内被投诉2次经查属实",
    groupBy: "staff",
    effect: "staff-ineligible",
    anyOf: [{ match: { tags: ["complaint"] }, test: { kind: "within", count: 2, workdays: 20 } }],
  },
  {
    code: "26.2",
    text: "有吃拿卡要等不廉洁行为",
    groupBy: "staff",
    effect: "staff-ineligible",
    anyOf: [{ match: { tags: ["corruption"] }, test: any }],
  },
  {
    code: "26.3",
    text: "当月违反工作纪律3次以上、旷工3次以上或一次旷工2天以上",
    groupBy: "staff",
    effect: "staff-ineligible",
    anyOf: [
      { match: { tags: ["discipline"] }, test: { kind: "quantity", per: "month", threshold: gte(3) } },
      { match: { tags: ["absence"] }, test: { kind: "count", per: "month", threshold: gte(3) } },
      { match: { tags: ["absence"] }, test: { kind: "row", field: "quantity", threshold: gte(4) } },
    ],
  },
  {
    code: "26.4",
    text: "当月延期办结2件以上或同一事项延期超过3个工作日",
    groupBy: "staff",
    effect: "staff-ineligible",
    anyOf: [
      { match: { tags: ["overdue"] }, test: { kind: "count", per: "month", threshold: gte(2) } },
      { match: { tags: ["overdue"] }, test: { kind: "row", field: "days", threshold: gt(3) } },
    ],
  },
  {
    code: "26.5",
    text: "20个工作日内连续2次数据未按规定录入",
    groupBy: "staff",
    effect: "staff-ineligible",
    anyOf: [{ match: { tags: ["data-entry"] }, test: { kind: "within", count: 2, workdays: 20 } }],
  },
  {
    code: "26.6",
    text: "违反行政许可法有关受理规定",
    groupBy: "staff",
    effect: "staff-ineligible",
    anyOf: [{ match: { codes: ["26.6"] }, test: any }],
  },
  {
    code: "27.1",
    text: "连续两个季度基本称职或季度、年度不称职,退回原单位并通报有关部门",
    groupBy: "staff",
    effect: "staff-flag",
    anyOf: [
      {
        match: {},
        test: { kind: "grades", consecutive: { grade: "基本称职", count: 2 }, anyGrade: ["不称职"] },
      },
    ],
  },
  {
    code: "27.2",
    text: "年度内旷工3天以上,退回原单位并通报有关部门",
    groupBy: "staff",
    effect: "staff-flag",
    anyOf: [{ match: { tags: ["absence"] }, test: { kind: "quantity", per: "year", threshold: gte(6) } }],
  },
  {
    code: "27.3",
    text: "年度内违反行政许可法受理、办理规定3次以上,退回原单位并通报有关部门",
    groupBy: "staff",
    effect: "staff-flag",
    anyOf: [{ match: { codes: ["26.6", "27.3a"] }, test: { kind: "count", per: "year", threshold: gte(3) } }],
  },
  {
    code: "N-23.1",
    text: "年度考勤扣分累计5分以上,通报原单位,上报县政府、纪委、监察局,电子显示屏通报",
    groupBy: "staff",
    effect: "staff-flag",
    anyOf: [{ match: { tags: ["attendance"] }, test: { kind: "yearOnlyPoints", threshold: gte(50) } }],
  },
  {
    code: "N-notify",
    text: "通报、问责",
    groupBy: "window",
    effect: "row-notice",
    anyOf: [{ match: { tags: ["notify"] }, test: any }],
  },
  {
    code: "23.9",
    text: "私自向中介介绍业务或从事有偿中介,当年不得评任何奖项",
    groupBy: "staff",
    effect: "no-awards",
    anyOf: [{ match: { tags: ["no-awards"] }, test: any }],
  },
];
