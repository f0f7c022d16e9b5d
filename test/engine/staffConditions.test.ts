/** Staff conditions (26.x), flags (27.x, N-23.1, N-notify) and 23.9 (rulebook §4). */
import { codes, incident, person, run, staff } from "./factory";

const team = [staff({ name: "张三" }), staff({ name: "李四" })];

describe("staff conditions 26.x (not 优秀 or 先进个人 in the quarter and the year)", () => {
  const blocked = (incidents: ReturnType<typeof incident>[], quarter: string, code: string): void => {
    const r = run({ staff: team, incidents });
    for (const p of [quarter, "2025"]) {
      expect(person(r, "张三", p).eligible).toBe(false);
      expect(codes(person(r, "张三", p).flags)).toContain(code);
    }
    expect(person(r, "李四", quarter).eligible).toBe(true);
  };
  const free = (incidents: ReturnType<typeof incident>[], quarter: string, code: string): void => {
    const r = run({ staff: team, incidents });
    expect(person(r, "张三", quarter).eligible).toBe(true);
    expect(codes(person(r, "张三", quarter).flags)).not.toContain(code);
  };
  const z = (code: string, date: string, over = {}) => incident({ code, staff: "张三", date, ...over });

  it("26.1 two complaints within 20 working days", () =>
    blocked([z("18.8a", "2025-04-01"), z("18.8a", "2025-04-20")], "2025-Q2", "26.1"));
  it("26.1 not when 30 working days apart", () =>
    free([z("18.8a", "2025-04-01"), z("18.8a", "2025-05-20")], "2025-Q2", "26.1"));
  it("26.2 corruption", () => blocked([z("21.5", "2025-10-09")], "2025-Q4", "26.2"));
  it("26.3 discipline quantity 3 in a month", () =>
    blocked([z("14.7", "2025-04-01", { quantity: 2 }), z("14.9", "2025-04-02")], "2025-Q2", "26.3"));
  it("26.3 not with 2 in a month", () =>
    free([z("14.7", "2025-04-01", { quantity: 2 }), z("14.9", "2025-05-02")], "2025-Q2", "26.3"));
  it("26.3 three absence rows", () =>
    blocked(
      ["2025-04-01", "2025-04-02", "2025-04-03"].map((d) => z("14.4d", d)),
      "2025-Q2",
      "26.3",
    ));
  it("26.3 one absence of 4 half-days", () =>
    blocked([z("14.4d", "2025-04-01", { quantity: 4 })], "2025-Q2", "26.3"));
  it("26.4 two overdue cases in a month", () =>
    blocked(
      [z("24.1", "2025-06-02", { caseId: "A" }), z("15.7", "2025-06-30", { caseId: "B" })],
      "2025-Q2",
      "26.4",
    ));
  it("26.4 one case more than 3 working days overdue", () =>
    blocked([z("24.1", "2025-06-02", { days: 4 })], "2025-Q2", "26.4"));
  it("26.4 not exactly 3 days (超过3天 excludes 3)", () =>
    free([z("24.1", "2025-06-02", { days: 3 })], "2025-Q2", "26.4"));
  it("26.5 two data-entry faults within 20 working days", () =>
    blocked([z("15.8", "2025-07-01"), z("22.6b", "2025-07-15")], "2025-Q3", "26.5"));
  it("26.5 not when 30 working days apart", () =>
    free([z("15.8", "2025-07-01"), z("22.6b", "2025-08-15")], "2025-Q3", "26.5"));
  it("26.6 recorded", () => blocked([z("26.6", "2025-11-11")], "2025-Q4", "26.6"));
});

describe("flags 27.x, N-23.1, N-notify, 23.9", () => {
  const z = (code: string, date: string, over = {}) => incident({ code, staff: "张三", date, ...over });

  it("27.2 absence of 6 half-days over the year", () => {
    const r = run({
      staff: team,
      incidents: [
        z("14.4d", "2025-02-03", { quantity: 2 }),
        z("14.4d", "2025-06-03", { quantity: 2 }),
        z("14.4d", "2025-11-03", { quantity: 2 }),
      ],
    });
    expect(codes(person(r, "张三", "2025").flags)).toContain("27.2");
    expect(person(r, "张三", "2025").flags.find((f) => f.code === "27.2")?.sources).toHaveLength(3);
  });

  it("27.2 not with 5 half-days", () => {
    const r = run({
      staff: team,
      incidents: [z("14.4d", "2025-02-03", { quantity: 2 }), z("14.4d", "2025-06-03", { quantity: 3 })],
    });
    expect(codes(person(r, "张三", "2025").flags)).not.toContain("27.2");
  });

  it("27.3 three 26.6/27.3a incidents in the year", () => {
    const r = run({
      staff: team,
      incidents: [z("26.6", "2025-02-03"), z("27.3a", "2025-06-03"), z("27.3a", "2025-09-03")],
    });
    expect(codes(person(r, "张三", "2025").flags)).toContain("27.3");
    const two = run({ staff: team, incidents: [z("27.3a", "2025-06-03"), z("27.3a", "2025-09-03")] });
    expect(codes(person(two, "张三", "2025").flags)).not.toContain("27.3");
    expect(person(two, "张三", "2025").eligible).toBe(true);
  });

  it("27.1 基本称职 in two consecutive quarters", () => {
    // Each quarter: −15 − 10 − 0.5 = −25.5 → 74.5, 基本称职 (70 ≤ score < 75).
    const r = run({
      staff: team,
      incidents: [
        z("17.2e", "2025-01-06"),
        z("17.2e", "2025-04-07"),
        ...["2025-01-07", "2025-04-08"].map((d) => z("24.1", d, { days: 1, caseId: d })),
        ...["2025-02-07", "2025-05-08"].map((d) => z("21.2a", d)),
      ],
    });
    expect(person(r, "张三", "2025-Q1").grade).toBe("基本称职");
    expect(person(r, "张三", "2025-Q2").grade).toBe("基本称职");
    expect(codes(person(r, "张三", "2025-Q2").flags)).toContain("27.1");
    expect(codes(person(r, "张三", "2025-Q1").flags)).not.toContain("27.1");
  });

  it("27.1 不称职 in a quarter", () => {
    const r = run({
      staff: team,
      incidents: [z("17.2e", "2025-08-06"), z("17.2e", "2025-08-07"), z("21.2a", "2025-08-08")],
    });
    // 100 − 15 − 15 − 0.5 = 69.5 < 70.
    expect(person(r, "张三", "2025-Q3").grade).toBe("不称职");
    expect(codes(person(r, "张三", "2025-Q3").flags)).toContain("27.1");
  });

  it("N-23.1 year-only attendance deductions reaching 5 points", () => {
    const r = run({
      staff: team,
      incidents: Array.from({ length: 10 }, (_, i) => z("14.4c", `2025-0${(i % 9) + 1}-10`)),
    });
    expect(person(r, "张三", "2025").categories.qin).toBe(-50);
    expect(codes(person(r, "张三", "2025").flags)).toContain("N-23.1");
  });

  it("N-23.1 not at 4.8 points", () => {
    const r = run({
      staff: team,
      incidents: Array.from({ length: 12 }, (_, i) =>
        z("14.4a", `2025-${String(i + 1).padStart(2, "0")}-10`, { quantity: 2 }),
      ),
    });
    expect(person(r, "张三", "2025").categories.qin).toBe(-48);
    expect(codes(person(r, "张三", "2025").flags)).not.toContain("N-23.1");
  });

  it("N-notify flags the person and the row; the inline flag names code and period", () => {
    const row = z("17.2a", "2025-03-04");
    const r = run({ staff: team, incidents: [row] });
    expect(codes(person(r, "张三", "2025-03").flags)).toEqual(["N-notify"]);
    expect(r.flags).toEqual([
      {
        sheet: "事项记录",
        row: row.source.row,
        codes: ["N-notify"],
        periods: ["2025-03", "2025-Q1", "2025"],
        message: "N-notify 通报、问责 (2025-03, 2025-Q1, 2025)",
      },
    ]);
  });

  it("23.9: no award of any kind that year", () => {
    const five = ["张三", "乙", "丙", "丁", "戊"].map((name) => staff({ name }));
    const r = run({
      staff: five,
      incidents: [z("23.9", "2025-12-01"), incident({ code: "19.8", staff: "张三", date: "2025-02-02" })],
    });
    for (const q of ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2025"]) {
      expect(person(r, "张三", q).eligible).toBe(false);
      expect(person(r, "张三", q).grade).not.toBe("优秀");
      expect(codes(person(r, "张三", q).flags)).toContain("23.9");
    }
    // Q1: 张三 has the best score (105) but is out; the other four tie at 100 for the one place.
    expect(person(r, "乙", "2025-Q1").grade).toBe("并列待裁定");
    expect(r.audit.filter((a) => a.entity === "张三" && a.code.startsWith("25.6"))).toEqual([]);
    expect(r.audit.filter((a) => a.entity === "乙" && a.code === "25.6a")).toHaveLength(1);
  });

  it("inline flags merge every condition a row caused", () => {
    const a = z("21.5", "2025-03-04");
    const r = run({ staff: team, incidents: [a] });
    const flag = r.flags.find((f) => f.row === a.source.row);
    expect(flag?.codes).toEqual(["20B.3", "26.2"]);
    expect(flag?.message).toBe(
      "20B.3 窗口工作人员有吃拿卡要等不廉洁行为 (2025-03, 2025-Q1, 2025); 26.2 有吃拿卡要等不廉洁行为 (2025-Q1, 2025)",
    );
  });
});
