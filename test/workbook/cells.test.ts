import { cellAddress, cellText, columnLetter, columnNumber, isBlankRow } from "../../src/workbook/cells";
import fc from "fast-check";
import { dateFromSerial, dateFromText, isoFromDayNumber, parseDate } from "../../src/workbook/dates";
import { isNumeric, parseInteger, parseTenths } from "../../src/workbook/numbers";
import { cleanText, foldWidth, matchKey, toSimplified } from "../../src/workbook/text";

describe("text", () => {
  it("folds full-width ASCII, digits and the ideographic space", () => {
    expect(foldWidth("１４．４Ａ　ｘ")).toBe("14.4A x");
    expect(cleanText("  事项\t 记录  ")).toBe("事项 记录");
  });
  it("maps the contract's Traditional characters to Simplified", () => {
    expect(toSimplified("事項記錄")).toBe("事项记录");
    expect(toSimplified("辦件編號")).toBe("办件编号");
    expect(toSimplified("複核分")).toBe("复核分");
  });
  it("matches aliases case- and space-insensitively", () => {
    expect(matchKey(" Promised  Days ")).toBe(matchKey("promised days"));
    expect(matchKey("進駐日期")).toBe(matchKey("进驻日期"));
    expect(matchKey("ＷＩＮＤＯＷ")).toBe("window");
  });
});

describe("cell addresses", () => {
  it.each([
    [1, "A"],
    [4, "D"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("column %i is %s", (n, letters) => {
    expect(columnLetter(n)).toBe(letters);
    expect(columnNumber(`${letters}12`)).toBe(n);
    expect(columnNumber(letters.toLowerCase())).toBe(n);
  });
  it("names sheet and cell", () => {
    expect(cellAddress("事项记录", 3, 4)).toBe("事项记录!D3");
    expect(cellAddress("事项记录", 3)).toBe("事项记录!A3");
    expect(cellAddress("考核设置")).toBe("考核设置");
  });
  it("reads blank rows and texts", () => {
    expect(isBlankRow([null, " ", ""])).toBe(true);
    expect(isBlankRow([null, 0])).toBe(false);
    expect(cellText(2.5)).toBe("2.5");
    expect(cellText(new Date(Date.UTC(2025, 2, 5)))).toBe("2025-03-05");
  });
});

describe("dates", () => {
  it.each([
    ["2025-03-05", "2025-03-05"],
    ["2025/3/5", "2025-03-05"],
    ["2025.3.5", "2025-03-05"],
    ["2025年3月5日", "2025-03-05"],
    ["２０２５－０３－０５", "2025-03-05"],
    [" 2025 年 12 月 31 日 ", "2025-12-31"],
    ["20250305", "2025-03-05"],
    ["2024-02-29", "2024-02-29"],
  ])("text %s → %s", (text, iso) => expect(dateFromText(text)).toEqual({ date: iso }));

  it.each(["2025-02-30", "2025-13-01", "2025-00-10", "2023-02-29", "1900-02-29", "2025年4月31日"])(
    "rejects the impossible date %s",
    (text) => expect(dateFromText(text)).toEqual({ error: "impossible-date" }),
  );
  it.each(["yesterday", "3/5", "2025-03", "", "2025-03-05x"])("rejects non-dates %s", (text) =>
    expect(dateFromText(text)).toEqual({ error: "bad-date" }),
  );

  it("reads Excel 1900 serials, with 60 the fictitious 1900-02-29", () => {
    expect(dateFromSerial(1)).toEqual({ date: "1900-01-01" });
    expect(dateFromSerial(59)).toEqual({ date: "1900-02-28" });
    expect(dateFromSerial(60)).toEqual({ error: "impossible-date" });
    expect(dateFromSerial(61)).toEqual({ date: "1900-03-01" });
    expect(dateFromSerial(45721)).toEqual({ date: "2025-03-05" });
    expect(dateFromSerial(45721.75)).toEqual({ date: "2025-03-05" });
    expect(dateFromSerial(0)).toEqual({ error: "bad-date" });
    expect(dateFromSerial(-3)).toEqual({ error: "bad-date" });
  });

  it("reads Date cells in UTC whatever the machine's zone", () => {
    expect(parseDate(new Date(Date.UTC(2025, 8, 29)))).toEqual({ date: "2025-09-29" });
    // A serial round-trip may land a hair before midnight.
    expect(parseDate(new Date(Date.UTC(2025, 8, 29) - 1))).toEqual({ date: "2025-09-29" });
    expect(parseDate(new Date(NaN))).toEqual({ error: "bad-date" });
    expect(parseDate(20250305)).toEqual({ date: "2025-03-05" });
    expect(parseDate(20250230)).toEqual({ error: "impossible-date" });
    expect(parseDate(3000000)).toEqual({ error: "bad-date" });
    expect(parseDate(true)).toEqual({ error: "bad-date" });
    expect(parseDate(null)).toEqual({ error: "bad-date" });
  });
});

describe("day numbers", () => {
  it("agree with the platform's UTC calendar from 1900 to 9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 2932896 }), (day) => {
        expect(isoFromDayNumber(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
    expect(isoFromDayNumber(0)).toBe("1970-01-01");
    expect(isoFromDayNumber(20152)).toBe("2025-03-05");
  });
});

describe("numbers", () => {
  it("parses integers exactly", () => {
    expect(parseInteger(3)).toBe(3);
    expect(parseInteger("３")).toBe(3);
    expect(parseInteger("3.0")).toBe(3);
    expect(parseInteger(" -2 ")).toBe(-2);
    expect(parseInteger(2.5)).toBeUndefined();
    expect(parseInteger("abc")).toBeUndefined();
    expect(parseInteger(true)).toBeUndefined();
  });
  it("parses tenths from decimal text, never by float multiplication", () => {
    expect(parseTenths(0.3)).toBe(3);
    expect(parseTenths(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004 is not a tenth
    expect(parseTenths("2.50")).toBe(25);
    expect(parseTenths(95)).toBe(950);
    expect(parseTenths("４．５")).toBe(45);
    expect(parseTenths(1.25)).toBeUndefined();
    expect(parseTenths("1,000")).toBe(10000);
    expect(parseTenths(1e21)).toBeUndefined();
  });
  it("tells numbers from text", () => {
    expect(isNumeric("1.25")).toBe(true);
    expect(isNumeric("五")).toBe(false);
  });
});
