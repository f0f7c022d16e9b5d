/**
 * The optional 办件台账 tab (docs workbook.md) → CaseRow[] plus located issues.
 * Rows are read straight from the sheet (no per-row closures): a county-year holds ~318k of them.
 */
import type { CaseRow, CaseType, IsoDate, Issue, Satisfaction, Severity } from "../engine/types";
import { cellText } from "./cells";
import { parseDate } from "./dates";
import { readHeader, type HeaderMap } from "./headers";
import { parseInteger } from "./numbers";
import { CASES_TAB, ISSUE_CAP } from "./schema";
import { matchKey } from "./text";
import type { CellValue, RawSheet } from "./types";

export interface CaseLogContext {
  /** Roster window names: a case under another window is an error (its overdue deduction has no target). */
  windows?: readonly string[];
  /** Roster staff names: an unknown handler is a warning and is dropped from the case. */
  staff?: readonly string[];
  /** Most detailed issues kept; the rest are counted in one `too-many-issues`. */
  cap?: number;
}

export interface CaseLogParse {
  cases: CaseRow[];
  issues: Issue[];
}

const CASE_TYPES: Record<string, CaseType> = {
  即办件: "即办件",
  即办: "即办件",
  instant: "即办件",
  承诺件: "承诺件",
  承诺: "承诺件",
  promised: "承诺件",
  committed: "承诺件",
};

const SATISFACTION: Record<string, Satisfaction> = {
  满意: "满意",
  satisfied: "满意",
  基本满意: "基本满意",
  basicallysatisfied: "基本满意",
  不满意: "不满意",
  dissatisfied: "不满意",
  unsatisfied: "不满意",
};

/** Header titles for messages, by column key. */
const TITLES: Record<string, string> = Object.fromEntries(CASES_TAB.columns.map((c) => [c.key, c.header]));

/** Parse 办件台账; an absent tab is no cases and no issues. Never throws on bad cells. */
export function parseCaseLog(sheet: RawSheet | undefined, ctx: CaseLogContext = {}): CaseLogParse {
  const issues: Issue[] = [];
  if (!sheet) return { cases: [], issues };
  const header = readHeader(sheet, CASES_TAB, issues);
  if (!header) return { cases: [], issues };
  const cap = ctx.cap ?? ISSUE_CAP;
  let dropped = 0;
  let droppedErrors = false;
  const report = (
    severity: Severity,
    code: string,
    row: number,
    key: string,
    params: Record<string, string | number>,
  ) => {
    if (issues.length >= cap) {
      dropped++;
      droppedErrors ||= severity === "error";
      return;
    }
    const issue: Issue = {
      severity,
      code,
      sheet: sheet.name,
      row,
      params: { header: TITLES[key] ?? key, ...params },
    };
    const column = header.columns.get(key);
    if (column !== undefined) issue.column = column;
    issues.push(issue);
  };
  const windows = ctx.windows ? new Set(ctx.windows) : undefined;
  const staff = ctx.staff ? new Set(ctx.staff) : undefined;
  const reader = new RowReader(header);
  const seen = new Map<string, number>();
  const cases: CaseRow[] = [];

  for (let r = header.row + 1; r <= sheet.rows.length; r++) {
    const cells = sheet.rows[r - 1];
    if (!cells || !reader.load(cells)) continue;
    let ok = true;
    const fail = (code: string, key: string, params: Record<string, string | number> = {}) => {
      report("error", code, r, key, { value: reader.text(key), ...params });
      ok = false;
    };
    const caseId = reader.text("case");
    if (!caseId) fail("missing-value", "case");
    const window = reader.text("window");
    if (!window) fail("missing-value", "window");
    else if (windows && !windows.has(window)) fail("unknown-window", "window");
    const typeText = reader.text("type");
    const type = CASE_TYPES[matchKey(typeText)];
    if (!type) fail(typeText ? "bad-case-type" : "missing-value", "type");
    const received = reader.date("received", fail, true);
    const completed = reader.date("completed", fail, false);
    if (received && completed && completed < received)
      fail("completed-before-received", "completed", { received });
    const promisedDays = readPromised(reader, type, fail, (code, params) =>
      report("warning", code, r, "promised", params),
    );
    const satText = reader.text("satisfaction");
    const satisfaction = satText ? SATISFACTION[matchKey(satText)] : undefined;
    if (satText && !satisfaction) fail("bad-satisfaction", "satisfaction");
    if (!ok || !type || !received || promisedDays === undefined) continue;

    const first = seen.get(caseId);
    if (first !== undefined) {
      report("warning", "duplicate-case", r, "case", { value: caseId, firstRow: first });
      continue;
    }
    seen.set(caseId, r);
    const row: CaseRow = {
      caseId,
      window,
      type,
      received,
      promisedDays,
      source: { sheet: sheet.name, row: r },
    };
    const handler = reader.text("handler");
    if (handler && staff && !staff.has(handler))
      report("warning", "unknown-handler", r, "handler", { value: handler });
    else if (handler) row.handler = handler;
    const matter = reader.text("matter");
    if (matter) row.matter = matter;
    if (completed) row.completed = completed;
    if (satisfaction) row.satisfaction = satisfaction;
    cases.push(row);
  }
  if (dropped > 0) {
    issues.push({
      severity: droppedErrors ? "error" : "warning",
      code: "too-many-issues",
      sheet: sheet.name,
      params: { count: dropped, total: dropped + issues.length },
    });
  }
  return { cases, issues };
}

type Fail = (code: string, key: string, params?: Record<string, string | number>) => void;

/** 承诺时限: a whole number ≥ 0 of working days; 即办件 is always 0. */
function readPromised(
  reader: RowReader,
  type: CaseType | undefined,
  fail: Fail,
  warn: (code: string, params: Record<string, string | number>) => void,
): number | undefined {
  const text = reader.text("promised");
  if (type === "即办件") {
    if (text && parseInteger(reader.value("promised")) !== 0)
      warn("instant-case-promised-days", { value: text });
    return 0;
  }
  if (!text) {
    if (type) fail("missing-value", "promised");
    return undefined;
  }
  const n = parseInteger(reader.value("promised"));
  if (n === undefined || n < 0) {
    fail("bad-promised-days", "promised");
    return undefined;
  }
  return n;
}

/** Reads one row's cells by column key without allocating per row. */
class RowReader {
  private cells: readonly CellValue[] = [];
  private readonly texts = new Map<string, string>();
  constructor(private readonly header: HeaderMap) {}

  /** Loads a row; false when it is blank. */
  load(cells: readonly CellValue[]): boolean {
    this.cells = cells;
    this.texts.clear();
    for (const [key] of this.header.columns) if (this.text(key)) return true;
    return false;
  }

  value(key: string): CellValue {
    const c = this.header.columns.get(key);
    return c === undefined ? null : (this.cells[c - 1] ?? null);
  }

  text(key: string): string {
    let t = this.texts.get(key);
    if (t === undefined) {
      t = cellText(this.value(key));
      this.texts.set(key, t);
    }
    return t;
  }

  date(key: string, fail: Fail, required: boolean): IsoDate | undefined {
    if (!this.text(key)) {
      if (required) fail("missing-value", key);
      return undefined;
    }
    const d = parseDate(this.value(key));
    if ("date" in d) return d.date;
    fail(d.error, key);
    return undefined;
  }
}
