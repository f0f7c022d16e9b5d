/**
 * Pins every code of rulebook §3 to its points, category, year-only flag, head effect and tags.
 * The table below is typed by hand from the rulebook, not generated from the data.
 * Columns: code | W | S | category | year-only | H | tags (comma separated)
 */
import { getProfile, type Profile } from "../../src/rules";

const TABLE = `
12.1  | -0.5 |      |      |   |     |
12.2  | -0.2 |      |      |   |     |
12.3  | -0.5 |      |      |   |     |
12.4  | -0.5 |      |      |   |     |
12.5  | -1   |      |      |   |     |
13.1  | -0.5 |      |      |   |     |
13.2  | -0.5 |      |      |   |     |
13.3  | -1   |      |      |   |     |
13.4  | -2   |      |      |   |     |
14.1a | -2   |      |      |   |     |
14.1b | -1   |      |      |   |     |
14.2  | -0.5 | -0.5 | neng |   |     |
14.3  | -2   | -2   | de   |   |     |
14.4a | -0.5 | -0.2 | qin  | Y |     | discipline,attendance
14.4b | -0.5 | -0.2 | qin  | Y |     | discipline,attendance
14.4c | -0.5 | -0.5 | qin  | Y |     | discipline,attendance
14.4d | -1   |      |      |   |     | absence
14.5a | -0.5 | -0.5 | de   |   |     |
14.5b | -2   | -2   | de   |   |     | discipline
14.6  | -1   | -1   | qin  |   |     | discipline
14.7  | -0.2 | -0.2 | de   |   |     | discipline
14.8  | -1   | -1   | qin  |   |     |
14.9  | -1   | -1   | qin  |   |     | discipline
23.5b | -1   |      |      |   |     |
15.1  | -0.5 |      |      |   |     |
15.2  | -1   |      |      |   |     |
15.3  | -1   |      |      |   |     |
15.4  | -2   |      |      |   |     |
15.5  | -2   |      |      |   |     |
15.6  | -2   |      |      |   |     |
15.7  | -10  |      |      |   |     | overdue,notify
15.8  | -1   | -1   | neng |   |     | data-entry
15.9  | -1   |      |      |   |     |
16.1a | -2   |      |      |   |     |
16.1b | -1   |      |      |   |     |
16.2  | -2   |      |      |   |     |
17.1  | -2   |      |      |   |     |
17.2a | -1   | -1   | qin  |   |     | discipline,inspection,notify
17.2b | -5   | -5   | qin  |   |     | discipline,inspection,notify
17.2c | -8   | -8   | qin  |   |     | discipline,inspection,notify
17.2d | -10  | -10  | qin  |   |     | discipline,inspection,notify
17.2e | -15  | -15  | qin  |   |     | discipline,inspection,notify
17.3  | -0.5 |      |      |   |     |
17.4  | -1   |      |      |   |     |
18.1  | -2   |      |      |   |     |
18.2  | -2   |      |      |   |     |
18.3  | -2   |      |      |   |     |
18.4a | -1   |      |      |   |     |
18.4b | -1   |      |      |   |     |
18.4c | -1   | -2   | qin  |   |     |
18.5a | -2   |      |      |   |     | complaint
18.5b | -2   |      |      |   |     | inspection
18.6  | -1   |      |      |   |     |
18.7  | -5   |      |      |   |     |
18.8a | -2   | -2   | de   |   |     | complaint
18.8b | -2   |      |      |   |     | complaint
18.8c | -2   |      |      |   |     | inspection
21.2a |      | -0.5 | de   |   |     |
21.3  |      | -2   | de   |   |     |
21.4  |      | -2   | de   |   |     |
21.5  |      | -2   | de   |   |     | corruption
22.1  |      | -2   | neng |   |     |
22.2  |      | -0.5 | neng |   |     |
22.3a |      | -1   | neng |   | -1  |
22.3b |      | -1   | neng |   |     |
22.4  |      | -2   | neng |   |     |
22.5  |      | -1   | neng |   |     |
22.6b |      |      |      |   |     | data-entry
22.7  |      | -1   | neng |   |     |
23.2  |      | -1   | qin  |   |     | discipline
23.7  |      | -10  | qin  |   |     | notify
23.8  |      | -10  | qin  |   |     |
23.9  |      | -5   | qin  |   |     | no-awards,notify
24.1  |      | -10  | ji   |   | -10 | overdue,notify
24.2  |      | -2   | ji   |   |     |
24.3  |      | -2   | ji   |   |     |
24.4  |      | -2   | ji   |   |     |
24.5  |      | -5   | ji   |   |     |
19.1  | 2    | 2    |      |   |     |
19.2  | 2    | 2    |      |   |     |
19.3  | 1    |      |      |   |     |
19.4  | 2    | 2    |      |   |     |
19.5  | 1    |      |      |   |     |
19.6  | 2    |      |      |   |     |
19.7a | 2    | 2    |      |   |     |
19.7b | 5    | 5    |      |   |     |
19.7c | 8    | 8    |      |   |     |
19.7d | 10   | 10   |      |   |     |
19.8  | 5    | 5    |      |   |     |
25.1  |      | 2    |      |   |     |
25.4  |      | 2    |      |   |     |
20A.1 |      |      |      |   |     |
20A.2 |      |      |      |   |     |
20A.3 |      |      |      |   |     |
20B.2 |      |      |      |   |     |
20B.6 |      |      |      |   |     |
20B.7 |      |      |      |   |     |
26.6  |      |      |      |   |     |
27.3a |      |      |      |   |     |
`;

interface Expected {
  code: string;
  w?: number;
  s?: number;
  cat?: string;
  yearOnly: boolean;
  h?: number;
  tags: string[];
}

const num = (x: string): number | undefined => (x === "" ? undefined : Math.round(Number(x) * 10));

const EXPECTED: Expected[] = TABLE.trim()
  .split("\n")
  .map((line) => {
    const [code, w, s, cat, y, h, tags] = line.split("|").map((c) => c.trim());
    return {
      code,
      w: num(w),
      s: num(s),
      cat: cat || undefined,
      yearOnly: y === "Y",
      h: num(h),
      tags: tags ? tags.split(",") : [],
    };
  });

describe.each(["tianyang-2008", "tongshan"])("catalogue of %s", (id) => {
  const profile = getProfile(id) as Profile;

  it("has exactly the rulebook's codes", () => {
    expect(profile.rules.map((r) => r.code).sort()).toEqual(EXPECTED.map((e) => e.code).sort());
    expect(EXPECTED).toHaveLength(99);
  });

  it.each(EXPECTED.map((e) => [e.code, e] as const))("%s matches the rulebook", (code, e) => {
    const rule = profile.rules.find((r) => r.code === code);
    expect(rule).toBeDefined();
    expect(rule?.window).toBe(e.w);
    expect(rule?.staff?.points).toBe(e.s);
    expect(rule?.staff?.category).toBe(e.cat);
    expect(!!rule?.staff?.yearOnly).toBe(e.yearOnly);
    expect(rule?.head).toBe(e.h);
    expect([...(rule?.tags ?? [])].sort()).toEqual([...e.tags].sort());
    expect(rule?.text.length).toBeGreaterThan(2);
    expect(rule?.unit.length).toBeGreaterThan(0);
  });
});

describe("ranges, event groups and kinds", () => {
  const profile = getProfile("tianyang-2008") as Profile;
  const rule = (code: string) => profile.rules.find((r) => r.code === code);

  it("allows 分值 2–5 on the staff effect of 19.4 and 25.1 only", () => {
    expect(rule("19.4")?.range).toEqual({ min: 20, max: 50, appliesTo: "staff" });
    expect(rule("25.1")?.range).toEqual({ min: 20, max: 50, appliesTo: "staff" });
    expect(profile.rules.filter((r) => r.range).map((r) => r.code)).toEqual(["19.4", "25.1"]);
  });

  it("groups 19.7a–d as one event for staff", () => {
    expect(profile.rules.filter((r) => r.eventGroup === "19.7").map((r) => r.code)).toEqual([
      "19.7a",
      "19.7b",
      "19.7c",
      "19.7d",
    ]);
  });

  it("marks veto incidents and 22.6b as carrying no points", () => {
    const vetoes = profile.rules.filter((r) => r.kind === "veto").map((r) => r.code);
    expect(vetoes).toEqual(["20A.1", "20A.2", "20A.3", "20B.2", "20B.6", "20B.7", "26.6", "27.3a"]);
    expect(rule("22.6b")?.kind).toBe("record");
    expect(rule("19.1")?.kind).toBe("bonus");
    expect(rule("12.1")?.kind).toBe("deduction");
  });

  it("names the staff article of linked effects", () => {
    expect(rule("14.4a")?.staff?.article).toBe("23.1");
    expect(rule("18.8a")?.staff?.article).toBe("21.3");
    expect(rule("19.7c")?.staff?.article).toBe("25.5");
  });
});
