import type { Profile } from "../rules/types";
import type { AssessmentResult, StaffResult, TownshipResult, WindowResult } from "../engine/types";
import type { Issue, IssueCode, Locale, PeriodId } from "../core";
import type { RowMeasure } from "./sheetBuilder";

/** Which forms to print: a whole kind, everything, or chosen entities by name. */
export type PrintWho = "windows" | "staff" | "township" | "all" | string[];

export interface PrintOptions {
  period: PeriodId;
  who?: PrintWho;
  locale?: Locale;
  /** When the results were made and the input fingerprint they came from, printed in the footer. */
  stamp?: { at: string; fingerprint: string };
  /** Row heights measured by the host (Excel); estimated from the texts otherwise. */
  measure?: RowMeasure;
  /** The rulebook the results were scored under when it is not a built-in one (a file or a 考核规则 tab). */
  profile?: Profile;
}

export interface PrintSelection {
  windows: WindowResult[];
  staff: StaffResult[];
  townships: TownshipResult[];
}

/** Thrown by `buildPrintSheet` when the selection is invalid; callers that want values use `selectForPrint`. */
export class PrintSelectionError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`打印选择无效 / invalid print selection: ${issues.map((i) => i.code).join(", ")}`);
    this.name = "PrintSelectionError";
  }
}

/** The entities to print for a period, in result order, or issues saying why there are none. */
export function selectForPrint(
  result: AssessmentResult,
  options: PrintOptions,
): { selection: PrintSelection; issues: Issue[] } {
  const { period } = options;
  const who = options.who ?? "all";
  const windows = result.windows.filter((w) => w.period === period);
  const staff = result.staff.filter((s) => s.period === period);
  // Township checklists are yearly: one form per township whatever the period.
  const townships = result.townships;
  const issues: Issue[] = [];
  const periodKnown = result.periods.includes(period) || windows.length > 0 || staff.length > 0;
  if (!periodKnown && who !== "township") {
    issues.push(error("print.period-unknown", { period, periods: result.periods.join(", ") }));
  }
  let selection: PrintSelection;
  if (who === "all") selection = { windows, staff, townships };
  else if (who === "windows") selection = { windows, staff: [], townships: [] };
  else if (who === "staff") selection = { windows: [], staff, townships: [] };
  else if (who === "township") selection = { windows: [], staff: [], townships };
  else {
    const names = new Set(who.map((n) => n.trim()).filter((n) => n !== ""));
    selection = {
      windows: windows.filter((w) => names.has(w.window)),
      staff: staff.filter((s) => names.has(s.name)),
      townships: townships.filter((t) => names.has(t.unit)),
    };
    const found = new Set([
      ...selection.windows.map((w) => w.window),
      ...selection.staff.map((s) => s.name),
      ...selection.townships.map((t) => t.unit),
    ]);
    for (const name of names)
      if (!found.has(name)) issues.push(error("print.name-unknown", { name, period }));
  }
  const count = selection.windows.length + selection.staff.length + selection.townships.length;
  if (issues.length === 0 && count === 0) issues.push(error("print.nothing-selected", { period }));
  return { selection, issues };
}

function error(code: IssueCode, params: Record<string, string | number>): Issue {
  return { severity: "error", code, params };
}

const MESSAGES: Record<Locale, Record<string, (p: Record<string, string | number>) => string>> = {
  "zh-CN": {
    "print.period-unknown": (p) => `考核结果中没有期间 ${p.period}（已有：${p.periods || "无"}）`,
    "print.name-unknown": (p) => `期间 ${p.period} 的考核结果中找不到对象“${p.name}”`,
    "print.nothing-selected": (p) => `期间 ${p.period} 没有可打印的考核对象`,
  },
  "zh-TW": {
    "print.period-unknown": (p) => `考核結果中沒有期間 ${p.period}（已有：${p.periods || "無"}）`,
    "print.name-unknown": (p) => `期間 ${p.period} 的考核結果中找不到對象「${p.name}」`,
    "print.nothing-selected": (p) => `期間 ${p.period} 沒有可列印的考核對象`,
  },
  en: {
    "print.period-unknown": (p) => `no period ${p.period} in the results (present: ${p.periods || "none"})`,
    "print.name-unknown": (p) => `no entity named "${p.name}" in the results for ${p.period}`,
    "print.nothing-selected": (p) => `nothing to print for ${p.period}`,
  },
};

/** Words for the print issues above (other issue codes are rendered by the pipeline's locales). */
export function describePrintIssue(issue: Issue, locale: Locale = "zh-CN"): string {
  const make = MESSAGES[locale][issue.code];
  return make ? make(issue.params ?? {}) : issue.code;
}
