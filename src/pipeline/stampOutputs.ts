/**
 * After scoring: every output tab is stamped with when it was made and the input fingerprint, and an
 * earlier print tab is made again from the new results (same period, forms and language), so a print
 * tab never shows numbers the result tabs no longer have.
 */
import type { AssessmentInput, AssessmentResult } from "../engine/types";
import type { Locale, PeriodId, RawSheet } from "../core";
import { buildPrintSheet, PRINT_SHEET_NAME, PrintSelectionError, type PrintWho } from "../print";
import type { SheetModel } from "../workbook/types";
import { inputFingerprint, mergeStamps, readStamps, stampSheet, type OutputStamp } from "./fingerprint";
import { stampHeader } from "./stampHeader";
import type { RunOptions } from "./types";

const LOCALES: readonly string[] = ["zh-CN", "zh-TW", "en"];
const KINDS: readonly string[] = ["all", "windows", "staff", "township"];

export function stampOutputs(
  raw: readonly RawSheet[],
  rendered: SheetModel[],
  result: AssessmentResult,
  input: AssessmentInput,
  options: RunOptions,
  period: PeriodId | undefined,
): { sheets: SheetModel[]; fingerprint: string } {
  const fingerprint = inputFingerprint(raw);
  const at = options.producedAt ?? "";
  const old = readStamps(raw);
  const stamp = (tab: string, extra: Partial<OutputStamp> = {}): OutputStamp => ({
    tab,
    at,
    fingerprint,
    period: period ?? "",
    who: "",
    locale: "",
    ...extra,
  });
  const sheets = rendered.map((s) => stampHeader(s, at, fingerprint));
  const fresh = sheets.map((s) => stamp(s.name));
  const printed = old.find((s) => s.tab === PRINT_SHEET_NAME);
  if (printed && raw.some((s) => s.name === PRINT_SHEET_NAME)) {
    const again = reprint(result, input, printed, { at, fingerprint });
    sheets.push(again);
    fresh.push(stamp(PRINT_SHEET_NAME, { period: printed.period, who: printed.who, locale: printed.locale }));
  }
  sheets.push(stampSheet(mergeStamps(old, fresh)));
  return { sheets, fingerprint };
}

/** The print tab as it was chosen before, from the new results; when that choice no longer exists, every form of its period. */
function reprint(
  result: AssessmentResult,
  input: AssessmentInput,
  printed: OutputStamp,
  stamp: { at: string; fingerprint: string },
): SheetModel {
  const locale = (LOCALES.includes(printed.locale) ? printed.locale : "zh-CN") as Locale;
  const who: PrintWho = KINDS.includes(printed.who)
    ? (printed.who as PrintWho)
    : printed.who.split("、").filter((n) => n !== "");
  const period = printed.period || String(result.year);
  try {
    return buildPrintSheet(result, input, { period, who, locale, stamp });
  } catch (error) {
    if (!(error instanceof PrintSelectionError)) throw error;
    return buildPrintSheet(result, input, { period: String(result.year), who: "all", locale, stamp });
  }
}
