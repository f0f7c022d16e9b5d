/** The explanation view words audit notes in the pane's language: case-log incidents vs grade-derived bonuses. */
import { derivedSourceLabel, noteLabel } from "../../taskpane/explain";
import { STRINGS } from "../../taskpane/i18n";

describe("explanation notes", () => {
  // note | zh-CN | zh-TW | en
  it.each([
    ["quarterly-grades", "由季度等次得出", "由季度等次得出", "from the quarterly grades"],
    ["case-log", "由办件台账推算", "由辦件台賬推算", "computed from the case log"],
    [
      "year-only, case-log",
      "仅计入年度，由办件台账推算",
      "僅計入年度，由辦件台賬推算",
      "year score only, computed from the case log",
    ],
    ["人工裁定: 复核 (主任)", "人工裁定: 复核 (主任)", "人工裁定: 复核 (主任)", "人工裁定: 复核 (主任)"],
  ])("%s", (note, zhCN, zhTW, en) => {
    expect([
      noteLabel(note, STRINGS["zh-CN"]),
      noteLabel(note, STRINGS["zh-TW"]),
      noteLabel(note, STRINGS.en),
    ]).toEqual([zhCN, zhTW, en]);
  });

  it("a derived bonus names the quarterly grades as its source; a case-log line has its row instead", () => {
    expect(derivedSourceLabel("quarterly-grades", STRINGS["zh-CN"])).toBe("由季度等次得出");
    expect(derivedSourceLabel("case-log", STRINGS["zh-CN"])).toBe("");
    expect(derivedSourceLabel(undefined, STRINGS.en)).toBe("");
  });
});
