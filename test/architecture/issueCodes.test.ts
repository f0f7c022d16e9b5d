/** The kernel's issue codes and the locale tables list the same codes, and every template's parameters. */
import { readFileSync } from "fs";
import * as path from "path";
import type { IssueCode, Locale } from "../../src/core";
import { CONSOLIDATE_MESSAGE_CODES, consolidateTable } from "../../src/consolidate/messages";
import { FILE_MESSAGE_CODES, fileIssueMessage } from "../../src/workbook/messages/fileMessages";
import { describePrintIssue } from "../../src/print/select";
import { MESSAGES } from "../../src/workbook/messages";
import { ROOT } from "./imports";

/** The keys and parameter names of `IssueParams`, read from the source (types leave nothing at run time). */
function kernelCodes(): Map<string, string[]> {
  const text = readFileSync(path.join(ROOT, "src/core/issues.ts"), "utf8");
  const body = text.slice(
    text.indexOf("export interface IssueParams {"),
    text.indexOf("export type IssueCode"),
  );
  const out = new Map<string, string[]>();
  for (const m of body.matchAll(/^\s*"([^"]+)": (NoParams|\{([^}]*)\});$/gm))
    out.set(m[1], m[3] ? [...m[3].matchAll(/(\w+): Value/g)].map((p) => p[1]).sort() : []);
  return out;
}

const placeholders = (template: string) =>
  [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
const LOCALES: Locale[] = ["zh-CN", "zh-TW", "en"];
const kernel = kernelCodes();
const PRINT_CODES = [...kernel.keys()].filter((c) => c.startsWith("print."));

describe("issue codes", () => {
  it("are read from the kernel", () => {
    expect(kernel.get("missing-tab")).toEqual(["tab"]);
    expect(kernel.get("empty-workbook")).toEqual([]);
    expect(kernel.size).toBeGreaterThan(80);
  });

  it("are exactly the codes the locale tables word", () => {
    const worded = [
      ...Object.keys(MESSAGES.en),
      ...FILE_MESSAGE_CODES,
      ...CONSOLIDATE_MESSAGE_CODES,
      ...PRINT_CODES.filter(
        (c) => describePrintIssue({ severity: "error", code: c as IssueCode }, "en") !== c,
      ),
    ];
    expect([...kernel.keys()].sort()).toEqual([...new Set(worded)].sort());
  });

  it("name, in every locale, the parameters each template uses", () => {
    for (const locale of LOCALES) {
      for (const [code, template] of Object.entries(MESSAGES[locale]))
        expect([locale, code, placeholders(template)]).toEqual([locale, code, kernel.get(code)]);
      for (const [code, template] of Object.entries(consolidateTable(locale)))
        expect([locale, code, placeholders(template)]).toEqual([locale, code, kernel.get(code)]);
      for (const code of FILE_MESSAGE_CODES) {
        const params = Object.fromEntries((kernel.get(code) ?? []).map((p) => [p, `<${p}>`]));
        const text = fileIssueMessage({ severity: "error", code: code as IssueCode, params }, locale) ?? "";
        for (const p of kernel.get(code) ?? [])
          if (p !== "features") expect([code, text]).toEqual([code, expect.stringContaining(`<${p}>`)]);
      }
    }
  });
});
