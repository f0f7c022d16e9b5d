import { consolidate } from "../../src/consolidate/consolidate";
import { renderCounty } from "../../src/consolidate/render";
import { lookup, scoresFor, township } from "./support/factory";

describe("consolidate (pure)", () => {
  it("ranks by total, competition style, sorted by total then name, with grades from the profile bands", () => {
    const files = [
      township("c.xlsx", { name: "丙镇", self: scoresFor(90.5) }),
      township("a.xlsx", { name: "甲镇", self: scoresFor(95) }),
      township("b.xlsx", { name: "乙镇", self: scoresFor(90.5) }),
      township("d.xlsx", { name: "丁镇", self: scoresFor(74.9) }),
      township("e.xlsx", { name: "戊镇", self: scoresFor(75) }),
    ];
    const r = consolidate(files, lookup);
    expect(r.townships.map((t) => [t.township, t.total, t.rank, t.grade])).toEqual([
      ["甲镇", 950, 1, "优秀"],
      ["丙镇", 905, 2, "合格"],
      ["乙镇", 905, 2, "合格"],
      ["戊镇", 750, 4, "合格"],
      ["丁镇", 749, 5, "不合格"],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.used).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx", "e.xlsx"]);
  });

  it("counts reviewed, else self; differences per indicator and in total; counts 未复核 rows", () => {
    const self = [5, 10, 10, 10, 10, 15, 10, 5, 10, 15];
    const reviewed = [4.5, 9, null, 10, 10, 13.5, 10, 5, null, 15];
    const [t] = consolidate([township("a.xlsx", { self, reviewed })], lookup).townships;
    expect(t!.counted).toMatchObject({ T1: 45, T2: 90, T3: 100, T6: 135, T9: 100 });
    expect(t!.total).toBe(970);
    expect(t!.difference).toMatchObject({ T1: -5, T2: -10, T3: undefined, T6: -15, T9: undefined, T10: 0 });
    expect(t!.differenceTotal).toBe(-30);
    expect(t!.unreviewed).toBe(2);
  });

  it("uses the majority year and profile and leaves the others out, located on their settings cell", () => {
    const r = consolidate(
      [
        township("a.xlsx"),
        township("b.xlsx"),
        township("c.xlsx", { year: 2024 }),
        township("d.xlsx", { profile: "tongshan" }),
      ],
      lookup,
    );
    expect(r.year).toBe(2025);
    expect(r.profile).toBe("tianyang-2008");
    expect(r.used).toEqual(["a.xlsx", "b.xlsx"]);
    expect(
      r.problems.map((p) => [p.file, p.issue.code, p.issue.sheet, p.issue.row, p.issue.column, p.excluded]),
    ).toEqual([
      ["c.xlsx", "other-year", "考核设置", 4, 2, true],
      ["d.xlsx", "other-profile", "考核设置", 5, 2, true],
    ]);
  });

  it("a given year wins over the majority", () => {
    const r = consolidate(
      [township("a.xlsx"), township("b.xlsx"), township("c.xlsx", { year: 2024 })],
      lookup,
      { year: 2024 },
    );
    expect(r.used).toEqual(["c.xlsx"]);
    expect(r.excluded).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("a township twice: both left out and reported until one is preferred", () => {
    const files = [
      township("x1.xlsx", { name: "甲镇" }),
      township("x2.xlsx", { name: "甲镇", self: scoresFor(80) }),
      township("y.xlsx", { name: "乙镇" }),
    ];
    const none = consolidate(files, lookup);
    expect(none.used).toEqual(["y.xlsx"]);
    expect(none.problems.map((p) => [p.file, p.issue.code, p.issue.params?.files])).toEqual([
      ["x1.xlsx", "duplicate-township", "x1.xlsx、x2.xlsx"],
      ["x2.xlsx", "duplicate-township", "x1.xlsx、x2.xlsx"],
    ]);
    const chosen = consolidate(files, lookup, { prefer: ["/some/folder/x2.xlsx"] });
    expect(chosen.used).toEqual(["x2.xlsx", "y.xlsx"]);
    expect(chosen.townships.find((t) => t.township === "甲镇")!.total).toBe(800);
    expect(chosen.problems.map((p) => [p.file, p.issue.code])).toEqual([
      ["x1.xlsx", "duplicate-township-not-preferred"],
    ]);
  });

  it("a file with errors is left out with every issue; warnings are reported and the file counts", () => {
    const bad = township("bad.xlsx", {
      issues: [{ severity: "error", code: "checklist-out-of-range", sheet: "镇街指标", row: 7, column: 4 }],
    });
    const warn = township("warn.xlsx", {
      issues: [{ severity: "warning", code: "windows-not-scored", params: { detail: 1 } }],
    });
    const unreadable = {
      file: "c.csv",
      issues: [{ severity: "error" as const, code: "file-text" as const, params: { file: "c.csv" } }],
    };
    const r = consolidate([unreadable, bad, warn], lookup);
    expect(r.used).toEqual(["warn.xlsx"]);
    expect(r.excluded).toEqual(["bad.xlsx", "c.csv"]);
    expect(r.problems.map((p) => [p.file, p.issue.code, p.excluded])).toEqual([
      ["bad.xlsx", "checklist-out-of-range", true],
      ["c.csv", "file-text", true],
      ["warn.xlsx", "windows-not-scored", false],
    ]);
  });

  it("a file handed over without settings or checklist and without issues is still reported", () => {
    const r = consolidate([{ file: "empty.xlsx", issues: [] }, township("a.xlsx")], lookup);
    expect(r.problems.map((p) => [p.file, p.issue.code, p.excluded])).toEqual([
      ["empty.xlsx", "township-unreadable", true],
    ]);
  });

  it("no usable file: an empty ranking, every problem kept", () => {
    const r = consolidate([{ file: "a.xls", issues: [{ severity: "error", code: "file-xls" }] }], lookup);
    expect(r.townships).toEqual([]);
    expect(r.problems).toHaveLength(1);
    expect(renderCounty(r).map((s) => [s.name, s.rows.length])).toEqual([
      ["县汇总_镇街排名", 0],
      ["县汇总_问题", 1],
      ["县汇总_窗口", 0],
    ]);
  });

  it("file order never matters; adding a file changes only its row and the ranks below it", () => {
    const files = [10, 20, 30, 40].map((k) =>
      township(`t${k}.xlsx`, { name: `镇${k}`, self: scoresFor(60 + k / 2) }),
    );
    const a = renderCounty(consolidate(files, lookup));
    const b = renderCounty(consolidate([...files].reverse(), lookup));
    expect(b).toEqual(a);
    const more = renderCounty(
      consolidate([...files, township("new.xlsx", { name: "新镇", self: scoresFor(70) })], lookup),
    );
    const before = a[0]!.rows;
    const after = more[0]!.rows;
    expect(after).toHaveLength(before.length + 1);
    const newRow = after.findIndex((r) => r[0] === "新镇");
    expect(newRow).toBe(2); // 80, 75, then the 70 tie: 新镇 before 镇20 by code point
    const unchanged = after.filter((r) => r[0] !== "新镇");
    // Every other row is identical except ranks of rows at or below the new total.
    unchanged.forEach((row, i) => {
      const old = before[i]!;
      const rankCol = 12;
      expect([...row.slice(0, rankCol), ...row.slice(rankCol + 1)]).toEqual([
        ...old.slice(0, rankCol),
        ...old.slice(rankCol + 1),
      ]);
      expect(row[rankCol]).toBe((old[rankCol] as number) + ((old[11] as number) < 70 ? 1 : 0));
    });
  });
});
