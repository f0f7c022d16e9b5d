/** 人员名册 with people who move between windows, namesakes told apart by 工号, and unknown names. */
import { formatIssue } from "../../src/workbook/messages";
import { incident, STAFF_HEADER, WINDOWS, workbook, type Rows } from "./factory";
import { parse, summary } from "./parseHelpers";
import type { RawSheet } from "../../src/core";

const HEADER = [...STAFF_HEADER, "工号/身份证后四位"];

/** A workbook whose 人员名册 has the 工号 column. */
function withRoster(staff: Rows, incidents = [incident({ 人员: null })]): RawSheet[] {
  const sheets = workbook({ incidents });
  sheets.find((s) => s.name === "人员名册")!.rows = [HEADER, ...staff];
  return sheets;
}

const MOVED: Rows = [
  ["张三", "公安", "工作人员", "A", "2024-01-02", "2025-06-30", ""],
  ["李四", "公安", "首席代表", "A", "", "", ""],
  ["张三", "税务", "工作人员", "A", "2025-07-01", "", ""],
  ["王五", "税务", "负责人", "A", "", "", ""],
];

describe("人员名册: a person on several rows", () => {
  it("accepts non-overlapping stays in different windows as one person", () => {
    const out = parse(withRoster(MOVED));
    expect(summary(out.issues)).toEqual([]);
    expect(out.input!.staff.map((s) => [s.name, s.window, s.start ?? "", s.end ?? ""])).toEqual([
      ["张三", "公安", "2024-01-02", "2025-06-30"],
      ["李四", "公安", "", ""],
      ["张三", "税务", "2025-07-01", ""],
      ["王五", "税务", "", ""],
    ]);
  });

  // rows | the error, at its cell
  it.each<[string, Rows, string]>([
    [
      "stays overlapping by a day",
      [
        ["张三", "公安", "工作人员", "A", "2024-01-02", "2025-07-01", ""],
        ["张三", "税务", "工作人员", "A", "2025-07-01", "", ""],
      ],
      "error staff-rows-overlap 人员名册!E3",
    ],
    [
      "a second open-ended stay",
      [
        ["张三", "公安", "工作人员", "A", "2024-01-02", "", ""],
        ["张三", "税务", "工作人员", "A", "2025-07-01", "", ""],
      ],
      "error staff-rows-overlap 人员名册!E3",
    ],
    [
      "the same person twice without dates",
      [
        ["张三", "公安", "工作人员", "A", "", "", ""],
        ["张三", "税务", "工作人员", "A", "", "", ""],
      ],
      "error duplicate-staff 人员名册!A3",
    ],
    [
      "reversed dates on a row of a person who moved",
      [
        ["张三", "公安", "工作人员", "A", "2025-06-30", "2025-01-01", ""],
        ["张三", "税务", "工作人员", "A", "2025-07-01", "", ""],
      ],
      "error staff-dates-reversed 人员名册!F2",
    ],
    [
      "a row without 工号 beside namesakes with two",
      [
        ["张伟", "公安", "工作人员", "A", "", "", "0123"],
        ["张伟", "税务", "工作人员", "A", "", "", "0456"],
        ["张伟", "人社", "工作人员", "A", "", "", ""],
      ],
      "error staff-id-missing 人员名册!G4",
    ],
  ])("refuses %s", (_, staff, expected) => {
    const out = parse(withRoster(staff));
    expect(out.input).toBeUndefined();
    expect(summary(out.issues).filter((s) => s.startsWith("error"))).toEqual([expected]);
  });

  it("words the overlap in every language, naming the first row and the shared day", () => {
    const out = parse(
      withRoster([
        ["张三", "公安", "工作人员", "A", "2024-01-02", "2025-07-01", ""],
        ["张三", "税务", "工作人员", "A", "2025-07-01", "", ""],
      ]),
    );
    const issue = out.issues.find((i) => i.code === "staff-rows-overlap")!;
    expect(formatIssue(issue)).toBe(
      "人员名册!E3：人员“张三”在第2行也有名册记录，两行在2025-07-01重叠（同一时间只能在一个窗口）",
    );
    expect(formatIssue(issue, "en")).toContain("row 2");
    expect(formatIssue(issue, "zh-TW")).toContain("第2列");
  });
});

describe("事项记录: which person and which window", () => {
  it("a blank 窗口 beside a person who moved is the window served that day", () => {
    const out = parse(
      withRoster(MOVED, [
        incident({ 日期: "2025-03-05", 窗口: null, 人员: "张三" }),
        incident({ 日期: "2025-09-10", 窗口: null, 人员: "张三" }),
      ]),
    );
    expect(summary(out.issues)).toEqual([]);
    expect(out.input!.incidents.map((i) => [i.date, i.window, i.staff])).toEqual([
      ["2025-03-05", "公安", "张三"],
      ["2025-09-10", "税务", "张三"],
    ]);
  });

  it("a 窗口 other than the one served that day is kept, with a warning naming the roster's", () => {
    const out = parse(withRoster(MOVED, [incident({ 日期: "2025-09-10", 窗口: "公安", 人员: "张三" })]));
    expect(summary(out.issues)).toEqual(["warning staff-window-mismatch 事项记录!C2"]);
    expect(out.issues[0]!.params).toMatchObject({ window: "公安", rosterWindow: "税务" });
    expect(out.input!.incidents[0]!.window).toBe("公安");
  });

  it("a date outside every stay of a person who moved is a warning listing the stays", () => {
    const rows: Rows = [
      ["张三", "公安", "工作人员", "A", "2025-02-01", "2025-06-30", ""],
      ["张三", "税务", "工作人员", "A", "2025-07-01", "", ""],
    ];
    const out = parse(withRoster(rows, [incident({ 日期: "2025-01-15", 窗口: "公安", 人员: "张三" })]));
    expect(summary(out.issues)).toEqual(["warning staff-not-on-roster-then 事项记录!A2"]);
  });

  it("namesakes: 工号 in the cell, or the one who served that window that day", () => {
    const rows: Rows = [
      ["张伟", "公安", "工作人员", "A", "", "", "0123"],
      ["张伟", "税务", "工作人员", "A", "", "", "0456"],
    ];
    const out = parse(
      withRoster(rows, [
        incident({ 窗口: "税务", 人员: "张伟(0123)" }),
        incident({ 窗口: "税务", 人员: "张伟" }),
        incident({ 窗口: "公安", 人员: "张伟 0123" }),
      ]),
    );
    expect(out.input!.staff.map((s) => s.name)).toEqual(["张伟（0123）", "张伟（0456）"]);
    expect(out.input!.incidents.map((i) => i.staff)).toEqual([
      "张伟（0123）",
      "张伟（0456）",
      "张伟（0123）",
    ]);
    // The first row names the 公安 张伟 on a 税务 row: kept, with the usual warning.
    expect(summary(out.issues)).toEqual(["warning staff-window-mismatch 事项记录!C2"]);
  });

  it("namesakes that cannot be told apart are an error at the cell", () => {
    const rows: Rows = [
      ["张伟", "公安", "工作人员", "A", "", "", "0123"],
      ["张伟", "公安", "工作人员", "B", "", "", "0456"],
    ];
    const out = parse(withRoster(rows, [incident({ 窗口: "公安", 人员: "张伟" })]));
    expect(summary(out.issues)).toEqual(["error staff-ambiguous 事项记录!C2"]);
    expect(formatIssue(out.issues[0]!)).toBe(
      "事项记录!C2：“张伟”在名册中对应多人（张伟（0123）、张伟（0456）），请在姓名后写明工号，如“张伟（0123）”",
    );
  });
});

describe("an unknown person stays an error at the cell, with the nearest roster name", () => {
  const roster: Rows = [
    ["黄丽萍", "公安", "工作人员", "A", "", "", ""],
    ["韦建华", "公安", "首席代表", "A", "", "", ""],
  ];
  // typed | the message in zh-CN, zh-TW and en
  it.each([
    [
      "黄丽平",
      "事项记录!C2：未知人员“黄丽平”（不在人员名册中），是否为“黄丽萍”？",
      "事项记录!C2：未知人員「黄丽平」（不在人員名冊中），是否為「黄丽萍」？",
      '事项记录!C2: unknown person "黄丽平" (not on the staff roster); did you mean "黄丽萍"?',
    ],
    [
      "黄丽",
      "事项记录!C2：未知人员“黄丽”（不在人员名册中），是否为“黄丽萍”？",
      "事项记录!C2：未知人員「黄丽」（不在人員名冊中），是否為「黄丽萍」？",
      '事项记录!C2: unknown person "黄丽" (not on the staff roster); did you mean "黄丽萍"?',
    ],
    [
      "赵钱孙",
      "事项记录!C2：未知人员“赵钱孙”（不在人员名册中）",
      "事项记录!C2：未知人員「赵钱孙」（不在人員名冊中）",
      '事项记录!C2: unknown person "赵钱孙" (not in 人员名册)',
    ],
  ])("%s", (typed, zhCN, zhTW, en) => {
    const out = parse(withRoster(roster, [incident({ 人员: typed })]));
    expect(out.input).toBeUndefined();
    const issue = out.issues.find((i) => i.severity === "error")!;
    expect([formatIssue(issue), formatIssue(issue, "zh-TW"), formatIssue(issue, "en")]).toEqual([
      zhCN,
      zhTW,
      en,
    ]);
  });
});

describe("WINDOWS fixture", () => {
  it("has the windows the rosters above use", () => {
    expect(WINDOWS.map((w) => w[0])).toEqual(["公安", "税务", "人社"]);
  });
});
