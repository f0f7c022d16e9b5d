import { readFileSync } from "fs";
import * as path from "path";
import { getProfile, listProfiles, normalizeCode, validateProfile, type Profile } from "../../src/rules";

const tianyang = getProfile("tianyang-2008") as Profile;
const tongshan = getProfile("tongshan") as Profile;

/** A deep copy to break on purpose. */
const copy = (): Profile => structuredClone(tianyang);

describe("profiles", () => {
  it("lists both built-in profiles, each valid", () => {
    expect(listProfiles().map((p) => p.id)).toEqual(["tianyang-2008", "tongshan"]);
    for (const p of listProfiles()) expect(validateProfile(p)).toEqual([]);
    expect(getProfile(" tongshan ")?.id).toBe("tongshan");
    expect(getProfile("nowhere")).toBeUndefined();
  });

  it("holds the §5 grades and quotas in tenths", () => {
    expect(tianyang.base).toBe(1000);
    expect(tianyang.windowGrades).toMatchObject({ excellentFloor: 950, passFloor: 750 });
    expect(tianyang.staffGrades).toMatchObject({ excellentFloor: 950, competentFloor: 750, basicFloor: 700 });
    expect(tianyang.quotas).toEqual({
      windowQuarter: 3,
      windowYearMinQuarters: 3,
      staffShare: { numerator: 1, denominator: 5 },
      advancedYearMinQuarters: 3,
    });
    expect(tianyang.headRoles).toEqual(["首席代表", "负责人"]);
    expect(tianyang.monthly).toBeUndefined();
  });

  it("holds the §6 derived bonuses", () => {
    expect(tianyang.bonuses.map((b) => [b.code, b.target, b.basis, b.points])).toEqual([
      ["19.9", "window", "own-quarter", 20],
      ["25.6a", "staff", "window-quarter", 20],
      ["25.6b", "staff", "own-quarter", 20],
    ]);
  });

  it("declares every §3 veto and §4 condition", () => {
    expect(tianyang.conditions.map((c) => c.code)).toEqual([
      "20A.1",
      "20A.2",
      "20A.3",
      "20B.1",
      "20B.2",
      "20B.3",
      "20B.4",
      "20B.5",
      "20B.6",
      "20B.7",
      "26.1",
      "26.2",
      "26.3",
      "26.4",
      "26.5",
      "26.6",
      "27.1",
      "27.2",
      "27.3",
      "N-23.1",
      "N-notify",
      "23.9",
    ]);
    const c = (code: string) => tianyang.conditions.find((x) => x.code === code);
    expect(c("20A.2")?.anyOf[0].match.codes).toEqual(["20A.2", "13.1"]);
    expect(c("20B.1")?.anyOf[0].test).toEqual({ kind: "within", count: 2, workdays: 20 });
    expect(c("20B.5")?.anyOf[1].test).toEqual({
      kind: "row",
      field: "days",
      threshold: { op: "gte", value: 3 },
    });
    expect(c("26.4")?.anyOf[1].test).toEqual({
      kind: "row",
      field: "days",
      threshold: { op: "gt", value: 3 },
    });
    expect(c("N-23.1")?.anyOf[0].test).toEqual({
      kind: "yearOnlyPoints",
      threshold: { op: "gte", value: 50 },
    });
    expect(c("20B.4")?.groupBy).toBe("window-staff");
  });

  it("holds the ten township indicators, the case-log code and evidence", () => {
    expect(tianyang.indicators.map((d) => [d.id, d.max])).toEqual([
      ["T1", 50],
      ["T2", 100],
      ["T3", 100],
      ["T4", 100],
      ["T5", 100],
      ["T6", 150],
      ["T7", 100],
      ["T8", 50],
      ["T9", 100],
      ["T10", 150],
    ]);
    expect(tianyang.indicators.reduce((s, d) => s + d.max, 0)).toBe(1000);
    expect(tianyang.caseLog).toEqual({ overdueCode: "15.7" });
    expect(tianyang.township.evidence.map((e) => [e.indicator, e.tag])).toEqual([
      ["T9", "complaint"],
      ["T10", "inspection"],
    ]);
  });

  it("tongshan keeps the catalogue and adds monthly ranking parameters (§8)", () => {
    expect(tongshan.rules).toStrictEqual(tianyang.rules);
    expect(tongshan.monthly).toMatchObject({
      bottom: 2,
      consecutiveMonths: 3,
      honourWindows: 8,
      honourStaff: 20,
    });
  });
});

describe("normalizeCode", () => {
  it.each([
    ["14.4A", "14.4a"],
    [" 14.4a ", "14.4a"],
    ["１４．４ａ", "14.4a"],
    ["20a.1", "20A.1"],
    ["15.7", "15.7"],
  ])("%s → %s", (text, code) => expect(normalizeCode(tianyang, text)).toBe(code));

  it.each(["14.99", "", "N-23.1", "14.4"])("%s is unknown", (text) =>
    expect(normalizeCode(tianyang, text)).toBeUndefined(),
  );
});

describe("validateProfile", () => {
  const broken: [string, (p: Profile) => void, RegExp][] = [
    ["not an object", () => undefined, /.*/],
    ["duplicate code", (p) => p.rules.push({ ...p.rules[0], code: "12.1" }), /rule 12\.1: duplicate code/],
    ["duplicate code by case", (p) => p.rules.push({ ...p.rules[0], code: "14.4A" }), /duplicate code/],
    [
      "non-tenth points",
      (p) => (p.rules[0].window = -0.5),
      /12\.1: window points -0\.5 are not integer tenths/,
    ],
    [
      "non-tenth staff points",
      (p) => ((p.rules[11].staff as { points: number }).points = 0.25),
      /staff points 0\.25/,
    ],
    ["unknown tag", (p) => (p.rules[0].tags = ["gossip" as never]), /unknown tag "gossip"/],
    [
      "bad range",
      (p) => (p.rules.find((r) => r.range)!.range = { min: 50, max: 20, appliesTo: "staff" }),
      /range min 50 exceeds max 20/,
    ],
    [
      "range on a missing effect",
      (p) => (p.rules.find((r) => r.code === "25.1")!.range = { min: 20, max: 50, appliesTo: "window" }),
      /lacks/,
    ],
    [
      "unknown category",
      (p) => ((p.rules[11].staff as { category: string }).category = "fun"),
      /unknown staff category "fun"/,
    ],
    [
      "condition to an unknown code",
      (p) => p.conditions[0].anyOf[0].match.codes!.push("99.9"),
      /condition 20A\.1 clause 1: refers to unknown code "99\.9"/,
    ],
    [
      "condition to an unknown tag",
      (p) => (p.conditions[3].anyOf[0].match.tags = ["rumour" as never]),
      /condition 20B\.1 clause 1: unknown tag "rumour"/,
    ],
    [
      "condition with a bad effect",
      (p) => (p.conditions[0].effect = "explode" as never),
      /unknown effect "explode"/,
    ],
    ["condition without clauses", (p) => (p.conditions[0].anyOf = []), /anyOf must list clauses/],
    [
      "threshold missing",
      (p) => delete (p.conditions[6].anyOf[0].test as { threshold?: unknown }).threshold,
      /threshold missing/,
    ],
    ["duplicate condition", (p) => p.conditions.push(p.conditions[0]), /condition 20A\.1: duplicate code/],
    ["bad quota", (p) => (p.quotas.windowQuarter = -1), /quotas\.windowQuarter/],
    ["bad share", (p) => (p.quotas.staffShare.denominator = 0), /staffShare/],
    ["bad indicator", (p) => (p.indicators[0].max = 0), /indicator T1: max/],
    [
      "unknown overdue code",
      (p) => (p.caseLog.overdueCode = "99.1"),
      /caseLog\.overdueCode refers to unknown code "99\.1"/,
    ],
    [
      "unknown evidence indicator",
      (p) => (p.township.evidence[0].indicator = "T11"),
      /unknown indicator "T11"/,
    ],
    ["bad floor", (p) => (p.windowGrades.excellentFloor = 95.5), /windowGrades/],
  ];

  it.each(broken)("rejects %s", (name, breakIt, message) => {
    const p = copy();
    breakIt(p);
    const problems = validateProfile(name === "not an object" ? "tianyang" : p);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toMatch(message);
  });

  it("rejects a profile without rules", () => {
    expect(validateProfile({ id: "x" })).toContain("rules must be an array");
  });
});

describe("interpretations: the docs' list of readings and the profile's list agree", () => {
  const doc = readFileSync(path.join(__dirname, "../../docs/rules-and-engine.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Every reading the product makes"));
  const items = section.split("\n").filter((l) => /^\d+\. \*Ours\*/.test(l));
  const tongshanOnly = items.filter((l) => l.includes("*Ours* (tongshan)"));

  it("every reading in the docs is labelled ours, and each profile shows one entry per reading", () => {
    expect(items.length).toBeGreaterThanOrEqual(24);
    expect(getProfile("tongshan")!.interpretations).toHaveLength(items.length);
    expect(getProfile("tianyang-2008")!.interpretations).toHaveLength(items.length - tongshanOnly.length);
  });

  it("names the rest-day reading, the bottom two and the people who move", () => {
    const zh = getProfile("tongshan")!.interpretations.join("\n");
    for (const word of ["休息日", "下一个工作日", "末两位", "并列待裁定", "末位淘汰", "调动", "相近姓名"])
      expect(zh).toContain(word);
  });
});

describe("validateProfile: the fields of ties, aliases and the monthly ranking", () => {
  it.each<[string, (p: Profile) => void, string]>([
    [
      "no settled-tie code",
      (p) => ((p as { tieSettledCode?: string }).tieSettledCode = ""),
      "tieSettledCode must be a non-empty string",
    ],
    [
      "the same code for pending and settled",
      (p) => (p.tieSettledCode = p.tieCode),
      "tieSettledCode must differ from tieCode",
    ],
    [
      "a blank alias",
      (p) => (p.indicators[6]!.aliases = [" "]),
      "indicator T7: aliases must be non-empty names",
    ],
  ])("%s", (_, breakIt, message) => {
    const p = copy();
    breakIt(p);
    expect(validateProfile(p)).toContain(message);
  });

  it("T7 is the seed's name with the rulebook's short form as an alias", () => {
    expect(tianyang.indicators[6]).toMatchObject({
      id: "T7",
      name: "为民办事全程代办工作情况",
      aliases: ["为民办事全程代办"],
    });
    expect(validateProfile(tongshan)).toEqual([]);
  });
});
