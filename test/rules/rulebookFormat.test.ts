/** The rulebook file format: exact round trip of both built-in profiles, and the shipped files in step. */
import { readFileSync } from "fs";
import * as path from "path";
import { getProfile } from "../../src/rules";
import { exportRulebook, loadRulebook, loadRulebookText, rulebookText } from "../../src/rules/format";
import { TIANYANG_2008 } from "../../src/rules/tianyang/profile";
import { TONGSHAN } from "../../src/rules/tongshan";

const SOURCES = [TIANYANG_2008, TONGSHAN];
const FILES = path.join(__dirname, "../../src/rules/profiles");

describe.each(SOURCES.map((p) => [p.id, p] as const))("rulebook %s", (id, source) => {
  test("load(export(profile)) equals the profile, field for field", () => {
    const text = JSON.stringify(exportRulebook(source));
    const loaded = loadRulebookText(text);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.profile).toStrictEqual(JSON.parse(JSON.stringify(source)));
  });

  test("the shipped file is the export of its TypeScript source (regenerate with scripts/generateProfiles.ts)", () => {
    const shipped: unknown = JSON.parse(readFileSync(path.join(FILES, `${id}.json`), "utf8"));
    expect(shipped).toStrictEqual(JSON.parse(rulebookText(source, "../rules.schema.json")));
  });

  test("the runtime profile is the one loaded from the file", () => {
    expect(getProfile(id)).toStrictEqual(JSON.parse(JSON.stringify(source)));
  });

  test("points are decimals in the file: 14.4a deducts 0.5 from the window, 0.2 from staff (勤, year only)", () => {
    const file = exportRulebook(source);
    const item = file.items.find((r) => r.code === "14.4a");
    expect(item).toMatchObject({ window: -0.5, staff: { points: -0.2, category: "勤", yearOnly: true } });
    expect(file.base).toBe(100);
    expect(file.staffGrades.excellentFloor).toBe(95);
    const n231 = file.conditions.find((c) => c.code === "N-23.1");
    expect(n231?.anyOf[0]?.test).toEqual({ kind: "yearOnlyPoints", threshold: { op: "gte", value: 5 } });
  });

  test("the engine profile keeps integer tenths", () => {
    const loaded = loadRulebook(exportRulebook(source));
    expect(loaded.ok && loaded.profile.rules.find((r) => r.code === "14.4a")?.window).toBe(-5);
  });
});
