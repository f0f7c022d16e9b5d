import { en } from "../../src/workbook/messages/en";
import { formatIssue, issueText, MESSAGES } from "../../src/workbook/messages";
import type { IssueCode, Locale } from "../../src/core";

/** A code no table words, as an issue from a newer or older version might carry. */
const unknownCode = (code: string) => code as IssueCode;

const LOCALES: Locale[] = ["zh-CN", "zh-TW", "en"];

describe("messages", () => {
  it("has every key of the en table in every locale, and no extra keys", () => {
    const keys = Object.keys(en).sort();
    for (const locale of LOCALES) expect(Object.keys(MESSAGES[locale]).sort()).toEqual(keys);
  });

  it("uses the same placeholders in every locale", () => {
    const names = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      for (const locale of LOCALES)
        expect([key, names(MESSAGES[locale][key])]).toEqual([key, names(en[key])]);
    }
  });

  it("names sheet and cell in front of the message", () => {
    const issue = {
      severity: "error" as const,
      code: "unknown-rule" as const,
      sheet: "事项记录",
      row: 3,
      column: 4,
      params: { value: "14.99" },
    };
    expect(formatIssue(issue)).toBe("事项记录!D3：未知条款“14.99”");
    expect(formatIssue(issue, "zh-TW")).toBe("事项记录!D3：未知條款「14.99」");
    expect(formatIssue(issue, "en")).toBe('事项记录!D3: unknown rule code "14.99"');
  });

  it("formats issues without a location or a column", () => {
    expect(formatIssue({ severity: "error", code: "empty-workbook" }, "en")).toBe("the workbook is empty");
    expect(
      formatIssue({ severity: "error", code: "missing-tab", sheet: "考核设置", params: { tab: "考核设置" } }),
    ).toBe("考核设置：缺少工作表“考核设置”");
    expect(
      formatIssue(
        {
          severity: "warning",
          code: "duplicate-incident",
          sheet: "事项记录",
          row: 7,
          params: { firstRow: 3 },
        },
        "en",
      ),
    ).toBe("事项记录!A7: looks like a duplicate of row 3");
  });

  it("falls back to the code and its parameters for unknown codes", () => {
    expect(
      issueText({
        severity: "error",
        code: unknownCode("case-bad-type"),
        params: { value: "急件", header: "办件类型" },
      }),
    ).toBe("case-bad-type (value=急件, header=办件类型)");
    expect(issueText({ severity: "warning", code: unknownCode("something-new") }, "en")).toBe(
      "something-new",
    );
    // A prototype key is not a message.
    expect(issueText({ severity: "error", code: unknownCode("toString") })).toBe("toString");
  });

  it("leaves a placeholder visible when its parameter is missing", () => {
    expect(issueText({ severity: "error", code: "unknown-window" }, "en")).toBe(
      'unknown window "{value}" (not in 窗口名册)',
    );
  });
});
