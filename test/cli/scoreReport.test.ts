import { issueLine, jsonDocument } from "../../src/cli/scoreReport";
import type { Issue } from "../../src/core";

describe("issue lines", () => {
  const bomb: Issue = {
    severity: "error",
    code: "file-unzipped-too-large",
    params: { file: "b.xlsx", maxMb: 200 },
  };

  it("word the zip-bomb guard's codes in every language, naming the file", () => {
    expect(issueLine(bomb, "zh-CN")).toBe("文件 b.xlsx：解压后内容过大（超过 200 MB），疑似压缩炸弹，未读取");
    expect(issueLine(bomb, "en")).toContain("b.xlsx: unzips to more than 200 MB");
    expect(issueLine(bomb, "zh-TW")).toContain("檔案 b.xlsx");
    const doc = jsonDocument({ ok: false, issues: [bomb], sheets: [], flags: [] }, "en");
    expect(doc.issues).toEqual([
      { severity: "error", code: "file-unzipped-too-large", message: expect.stringContaining("zip bomb") },
    ]);
  });

  it("place row-only issues at column A and prefix workbook-wide ones with the file", () => {
    const dup: Issue = {
      severity: "warning",
      code: "duplicate-incident",
      sheet: "事项记录",
      row: 9,
      params: { firstRow: 3 },
    };
    expect(issueLine(dup, "en", "in.xlsx")).toMatch(/^事项记录!A9: /);
    expect(issueLine({ severity: "error", code: "empty-workbook" }, "zh-CN", "in.xlsx")).toMatch(
      /^in\.xlsx：/,
    );
    expect(
      issueLine({ severity: "error", code: "file-xls", params: { file: "a.xls" } }, "en", "a.xls"),
    ).toMatch(/^file a\.xls: a legacy Excel/);
  });
});
