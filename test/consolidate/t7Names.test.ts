/**
 * T7's name: the seed's 为民办事全程代办工作情况 and the rulebook's short 为民办事全程代办 are both the profile's;
 * another name with the right id and maximum is a notice and the township counts; a changed maximum
 * leaves the file out. Real .xlsx files through `kaohe consolidate`, and the same files through `kaohe score`.
 */
import { promises as fs, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { writeTownship } from "./support/townships";

let root: string;

function io(cwd: string) {
  const text = { stdout: "", stderr: "" };
  const cli: CliIo = { cwd, stdout: (t) => void (text.stdout += t), stderr: (t) => void (text.stderr += t) };
  return { cli, text };
}

// file | township | T7 as written | T7 maximum as written
const FILES: [string, string, string, number][] = [
  ["a.xlsx", "甲镇", "为民办事全程代办工作情况", 10],
  ["b.xlsx", "乙镇", "为民办事全程代办", 10],
  ["c.xlsx", "丙镇", "為民辦事全程代辦工作情況", 10],
  ["d.xlsx", "丁镇", "全程代办点建设", 10],
  ["e.xlsx", "戊镇", "为民办事全程代办工作情况", 12],
];

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "kaohe-t7-"));
  await fs.mkdir(path.join(root, "in"));
  for (const [file, name, t7, max] of FILES)
    await writeTownship(path.join(root, "in"), file, { name, names: { T7: t7 }, maxima: { T7: max } });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

interface Json {
  used: string[];
  excluded: string[];
  problems: { file: string; cell: string | null; severity: string; code: string; excluded: boolean }[];
}

describe("consolidating townships whose T7 uses each form of the name", () => {
  it("counts the seed's name, the short form, the Traditional spelling and a reworded name; refuses a changed maximum", async () => {
    const { cli, text } = io(root);
    const code = await main(["consolidate", "in", "--json", "--out", "county.xlsx"], cli);
    expect(code).toBe(0);
    const doc = JSON.parse(text.stdout) as Json;
    expect(doc.used.map((f) => path.basename(f))).toEqual(["a.xlsx", "b.xlsx", "c.xlsx", "d.xlsx"]);
    expect(doc.excluded.map((f) => path.basename(f))).toEqual(["e.xlsx"]);
    expect(doc.problems.map((p) => [path.basename(p.file), p.cell, p.severity, p.code, p.excluded])).toEqual([
      ["d.xlsx", "B8", "warning", "checklist-name-changed", false],
      ["e.xlsx", "C8", "error", "checklist-max-changed", true],
    ]);
  });

  it("kaohe score treats each file the same way", async () => {
    const outcome: [string, number, string][] = [];
    for (const [file] of FILES) {
      const { cli, text } = io(root);
      const code = await main(["score", path.join("in", file), "--json"], cli);
      const doc = JSON.parse(text.stdout) as { issues?: { code: string; cell?: string; severity: string }[] };
      const codes = (doc.issues ?? [])
        .filter((i) => i.code.startsWith("indicator"))
        .map((i) => `${i.severity} ${i.code}`)
        .join();
      outcome.push([file, code, codes]);
    }
    expect(outcome).toEqual([
      ["a.xlsx", 0, ""],
      ["b.xlsx", 0, ""],
      ["c.xlsx", 0, ""],
      ["d.xlsx", 0, "warning indicator-name-differs"],
      ["e.xlsx", 1, "error indicator-max-changed"],
    ]);
  });
});
