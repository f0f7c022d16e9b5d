/**
 * `kaohe rules check` on broken rulebooks: each one is a real file, written from the 田阳 export with one
 * mistake, and every message must name the place (the JSON path) and what is wrong.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { exportRulebook, type RulebookFile } from "../../src/rules/format";
import { TIANYANG_2008 } from "../../src/rules/tianyang/profile";
import { runCli } from "../cli/run";

type Edit = (f: RulebookFile & Record<string, unknown>) => void;
type Loose = Record<string, unknown>;

const base = exportRulebook(TIANYANG_2008);
const at = (code: string): number => base.items.findIndex((r) => r.code === code);
const cond = (code: string): number => base.conditions.findIndex((c) => c.code === code);
const item = (f: RulebookFile, code: string): Loose => f.items[at(code)] as unknown as Loose;

/** [what is broken, the edit, the expected line (zh-CN) after "broken.json: "]. */
const CASES: [string, Edit | string, string][] = [
  [
    "points as text",
    (f) => void (item(f, "14.4a").window = "-0.5"),
    `items[${at("14.4a")}].window: 应为数字,实为 文字`,
  ],
  [
    "points with two decimals",
    (f) => void (item(f, "14.4a").window = -0.25),
    `items[${at("14.4a")}].window: 分值 -0.25 最多保留一位小数`,
  ],
  [
    "an unknown tag",
    (f) => void f.items[at("15.7")]!.tags.push("late" as never),
    `items[${at("15.7")}].tags[2]: “late”不是本程序支持的取值`,
  ],
  [
    "a duplicate code",
    (f) => void (f.items[at("12.2")]!.code = "12.1"),
    `items[${at("12.2")}].code: 编号“12.1”重复(另见 items[${at("12.1")}].code)`,
  ],
  [
    "a duplicate code in another case",
    (f) => void (f.items[at("14.4b")]!.code = "14.4A"),
    `items[${at("14.4b")}].code: 编号“14.4A”重复(另见 items[${at("14.4a")}].code)`,
  ],
  ["an item without text", (f) => void delete item(f, "13.1").text, `items[${at("13.1")}]: 缺少“text”`],
  [
    "an unknown field",
    (f) => void (item(f, "13.1").points = -0.5),
    `items[${at("13.1")}].points: 未知字段“points”`,
  ],
  [
    "an unknown staff category",
    (f) => void ((item(f, "21.3").staff as Loose).category = "礼"),
    `items[${at("21.3")}].staff.category: “礼”不是本程序支持的取值`,
  ],
  [
    "a head effect without a staff effect",
    (f) => void (f.items[at("12.1")]!.head = -0.5),
    `items[${at("12.1")}].head: 负责人连带分须与个人分值同时设置`,
  ],
  [
    "a range on an effect the item lacks",
    (f) => void (f.items[at("25.1")]!.range!.appliesTo = "window"),
    `items[${at("25.1")}].range.appliesTo: 分值范围作用于窗口,但本条款没有窗口分值`,
  ],
  [
    "a staff effect grouped by window",
    (f) => void (f.conditions[cond("26.2")]!.groupBy = "window"),
    `conditions[${cond("26.2")}].effect: 人员效果(“staff-ineligible”)的条件不能按窗口归组`,
  ],
  [
    "a window effect grouped by person",
    (f) => void (f.conditions[cond("20B.3")]!.groupBy = "staff"),
    `conditions[${cond("20B.3")}].effect: 窗口效果(“window-fail-month”)的条件不能只按人员归组`,
  ],
  [
    "a condition over a tag nothing carries",
    (f) => void (f.items[at("21.5")]!.tags = []),
    `conditions[${cond("20B.3")}].anyOf[0].match.tags[0]: 标签“corruption”没有任何条款带有,条件永远不会成立`,
  ],
  [
    "a condition over an unknown item",
    (f) => void f.conditions[cond("27.3")]!.anyOf[0]!.match.codes!.push("27.3b"),
    `conditions[${cond("27.3")}].anyOf[0].match.codes[2]: 引用了不存在的条款“27.3b”`,
  ],
  [
    "a condition kind the engine lacks",
    (f) => void ((f.conditions[cond("20B.1")]!.anyOf[0]!.test as unknown as Loose).kind = "streak"),
    `conditions[${cond("20B.1")}].anyOf[0].test.kind: “streak”不是本程序支持的取值`,
  ],
  [
    "a within test without its window",
    (f) => void delete (f.conditions[cond("26.5")]!.anyOf[0]!.test as unknown as Loose).workdays,
    `conditions[${cond("26.5")}].anyOf[0].test: “within”条件需要“workdays”`,
  ],
  [
    "a grades test naming no staff grade",
    (f) => void (f.conditions[cond("27.1")]!.anyOf[0]!.test as { anyGrade: string[] }).anyGrade.push("差"),
    `conditions[${cond("27.1")}].anyOf[0].test: 等次“差”不在人员等次中`,
  ],
  [
    "a fifth staff grade (a scheme the engine lacks)",
    (f) => void ((f.staffGrades as unknown as Loose).good = "良好"),
    "staffGrades.good: 未知字段“good”",
  ],
  [
    "a quota as a count (a rule the engine lacks)",
    (f) => void ((f.quotas as unknown as Loose).staffCount = 3),
    "quotas.staffCount: 未知字段“staffCount”",
  ],
  [
    "staff floors out of order",
    (f) => void (f.staffGrades.competentFloor = 96),
    "staffGrades: 分数线顺序不对:95 > 96 > 70",
  ],
  [
    "window floors out of order",
    (f) => void (f.windowGrades.passFloor = 95),
    "windowGrades: 分数线顺序不对:95 > 95",
  ],
  [
    "a deduction that adds",
    (f) => void (f.items[at("13.4")]!.window = 2),
    `items[${at("13.4")}].window: 扣分条款的分值 2 符号不对`,
  ],
  [
    "a staff deduction without 德能勤绩",
    (f) => void delete (item(f, "22.1").staff as Loose).category,
    `items[${at("22.1")}].staff: 个人扣分须有德能勤绩类别`,
  ],
  [
    "a bonus with a 德能勤绩 category",
    (f) => void ((item(f, "19.1").staff as Loose).category = "德"),
    `items[${at("19.1")}].staff.category: 加分条款不设德能勤绩类别`,
  ],
  [
    "evidence for an unknown indicator",
    (f) => void (f.township.evidence[0]!.indicator = "T11"),
    "township.evidence[0].indicator: 引用了不存在的指标“T11”",
  ],
  [
    "overdue cases charged to an unknown item",
    (f) => void (f.caseLog.overdueCode = "99.9"),
    "caseLog.overdueCode: 引用了不存在的条款“99.9”",
  ],
  ["a newer format", (f) => void ((f as Loose).format = 2), "format: 应为 1"],
  ["no base score", (f) => void delete (f as Loose).base, ": 缺少“base”"],
  [
    "a share over 100 %",
    (f) => void (f.quotas.staffShare = { numerator: 6, denominator: 5 }),
    "quotas.staffShare: 优秀比例 6/5 超过 100%",
  ],
  [
    "a zero denominator",
    (f) => void (f.quotas.staffShare.denominator = 0),
    "quotas.staffShare.denominator: 不得小于 1",
  ],
  [
    "the same code for pending and settled ties",
    (f) => void (f.ties.settledCode = f.ties.code),
    "ties.settledCode: 并列已裁定的代码须与并列待裁定不同",
  ],
  [
    "a duplicate indicator",
    (f) => void (f.indicators[1]!.id = "T1"),
    "indicators[1].id: 编号“T1”重复(另见 indicators[0].id)",
  ],
  ["an empty code", (f) => void (f.items[0]!.code = " "), "items[0].code: 不得为空"],
  ["a condition with no clauses", (f) => void (f.conditions[0]!.anyOf = []), "conditions[0].anyOf: 不得为空"],
  ["not JSON at all", '{ "format": 1, }', ": 不是有效的 JSON"],
];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-rules-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(edit: Edit | string): string {
  const file = path.join(dir, "broken.json");
  if (typeof edit === "string") writeFileSync(file, edit);
  else {
    const copy = JSON.parse(JSON.stringify(base)) as RulebookFile & Record<string, unknown>;
    edit(copy);
    writeFileSync(file, JSON.stringify(copy, null, 2));
  }
  return file;
}

const cases = CASES;

test("there are more than twenty broken rulebooks", () => expect(cases.length).toBeGreaterThan(20));

test.each(cases)("%s is refused, naming the place", async (_what, edit, expected) => {
  write(edit);
  const run = await runCli(["rules", "check", "broken.json"], dir);
  expect(run.code).toBe(1);
  expect(run.stdout).toBe("");
  const lines = run.stderr.trim().split("\n");
  expect(
    lines.some((l) => l.startsWith(`broken.json${expected.startsWith(":") ? "" : ": "}${expected}`)),
  ).toBe(true);
});

test("messages come in English and zh-TW too", async () => {
  write((f) => void (item(f, "14.4a").window = "-0.5"));
  const en = await runCli(["rules", "check", "broken.json", "--lang", "en"], dir);
  expect(en.stderr).toContain(`broken.json: items[${at("14.4a")}].window: must be a number, found text`);
  const tw = await runCli(["rules", "check", "broken.json", "--lang=zh-TW"], dir);
  expect(tw.stderr).toContain(`broken.json: items[${at("14.4a")}].window: 應為數字,實為 文字`);
});

test("a sound rulebook passes, and a missing file is named", async () => {
  const exported = await runCli(["rules", "export", "tianyang-2008", "--out", "mine.json"], dir);
  expect(exported.code).toBe(0);
  const ok = await runCli(["rules", "check", "mine.json"], dir);
  expect(ok).toMatchObject({ code: 0, stderr: "" });
  expect(ok.stdout).toBe(
    `mine.json: 规则可用(条款 ${base.items.length} 条,条件 ${base.conditions.length} 条)\n`,
  );
  const missing = await runCli(["rules", "check", "nowhere.json"], dir);
  expect(missing).toMatchObject({ code: 1, stderr: "nowhere.json: 无法读取文件(ENOENT)\n" });
});
