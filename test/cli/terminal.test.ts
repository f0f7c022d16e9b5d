/**
 * Terminal escape injection: names in a workbook or a file name with ESC, C1 or bidi controls are shown
 * as visible `\uXXXX` escapes in everything the CLI prints, while `--json` values stay exactly the text.
 */
import { mkdirSync, writeFileSync } from "fs";
import * as path from "path";
import { terminalSafe } from "../../src/cli/terminal";
import { countySheets } from "../fixtures/county";
import { tempDir, xlsxBytes } from "../fixtures/workbook";
import { townshipBytes } from "../consolidate/support/townships";
import { runCli } from "./run";

const RED = "\u001b[31m";
// Looking for control characters is the point.
/* eslint-disable no-control-regex */
const UNSAFE_IN_OUTPUT =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
/* eslint-enable no-control-regex */

describe("terminalSafe", () => {
  it("escapes C0 (but tab and newline), DEL, C1, line separators and bidi controls; leaves the rest", () => {
    expect(terminalSafe(`${RED}公安\u001b[0m`)).toBe("\\u001b[31m公安\\u001b[0m");
    expect(terminalSafe("a\rb\u0007c\u007fd\u009be\u0085f")).toBe(
      "a\\u000db\\u0007c\\u007fd\\u009be\\u0085f",
    );
    expect(terminalSafe("abc\u202edcba\u2066x\u2069\u200f\u061c\u2028")).toBe(
      "abc\\u202edcba\\u2066x\\u2069\\u200f\\u061c\\u2028",
    );
    expect(terminalSafe("期间\t2025-Q1\n（优秀 3 · 合格 5）😀")).toBe("期间\t2025-Q1\n（优秀 3 · 合格 5）😀");
  });

  it("turns JSON text into JSON text with the same values", () => {
    const value = { name: `${RED}张三\u009b2J\u202e`, list: ["\u0085", "a\tb"] };
    const text = terminalSafe(JSON.stringify(value, null, 2));
    expect(text).not.toMatch(UNSAFE_IN_OUTPUT);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe("the CLI never prints a control character from its inputs", () => {
  const evil = `${RED}公安\u202e局\u009b2J`;

  function evilCounty() {
    const sheets = countySheets();
    for (const sheet of sheets)
      for (const row of sheet.rows) row.forEach((v, i) => v === "公安" && (row[i] = evil));
    return sheets;
  }

  it("kaohe score: summary and messages escaped; --json keeps the exact names", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "county.xlsx"), await xlsxBytes(evilCounty()));
    const run = await runCli(["score", "county.xlsx"], dir);
    expect(run.code).toBe(0);
    // (ExcelJS drops the ESC itself on the way into the file; the C1 CSI and the bidi override survive.)
    expect(run.stdout).toContain("公安\\u202e局\\u009b2J");
    expect(run.stdout + run.stderr).not.toMatch(UNSAFE_IN_OUTPUT);

    const json = await runCli(["score", "county.xlsx", "--json", "--out", "again.xlsx"], dir);
    expect(json.stdout).not.toMatch(UNSAFE_IN_OUTPUT);
    const doc = JSON.parse(json.stdout) as { windows: { window: string }[] };
    expect(doc.windows.map((w) => w.window)).toContain(evil.replace("\u001b", ""));

    // An error message quoting the evil text is escaped too.
    const bad = evilCounty();
    bad.find((s) => s.name === "事项记录")!.rows[1]![3] = `${RED}99.9`;
    writeFileSync(path.join(dir, "bad.xlsx"), await xlsxBytes(bad));
    const failed = await runCli(["score", "bad.xlsx"], dir);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("[31m99.9");
    expect(failed.stderr).not.toMatch(UNSAFE_IN_OUTPUT);
  });

  it("kaohe consolidate: a township and a file name with ESC are escaped", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, "in"));
    writeFileSync(path.join(dir, "in", `${RED}镇1.xlsx`), await townshipBytes({ name: `${RED}镇1` }));
    writeFileSync(path.join(dir, "in", `\u001b]0;pwned\u0007.xlsx`), "not a workbook");
    const run = await runCli(["consolidate", "in", "--out", "county.xlsx"], dir);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("\\u001b]0;pwned\\u0007.xlsx");
    expect(run.stdout + run.stderr).not.toMatch(UNSAFE_IN_OUTPUT);
    const json = await runCli(["consolidate", "in", "--json"], dir);
    const doc = JSON.parse(json.stdout) as { townships: { township: string }[] };
    expect(doc.townships.map((t) => t.township)).toEqual(["[31m镇1"]);
    expect(json.stdout).not.toMatch(UNSAFE_IN_OUTPUT);
  });
});
