/** 事项记录: one row per behaviour. Errors for bad cells; warnings for suspicious but scorable rows. */
import type { IncidentRow, StaffRow, WindowRow } from "../../engine/types";
import { parseDate } from "../dates";
import { dataRows, readHeader, type DataRow } from "../headers";
import { isNumeric, parseInteger, parseTenths } from "../numbers";
import { INCIDENTS_TAB } from "../schema";
import { matchKey } from "../text";
import type { RawSheet } from "../types";
import { rowIssue, tenthsText, type ParseContext } from "./context";

const YES = new Set(["", "是", "y", "yes", "true", "1", "√", "✓", "已核实"]);
const NO = new Set(["否", "n", "no", "false", "0", "×", "未核实"]);

/** 核实: blank = 是. */
export function parseVerified(text: string): boolean | undefined {
  if (text === "" || text === "是") return true;
  const key = matchKey(text);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  return undefined;
}

function parseDateCell(row: DataRow, ctx: ParseContext): string | undefined {
  const text = row.text("date");
  if (!text) {
    ctx.issues.push(rowIssue(row, "date", "missing-value", { header: "日期" }));
    return undefined;
  }
  const d = parseDate(row.value("date"));
  if ("error" in d) {
    ctx.issues.push(rowIssue(row, "date", d.error, { value: text }));
    return undefined;
  }
  if (ctx.year !== undefined && Number(d.date.slice(0, 4)) !== ctx.year) {
    ctx.issues.push(rowIssue(row, "date", "date-outside-year", { date: d.date, year: ctx.year }, "warning"));
  }
  return d.date;
}

function parseCode(row: DataRow, ctx: ParseContext): string | undefined {
  const text = row.text("code");
  if (!text) {
    ctx.issues.push(rowIssue(row, "code", "missing-value", { header: "条款" }));
    return undefined;
  }
  if (!ctx.profile) return undefined;
  // The template's drop-down offers `14.7 着装不整齐…`: the code is the first word.
  const code = ctx.profile.normalizeCode(text) ?? ctx.profile.normalizeCode(text.split(" ")[0]!);
  if (!code) ctx.issues.push(rowIssue(row, "code", "unknown-rule", { value: text }));
  return code;
}

/**
 * The most one row may count. An evaluator records how many times something happened on one row; far
 * beyond that is a typing slip, and it keeps every total (points × quantity, summed over a county's
 * year) exact in integer tenths.
 */
export const MAX_QUANTITY = 9999;

function parseQuantity(row: DataRow, ctx: ParseContext): number | undefined {
  const text = row.text("quantity");
  if (!text) return 1;
  const n = parseInteger(row.value("quantity"));
  if (n === undefined || n <= 0) {
    ctx.issues.push(rowIssue(row, "quantity", "bad-quantity", { value: text }));
    return undefined;
  }
  if (n > MAX_QUANTITY) {
    ctx.issues.push(rowIssue(row, "quantity", "quantity-too-large", { value: text, max: MAX_QUANTITY }));
    return undefined;
  }
  return n;
}

function parseDays(row: DataRow, ctx: ParseContext): number | undefined | null {
  const text = row.text("days");
  if (!text) return undefined;
  const n = parseInteger(row.value("days"));
  if (n === undefined || n < 0) {
    ctx.issues.push(rowIssue(row, "days", "bad-days", { value: text }));
    return null;
  }
  return n;
}

function parsePoints(row: DataRow, code: string | undefined, ctx: ParseContext): number | undefined | null {
  const text = row.text("points");
  if (!text || !code || !ctx.profile) return undefined;
  const rule = ctx.profile.rules.find((r) => r.code === code);
  if (!rule?.range) {
    ctx.issues.push(rowIssue(row, "points", "points-not-allowed", { value: text, code }));
    return null;
  }
  const p = parseTenths(row.value("points"));
  if (p === undefined) {
    ctx.issues.push(
      rowIssue(row, "points", isNumeric(row.value("points")) ? "bad-points" : "not-a-number", {
        value: text,
      }),
    );
    return null;
  }
  if (p < rule.range.min || p > rule.range.max) {
    const params = { value: text, code, min: tenthsText(rule.range.min), max: tenthsText(rule.range.max) };
    ctx.issues.push(rowIssue(row, "points", "points-out-of-range", params));
    return null;
  }
  return p;
}

function checkPeople(row: DataRow, windows: Set<string>, staff: Map<string, StaffRow>, ctx: ParseContext) {
  const window = row.text("window");
  let ok = true;
  if (!window) {
    ctx.issues.push(rowIssue(row, "window", "missing-value", { header: "窗口" }));
    ok = false;
  } else if (!windows.has(window)) {
    ctx.issues.push(rowIssue(row, "window", "unknown-window", { value: window }));
    ok = false;
  }
  const name = row.text("staff");
  const person = name ? staff.get(name) : undefined;
  if (name && !person) {
    ctx.issues.push(rowIssue(row, "staff", "unknown-staff", { value: name }));
    ok = false;
  } else if (person && ok && person.window !== window) {
    const params = { staff: name, window, rosterWindow: person.window };
    ctx.issues.push(rowIssue(row, "staff", "staff-window-mismatch", params, "warning"));
  }
  return { ok, window, name };
}

export function parseIncidents(
  sheet: RawSheet,
  windows: readonly WindowRow[],
  staff: readonly StaffRow[],
  ctx: ParseContext,
): IncidentRow[] | undefined {
  const header = readHeader(sheet, INCIDENTS_TAB, ctx.issues);
  if (!header) return undefined;
  const windowNames = new Set(windows.map((w) => w.name));
  const byName = new Map(staff.map((s) => [s.name, s]));
  const seen = new Map<string, number>();
  const out: IncidentRow[] = [];
  for (const row of dataRows(sheet, header)) {
    const before = ctx.issues.length;
    const date = parseDateCell(row, ctx);
    const people = checkPeople(row, windowNames, byName, ctx);
    const code = parseCode(row, ctx);
    const quantity = parseQuantity(row, ctx);
    const days = parseDays(row, ctx);
    const points = parsePoints(row, code, ctx);
    const verified = parseVerified(row.text("verified"));
    if (verified === undefined)
      ctx.issues.push(rowIssue(row, "verified", "bad-verified", { value: row.text("verified") }));
    let failed = false;
    for (let i = before; i < ctx.issues.length; i++) failed ||= ctx.issues[i]!.severity === "error";
    if (failed || !date || !code || !people.ok || quantity === undefined || days === null || points === null)
      continue;
    const incident: IncidentRow = {
      date,
      window: people.window,
      code,
      quantity,
      verified: verified ?? true,
      source: { sheet: row.sheet, row: row.row },
    };
    if (people.name) incident.staff = people.name;
    if (days !== undefined) incident.days = days;
    if (points !== undefined) incident.points = points;
    const caseId = row.text("case");
    if (caseId) incident.caseId = caseId;
    const note = row.text("note");
    if (note) incident.note = note;
    const person = incident.staff === undefined ? undefined : byName.get(incident.staff);
    if (person && ((person.start && date < person.start) || (person.end && date > person.end))) {
      const params = { staff: person.name, date, start: person.start ?? "", end: person.end ?? "" };
      ctx.issues.push(rowIssue(row, "date", "staff-not-stationed", params, "warning"));
    }
    if (!incident.verified) ctx.issues.push(rowIssue(row, "verified", "unverified-row", { code }, "warning"));
    const key = `${date}|${incident.window}|${incident.staff}|${code}|${quantity}|${days}|${points}|${caseId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.issues.push(rowIssue(row, undefined, "duplicate-incident", { firstRow: first }, "warning"));
    } else seen.set(key, row.row);
    out.push(incident);
  }
  return out;
}
