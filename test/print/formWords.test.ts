/**
 * The forms' words: no English word on a Chinese form, and no text wider than the box it is printed in
 * (a label or value that would be cut off), in every locale, for the sample and for long texts.
 */
import { buildPrintSheetWithIndex } from "../../src/print";
import { wrappedLines } from "../../src/print/sheetBuilder";
import { LINE_HEIGHT, PRINT_COLUMNS, PRINT_STYLES } from "../../src/print/styles";
import type { Locale } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";
import { audit, PERIOD, sampleCase } from "./factory";

/** Width units a text takes at 9–10 pt: a CJK glyph about 1.7, anything else about 1. */
function units(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1.7 : 1;
  return n;
}

function forms(locale: Locale): SheetModel {
  const { input, result } = sampleCase();
  // A long 派驻单位, content and reason, which must wrap rather than be cut.
  input.windows[0]!.department = "国家税务总局田阳县税务局第一税务分局（派驻）";
  result.windows[0]!.department = input.windows[0]!.department;
  result.audit.push(
    audit({
      entity: result.windows[0]!.window,
      code: "14.7",
      points: -2,
      text: "窗口工作人员在受理群众咨询时未能一次性告知所需全部申报材料，群众多次往返，影响中心形象".repeat(
        2,
      ),
    }),
  );
  return buildPrintSheetWithIndex(result, input, { period: PERIOD, locale }).sheet;
}

const widths = PRINT_COLUMNS.map((c) => c.width!);
const spanWidth = (first: number, count: number) =>
  widths.slice(first - 1, first - 1 + count).reduce((a, b) => a + b, 0);

/** Every text that is wider than the room it has: its box, plus empty cells it may run into. */
function overflowing(sheet: SheetModel): string[] {
  const bad: string[] = [];
  const merged = new Map((sheet.merges ?? []).map((m) => [`${m.row}:${m.column}`, m.columnSpan]));
  sheet.rows.forEach((row, i) => {
    const r = i + 1;
    const style = sheet.rowStyles![r]!;
    const def = PRINT_STYLES[style]!;
    const height = sheet.rowHeights?.[r] ?? def.height!;
    row.forEach((value, j) => {
      const c = j + 1;
      if (value === null || value === "") return;
      const text = String(value);
      const span = merged.get(`${r}:${c}`);
      const group = def.groups?.find(([f, n]) => c >= f && c < f + n);
      const wraps = span ? def.wrap : (def.wrapColumns?.includes(c) ?? def.wrap ?? false);
      if (span && wraps) {
        const lines = wrappedLines(text, spanWidth(c, span));
        if (lines * LINE_HEIGHT > height) bad.push(`${r}:${c} ${text} (${lines} lines in ${height} pt)`);
        return;
      }
      if (wraps) {
        const lines = wrappedLines(text, widths[j]!);
        if (lines * LINE_HEIGHT > height) bad.push(`${r}:${c} ${text} (${lines} lines in ${height} pt)`);
        return;
      }
      // Not wrapped: the text may run into empty cells of its box (or of the row, without boxes).
      const [first, count] = span ? [c, span] : (group ?? [1, row.length]);
      const align = def.columnAlign?.[c] ?? def.align ?? "left";
      let room = widths[j]!;
      const empty = (k: number) => row[k - 1] === null || row[k - 1] === "";
      if (span) room = spanWidth(c, span);
      else if (align === "right") for (let k = c - 1; k >= first && empty(k); k--) room += widths[k - 1]!;
      else for (let k = c + 1; k < first + count && empty(k); k++) room += widths[k - 1]!;
      if (align === "center" && !span) room = Math.max(room, group ? spanWidth(first, count) : room);
      if (text.split("\n").some((line) => units(line) > room - 0.5))
        bad.push(`${r}:${c} ${text} (room ${room})`);
    });
  });
  return bad;
}

describe("words on the forms", () => {
  it.each(["zh-CN", "zh-TW"] as Locale[])("%s: no English word anywhere on the forms", (locale) => {
    const sheet = forms(locale);
    const words = sheet.rows
      .flat()
      .filter((v): v is string => typeof v === "string")
      // Cell addresses (事项记录!A12, A15), rule codes (14.4a, 20B.1, T6) and dates are not words.
      .map((t) => t.replace(/[A-Z]{1,2}\d+|\b\d+(\.\d+)?[A-Za-z]?\b|\bT\d+\b/g, ""))
      .flatMap((t) => t.match(/[A-Za-z]{2,}/g) ?? []);
    expect(words).toEqual([]);
  });

  it.each(["zh-CN", "zh-TW", "en"] as Locale[])("%s: no label or value is cut off", (locale) => {
    expect(overflowing(forms(locale))).toEqual([]);
  });
});
