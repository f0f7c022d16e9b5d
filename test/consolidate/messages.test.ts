import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import {
  consolidateTable,
  CONSOLIDATE_MESSAGE_CODES,
  problemLine,
  problemText,
} from "../../src/consolidate/messages";
import type { IssueCode, Locale } from "../../src/core";

const LOCALES: Locale[] = ["zh-CN", "zh-TW", "en"];
const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("consolidation messages", () => {
  it("every code has words in every locale, with the same placeholders", () => {
    for (const locale of LOCALES) {
      const table = consolidateTable(locale);
      expect(Object.keys(table).sort()).toEqual([...CONSOLIDATE_MESSAGE_CODES].sort());
      for (const code of CONSOLIDATE_MESSAGE_CODES) {
        expect([code, placeholders(table[code]!)]).toEqual([
          code,
          placeholders(consolidateTable("en")[code]!),
        ]);
      }
    }
  });

  it("every issue code raised in src/consolidate and the guard has its own words (no code fallback)", () => {
    const dir = path.join(__dirname, "../../src/consolidate");
    const sources = [
      ...readdirSync(dir).map((f) => path.join(dir, f)),
      path.join(__dirname, "../../src/hosts/xlsx/guard.ts"),
      path.join(__dirname, "../../src/hosts/xlsx/consolidateFiles.ts"),
      path.join(__dirname, "../../src/hosts/xlsx/consolidateDisk.ts"),
    ];
    const raised = new Set<string>();
    for (const file of sources) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(
        /code: "([a-z-]+)"|(?:issueAt|fileIssue)\([^")]*(?:"[a-z]+", )?"([a-z-]+)"|code = [^;]*"([a-z-]+)"[^;]*"([a-z-]+)"/g,
      )) {
        for (const c of m.slice(1)) if (c) raised.add(c);
      }
    }
    expect(raised.size).toBeGreaterThan(20);
    expect(raised).toContain("checklist-name-changed");
    for (const code of raised) {
      for (const locale of LOCALES) {
        const text = problemText({ severity: "error", code: code as IssueCode, params: {} }, locale);
        expect([code, text.startsWith(code)]).toEqual([code, false]);
      }
    }
  });

  it("lines name file and cell; file-level messages already name the file", () => {
    const located = {
      file: "a.xlsx",
      excluded: true,
      issue: {
        severity: "error" as const,
        code: "checklist-out-of-range" as const,
        sheet: "镇街指标",
        row: 7,
        column: 4,
        params: { id: "T6", value: "16", max: 15 },
      },
    };
    expect(problemLine(located)).toBe("a.xlsx 镇街指标!D7：指标 T6 的得分 16 超出 0–15");
    expect(problemLine(located, "en")).toBe("a.xlsx 镇街指标!D7: indicator T6: score 16 outside 0–15");
    expect(problemLine(located, "zh-TW")).toBe("a.xlsx 镇街指标!D7：指標 T6 的得分 16 超出 0–15");
    const fileLevel = {
      file: "b.xls",
      excluded: true,
      issue: { severity: "error" as const, code: "file-xls" as const, params: { file: "b.xls" } },
    };
    expect(problemLine(fileLevel, "en")).toBe(
      "file b.xls: a legacy Excel 97-2003 (.xls) file; save it as Excel Workbook (*.xlsx)",
    );
  });
});

describe("browser safety", () => {
  it("nothing in src/consolidate, nor the guard, imports Node modules", () => {
    const dir = path.join(__dirname, "../../src/consolidate");
    const files = readdirSync(dir).map((f) => path.join(dir, f));
    for (const file of [...files, path.join(__dirname, "../../src/hosts/xlsx/guard.ts")]) {
      const imports = [...readFileSync(file, "utf8").matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      expect([
        path.basename(file),
        imports.filter((i) => /^(fs|path|zlib|os|child_process|node:.*)$/.test(i!)),
      ]).toEqual([path.basename(file), []]);
    }
  });
});
