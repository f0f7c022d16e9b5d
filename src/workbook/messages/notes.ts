/**
 * Words for the engine's audit-line notes, by locale. Two origins of computed lines are kept apart
 * (rulebook §9): an incident derived from a case-log row, and a year bonus derived from quarterly grades.
 * Free text (a 人工裁定 reason) passes through.
 */
import type { Locale } from "../../core";

const NOTES: Record<Locale, Record<string, string>> = {
  "zh-CN": {
    "year-only": "仅计入年度",
    head: "负责人连带",
    "case-log": "由办件台账推算",
    "quarterly-grades": "由季度等次得出",
  },
  "zh-TW": {
    "year-only": "僅計入年度",
    head: "負責人連帶",
    "case-log": "由辦件台賬推算",
    "quarterly-grades": "由季度等次得出",
  },
  en: {
    "year-only": "year score only",
    head: "as the window's head",
    "case-log": "computed from the case log",
    "quarterly-grades": "from the quarterly grades",
  },
};

/** `year-only, case-log` → `仅计入年度，由办件台账推算`. */
export function auditNoteText(note: string, locale: Locale = "zh-CN"): string {
  const words = NOTES[locale] ?? NOTES["zh-CN"];
  return note
    .split(", ")
    .map((part) => words[part] ?? part)
    .join(locale === "en" ? ", " : "，");
}

/** The 来源 of a line without a source row: what it was derived from (quarterly grades), else blank. */
export function derivedSourceText(note: string | undefined, locale: Locale = "zh-CN"): string {
  if (!note || !note.split(", ").includes("quarterly-grades")) return "";
  return (NOTES[locale] ?? NOTES["zh-CN"])["quarterly-grades"]!;
}
