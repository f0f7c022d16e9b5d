import fc from "fast-check";
import { consolidate } from "../../src/consolidate/consolidate";
import { renderCounty } from "../../src/consolidate/render";
import { readTownship } from "../../src/consolidate/township";
import type { TownshipFile } from "../../src/consolidate/types";
import type { CellValue, RawSheet } from "../../src/core";
import { lookup, township } from "./support/factory";
import { INDICATORS } from "./support/townships";

const tenths = (max: number) => fc.integer({ min: 0, max: max * 10 }).map((t) => t / 10);

const townshipArb = fc.record({
  name: fc.constantFrom("甲镇", "乙镇", "丙镇", "丁街道", "戊镇", "己镇", "庚镇"),
  year: fc.constantFrom(2024, 2025, 2025),
  profile: fc.constantFrom("tianyang-2008", "tianyang-2008", "tongshan"),
  self: fc.tuple(...INDICATORS.map(([, , m]) => tenths(m))),
  reviewed: fc.tuple(...INDICATORS.map(([, , m]) => fc.option(tenths(m), { nil: null }))),
});

const filesArb = fc
  .array(townshipArb, { maxLength: 12 })
  .map((specs) => specs.map((s, i): TownshipFile => township(`f${String(i).padStart(2, "0")}.xlsx`, s)));

describe("consolidation properties", () => {
  it("file order never changes the tabs; totals, ranks and grades agree; every file is used or reported", () => {
    fc.assert(
      fc.property(filesArb, fc.nat(), (files, seed) => {
        const key = (i: number) => (i * 7919 + (seed >>> 0)) % 1009;
        const shuffled = files
          .map((f, i) => [key(i), f] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, f]) => f);
        const r = consolidate(files, lookup);
        expect(renderCounty(consolidate(shuffled, lookup))).toEqual(renderCounty(r));
        for (const t of r.townships) {
          expect(t.total).toBe(Object.values(t.counted).reduce((a, b) => a + b, 0));
          expect(t.grade).toBe(t.total >= 950 ? "优秀" : t.total >= 750 ? "合格" : "不合格");
          expect(t.rank).toBe(1 + r.townships.filter((o) => o.total > t.total).length);
        }
        expect(new Set(r.townships.map((t) => t.township)).size).toBe(r.townships.length);
        expect([...r.used, ...r.excluded].sort()).toEqual(files.map((f) => f.file).sort());
        for (const f of r.excluded) expect(r.problems.some((p) => p.file === f && p.excluded)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("random sheets never make the township reader throw", () => {
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.constant(null),
      fc.constantFrom(
        "项目",
        "值",
        "单位名称",
        "考核年度",
        "规则版本",
        "单位类型",
        "镇街",
        "序号",
        "自评分",
        "复核分",
        "T1",
        "T6",
        "分值",
      ),
      fc.string({ maxLength: 6 }),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.date({ noInvalidDate: true }),
    );
    const sheet: fc.Arbitrary<RawSheet> = fc.record({
      name: fc.constantFrom("考核设置", "镇街指标", "鎮街指標", "settings", "Sheet1"),
      rows: fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 14 }),
    });
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 4 }), (sheets) => {
        const f = readTownship("x.xlsx", sheets, lookup);
        expect(Boolean(f.indicators) && f.issues.some((i) => i.severity === "error")).toBe(false);
        consolidate([f], lookup);
      }),
      { numRuns: 300 },
    );
  });
});
