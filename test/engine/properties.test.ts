import fc from "fast-check";
import { assess } from "../../src/engine";
import type { AssessmentInput, IncidentRow, OverrideRow, StaffRow, WindowRow } from "../../src/engine/types";
import { calendar, input, profile } from "./factory";

const CODES = profile().rules.map((r) => r.code);
const ROLES = ["首席代表", "负责人", "工作人员"];

const dateArb = fc.oneof(
  fc
    .record({ m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
    .map(({ m, d }) => `2025-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`),
  fc.constantFrom("2024-12-31", "2026-01-01", "2025-02-30", "not a date"),
);

function inputArb(withOverrides: boolean): fc.Arbitrary<AssessmentInput> {
  return fc
    .record({
      nWindows: fc.integer({ min: 1, max: 6 }),
      staff: fc.array(fc.record({ w: fc.nat(5), role: fc.constantFrom(...ROLES) }), { maxLength: 12 }),
      incidents: fc.array(
        fc.record({
          date: dateArb,
          w: fc.nat(6),
          s: fc.option(fc.nat(12), { nil: undefined }),
          code: fc.oneof(
            { weight: 20, arbitrary: fc.constantFrom(...CODES) },
            { weight: 1, arbitrary: fc.constant("99.9") },
          ),
          quantity: fc.integer({ min: 0, max: 5 }),
          days: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
          points: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
          caseId: fc.option(fc.constantFrom("A", "B", "C"), { nil: undefined }),
          verified: fc.boolean(),
          derived: fc.boolean(),
        }),
        { maxLength: 60 },
      ),
      overrides: fc.array(
        fc.record({
          e: fc.nat(8),
          period: fc.constantFrom("2025-Q1", "2025-Q3", "2025", "2025-05", "2026-Q1"),
          field: fc.constantFrom("得分", "等次", "评优资格", "先进个人", "颜色"),
          value: fc.constantFrom("优秀", "合格", "称职", "是", "否", "96.5", "x"),
        }),
        { maxLength: withOverrides ? 6 : 0 },
      ),
    })
    .map(({ nWindows, staff, incidents, overrides }) => {
      const windows: WindowRow[] = Array.from({ length: nWindows }, (_, i) => ({
        name: `W${i}`,
        department: `D${i}`,
        source: { sheet: "窗口名册", row: i + 2 },
      }));
      const people: StaffRow[] = staff.map((s, i) => ({
        name: `S${i}`,
        window: `W${s.w % nWindows}`,
        role: s.role,
        source: { sheet: "人员名册", row: i + 2 },
      }));
      const rows: IncidentRow[] = incidents.map((x, i) => {
        const row: IncidentRow = {
          date: x.date,
          window: `W${x.w}`,
          code: x.code,
          quantity: x.quantity,
          verified: x.verified,
          source: { sheet: x.derived ? "办件台账" : "事项记录", row: i + 2 },
        };
        if (x.s !== undefined) row.staff = `S${x.s}`;
        if (x.days !== undefined) row.days = x.days;
        if (x.points !== undefined) row.points = x.points;
        if (x.caseId !== undefined) row.caseId = x.caseId;
        if (x.derived) row.derived = true;
        return row;
      });
      const decisions: OverrideRow[] = overrides.map((o, i) => ({
        entity: o.e < 4 ? `W${o.e}` : `S${o.e - 4}`,
        period: o.period,
        field: o.field,
        value: o.value,
        reason: "复核",
        by: "主任",
        source: { sheet: "人工裁定", row: i + 2 },
      }));
      return input({ windows, staff: people, incidents: rows, overrides: decisions });
    });
}

const PROFILES = ["tianyang-2008", "tongshan"];

describe("engine properties", () => {
  it("random inputs never throw and give results for every entity and period", () => {
    fc.assert(
      fc.property(inputArb(true), fc.constantFrom(...PROFILES), (inp, id) => {
        const r = assess(inp, profile(id), calendar);
        expect(r.windows).toHaveLength(inp.windows.length * 17);
        expect(r.staff).toHaveLength(inp.staff.length * 17);
      }),
      { numRuns: 150 },
    );
  });

  it("score = 100 + Σ the entity's audit lines, for every entity and period", () => {
    fc.assert(
      fc.property(inputArb(true), fc.constantFrom(...PROFILES), (inp, id) => {
        const r = assess(inp, profile(id), calendar);
        const sums = new Map<string, number>();
        for (const a of r.audit) {
          for (const p of a.periods) {
            const k = `${a.entityType}|${a.entity}|${p}`;
            sums.set(k, (sums.get(k) ?? 0) + a.points);
          }
        }
        for (const w of r.windows) {
          expect(w.score).toBe(1000 + (sums.get(`window|${w.window}|${w.period}`) ?? 0));
          expect(w.deductions + w.bonuses).toBe(w.score - 1000);
          expect(w.deductions).toBeLessThanOrEqual(0);
          expect(w.bonuses).toBeGreaterThanOrEqual(0);
        }
        for (const s of r.staff) expect(s.score).toBe(1000 + (sums.get(`staff|${s.name}|${s.period}`) ?? 0));
        for (const a of r.audit) expect(Number.isInteger(a.points)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("ranks agree with scores (competition ranking per type and period)", () => {
    fc.assert(
      fc.property(inputArb(true), (inp) => {
        const r = assess(inp, profile(), calendar);
        for (const list of [r.windows, r.staff] as { period: string; score: number; rank: number }[][]) {
          for (const x of list) {
            const same = list.filter((y) => y.period === x.period);
            expect(x.rank).toBe(1 + same.filter((y) => y.score > x.score).length);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("never more 优秀 than the quota; pending ties are never 优秀", () => {
    fc.assert(
      fc.property(inputArb(false), (inp) => {
        const r = assess(inp, profile(), calendar);
        const quota = Math.floor(inp.staff.length / 5);
        for (const p of r.periods) {
          const ws = r.windows.filter((w) => w.period === p && w.grade === "优秀");
          const ss = r.staff.filter((s) => s.period === p && s.grade === "优秀");
          if (p.includes("Q")) expect(ws.length).toBeLessThanOrEqual(3);
          expect(ss.length).toBeLessThanOrEqual(/^\d{4}-\d{2}$/.test(p) ? 0 : quota);
          for (const x of [...ws, ...ss]) expect(x.eligible).toBe(true);
        }
        for (const x of [...r.windows, ...r.staff])
          if (x.grade === "并列待裁定") expect(x.tiePending).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("the order of the rows does not matter (without case ids, which make the first row count)", () => {
    const summary = (r: ReturnType<typeof assess>) => ({
      slots: [...r.windows, ...r.staff].map((x) => {
        const reasons = "reasons" in x ? x.reasons : x.flags;
        return [x.period, x.score, x.rank, x.grade, x.eligible, x.tiePending, reasonKeys(reasons)];
      }),
      flags: r.flags.map((f) => [f.sheet, f.row, [...f.codes].sort(), [...f.periods].sort()]),
    });
    const reasonKeys = (
      reasons: { code: string; text: string; words?: object; sources: { row: number }[] }[],
    ) =>
      reasons
        .map(
          (x) =>
            `${x.code} ${x.text} ${JSON.stringify(x.words)} ${x.sources.map((s) => s.row).sort((a, b) => a - b)}`,
        )
        .sort();
    fc.assert(
      fc.property(inputArb(false), fc.constantFrom(...PROFILES), fc.nat(), (inp, id, seed) => {
        const rows = inp.incidents.map((r) => ({ ...r, caseId: undefined }));
        // A deterministic shuffle of the rows; each keeps its own source row.
        const shuffled = rows
          .map((r, i) => ({ r, k: (i * 7919 + seed) % 104729 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.r);
        const a = assess({ ...inp, incidents: rows }, profile(id), calendar);
        const b = assess({ ...inp, incidents: shuffled }, profile(id), calendar);
        expect(summary(b)).toEqual(summary(a));
      }),
      { numRuns: 200 },
    );
  });

  it("is deterministic and does not modify its input", () => {
    fc.assert(
      fc.property(inputArb(true), (inp) => {
        const before = structuredClone(inp);
        const a = assess(inp, profile("tongshan"), calendar);
        expect(inp).toEqual(before);
        expect(assess(inp, profile("tongshan"), calendar)).toEqual(a);
      }),
      { numRuns: 50 },
    );
  });
});
