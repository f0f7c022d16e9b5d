/**
 * The optional 办件台账 tab (docs workbook.md) → CaseRow[] plus located issues.
 * A county-year holds ~318k rows, so cells are read by precomputed column slots, without per-row
 * closures, and the parses of repeating values (dates, types, satisfaction) are memoised.
 */
import type { CaseRow, CaseType, Satisfaction } from "../../engine/types";
import type { CellValue, IsoDate, Issue, IssueCode, RawSheet, Severity } from "../../core";
import { cellText } from "../cells";
import { parseDate, type DateParse } from "../dates";
import { readHeader } from "../headers";
import { parseInteger } from "../numbers";
import { CASES_TAB, ISSUE_CAP } from "../schema";
import { matchKey } from "../text";

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

type Key =
  "case" | "window" | "handler" | "matter" | "type" | "received" | "promised" | "completed" | "satisfaction";
const KEYS: readonly Key[] = [
  "case",
  "window",
  "handler",
  "matter",
  "type",
  "received",
  "promised",
  "completed",
  "satisfaction",
];
/** Header titles for messages, by column key. */
const TITLES: Record<string, string> = Object.fromEntries(CASES_TAB.columns.map((c) => [c.key, c.header]));
/** Text that cleanText would change: full-width forms, the ideographic space, any white space. */
const NEEDS_CLEANING = /[\uff01-\uff5e\u3000\s]/;

/** Parse 办件台账; an absent tab is no cases and no issues. Never throws on bad cells. */
export function parseCaseLog(sheet: RawSheet | undefined, ctx: CaseLogContext = {}): CaseLogParse {
  const issues: Issue[] = [];
  if (!sheet) return { cases: [], issues };
  const header = readHeader(sheet, CASES_TAB, issues);
  if (!header) return { cases: [], issues };
  const columns = {} as Record<Key, number>;
  for (const k of KEYS) columns[k] = (header.columns.get(k) ?? 0) - 1;
  return new CaseLogParser(sheet, columns, ctx, issues).run(header.row);
}

class CaseLogParser {
  private readonly cap: number;
  private readonly windows?: Set<string>;
  private readonly staff?: Set<string>;
  private readonly dates = new Map<string | number, DateParse>();
  private readonly enumKeys = new Map<string, string>();
  private dropped = 0;
  private droppedErrors = false;
  // The row being read.
  private row = 0;
  private cells: readonly CellValue[] = [];
  private ok = true;

  constructor(
    private readonly sheet: RawSheet,
    private readonly columns: Record<Key, number>,
    ctx: CaseLogContext,
    private readonly issues: Issue[],
  ) {
    this.cap = ctx.cap ?? ISSUE_CAP;
    if (ctx.windows) this.windows = new Set(ctx.windows);
    if (ctx.staff) this.staff = new Set(ctx.staff);
  }

  run(headerRow: number): CaseLogParse {
    const cases: CaseRow[] = [];
    const seen = new Map<string, number>();
    const rows = this.sheet.rows;
    for (let r = headerRow + 1; r <= rows.length; r++) {
      const cells = rows[r - 1];
      if (!cells || this.isBlankRow(cells)) continue;
      this.row = r;
      this.cells = cells;
      const c = this.readCase();
      if (!c) continue;
      const first = seen.get(c.caseId);
      if (first !== undefined) {
        this.report("warning", "duplicate-case", "case", { value: c.caseId, firstRow: first });
        continue;
      }
      seen.set(c.caseId, r);
      cases.push(c);
    }
    if (this.dropped > 0) {
      this.issues.push({
        severity: this.droppedErrors ? "error" : "warning",
        code: "too-many-issues",
        sheet: this.sheet.name,
        params: { count: this.dropped, total: this.dropped + this.issues.length },
      });
    }
    return { cases, issues: this.issues };
  }

  /** The current row as a case, or undefined (with issues) when any cell is bad. */
  private readCase(): CaseRow | undefined {
    this.ok = true;
    const caseId = this.text("case");
    if (!caseId) this.fail("missing-value", "case");
    const window = this.text("window");
    if (!window) this.fail("missing-value", "window");
    else if (this.windows && !this.windows.has(window)) this.fail("unknown-window", "window");
    const type = CASE_TYPES[this.enumKey("type")];
    if (!type) this.fail(this.text("type") ? "bad-case-type" : "missing-value", "type");
    const received = this.date("received", true);
    const completed = this.date("completed", false);
    if (received && completed && completed < received) {
      this.fail("completed-before-received", "completed", { received });
    }
    const promisedDays = this.promised(type);
    const satText = this.text("satisfaction");
    const satisfaction = satText ? SATISFACTION[this.enumKey("satisfaction")] : undefined;
    if (satText && !satisfaction) this.fail("bad-satisfaction", "satisfaction");
    if (!this.ok || !type || !received || promisedDays === undefined) return undefined;

    const row: CaseRow = {
      caseId,
      window,
      type,
      received,
      promisedDays,
      source: { sheet: this.sheet.name, row: this.row },
    };
    const handler = this.text("handler");
    if (handler && this.staff && !this.staff.has(handler)) {
      this.report("warning", "unknown-handler", "handler", { value: handler });
    } else if (handler) row.handler = handler;
    const matter = this.text("matter");
    if (matter) row.matter = matter;
    if (completed) row.completed = completed;
    if (satisfaction) row.satisfaction = satisfaction;
    return row;
  }

  /** 承诺时限: a whole number ≥ 0 of working days; 即办件 is always 0. */
  private promised(type: CaseType | undefined): number | undefined {
    const text = this.text("promised");
    if (type === "即办件") {
      if (text && parseInteger(this.value("promised")) !== 0) {
        this.report("warning", "instant-case-promised-days", "promised", { value: text });
      }
      return 0;
    }
    if (!text) {
      if (type) this.fail("missing-value", "promised");
      return undefined;
    }
    const v = this.value("promised");
    const n = typeof v === "number" && Number.isSafeInteger(v) ? v : parseInteger(v);
    if (n === undefined || n < 0) {
      this.fail("bad-promised-days", "promised");
      return undefined;
    }
    return n;
  }

  private value(key: Key): CellValue {
    const c = this.columns[key];
    return c < 0 ? null : (this.cells[c] ?? null);
  }

  /** Cleaned text of a cell (fast path for strings that need no cleaning). */
  private text(key: Key): string {
    const v = this.value(key);
    return typeof v === "string" && !NEEDS_CLEANING.test(v) ? v : cellText(v);
  }

  private enumKey(key: Key): string {
    const text = this.text(key);
    let k = this.enumKeys.get(text);
    if (k === undefined) {
      k = matchKey(text);
      this.enumKeys.set(text, k);
    }
    return k;
  }

  private date(key: Key, required: boolean): IsoDate | undefined {
    const v = this.value(key);
    if (isBlankCell(v)) {
      if (required) this.fail("missing-value", key);
      return undefined;
    }
    const memoKey = v instanceof Date ? v.getTime() : typeof v === "number" ? v : this.text(key);
    let d = this.dates.get(memoKey);
    if (d === undefined) {
      d = parseDate(typeof memoKey === "string" ? memoKey : v);
      this.dates.set(memoKey, d);
    }
    if ("date" in d) return d.date;
    this.fail(d.error, key);
    return undefined;
  }

  private isBlankRow(cells: readonly CellValue[]): boolean {
    for (const k of KEYS) {
      const c = this.columns[k];
      if (c >= 0 && !isBlankCell(cells[c] ?? null)) return false;
    }
    return true;
  }

  private fail(code: IssueCode, key: Key, params: Record<string, string | number> = {}): void {
    this.report("error", code, key, { value: this.text(key), ...params });
    this.ok = false;
  }

  private report(
    severity: Severity,
    code: IssueCode,
    key: Key,
    params: Record<string, string | number>,
  ): void {
    if (this.issues.length >= this.cap) {
      this.dropped++;
      this.droppedErrors ||= severity === "error";
      return;
    }
    const issue: Issue = {
      severity,
      code,
      sheet: this.sheet.name,
      row: this.row,
      params: { header: TITLES[key] ?? key, ...params },
    };
    if (this.columns[key] >= 0) issue.column = this.columns[key] + 1;
    this.issues.push(issue);
  }
}

function isBlankCell(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") return !/\S/.test(v);
  if (typeof v === "number") return !Number.isFinite(v);
  if (v instanceof Date) return Number.isNaN(v.getTime());
  return false;
}
