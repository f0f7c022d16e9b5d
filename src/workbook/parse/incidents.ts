/** 事项记录: one row per behaviour. Errors for bad cells; warnings for suspicious but scorable rows. */
import type { IncidentRow, StaffRow, WindowRow } from "../../engine/types";
import { parseDate } from "../dates";
import { dataRows, readHeader, type DataRow } from "../headers";
import { isNumeric, parseInteger, parseTenths } from "../numbers";
import { INCIDENTS_TAB } from "../schema";
import { matchKey } from "../text";
import type { RawSheet } from "../../core";
import { rowIssue, tenthsText, type ParseContext } from "./context";
import { nearestNames } from "./suggest";

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

/** The roster by person, and by bare name for namesakes (`张伟` → `张伟（0123）`, `张伟（0456）`). */
interface People {
  byName: Map<string, StaffRow[]>;
  byBareName: Map<string, string[]>;
}

function peopleOf(staff: readonly StaffRow[]): People {
  const byName = new Map<string, StaffRow[]>();
  const byBareName = new Map<string, string[]>();
  for (const s of staff) {
    const rows = byName.get(s.name);
    if (rows) {
      rows.push(s);
      continue;
    }
    byName.set(s.name, [s]);
    const bare = s.id && s.name.endsWith(`（${s.id}）`) ? s.name.slice(0, -s.id.length - 2) : s.name;
    byBareName.set(bare, [...(byBareName.get(bare) ?? []), s.name]);
  }
  return { byName, byBareName };
}

const serves = (s: StaffRow, date: string | undefined): boolean =>
  date === undefined ||
  (s.start !== undefined && s.end !== undefined && s.end < s.start) ||
  ((s.start === undefined || s.start <= date) && (s.end === undefined || s.end >= date));

/**
 * The person an incident names: the roster name itself, `姓名（工号）` / `姓名(工号)` / `姓名 工号`, or a
 * bare name shared by namesakes when only one of them served that window (else any window) that day.
 */
function resolvePerson(
  text: string,
  window: string,
  date: string | undefined,
  people: People,
): { name?: string; candidates?: string[] } {
  if (people.byName.has(text)) return { name: text };
  const spelled = text.replace(
    /\s*[(（]\s*([^()（）]+?)\s*[)）]$|\s+(\S+)$/,
    (_, a?: string, b?: string) => `（${a ?? b}）`,
  );
  if (people.byName.has(spelled)) return { name: spelled };
  const namesakes = people.byBareName.get(text);
  if (!namesakes) return {};
  const rowsOf = (n: string) => people.byName.get(n) ?? [];
  for (const pick of [
    (n: string) => rowsOf(n).some((s) => s.window === window && serves(s, date)),
    (n: string) => rowsOf(n).some((s) => serves(s, date)),
  ]) {
    const found = namesakes.filter(pick);
    if (found.length === 1) return { name: found[0] };
  }
  return { candidates: namesakes };
}

/** The roster row a person served on a date: the window they were charged to that day. */
function rowOn(rows: readonly StaffRow[], date: string | undefined): StaffRow | undefined {
  return date === undefined ? rows[0] : rows.find((s) => serves(s, date));
}

/**
 * 窗口 and 人员 of an incident. A blank 窗口 beside a person is the window that person served on the
 * incident's date (a person who moved is charged to the window of the day); a 窗口 other than that
 * one is kept, with a warning. A name not on the roster is an error with the nearest roster names.
 */
function checkPeople(
  row: DataRow,
  windows: Set<string>,
  people: People,
  date: string | undefined,
  ctx: ParseContext,
) {
  let window = row.text("window");
  let ok = true;
  const text = row.text("staff");
  const found = text ? resolvePerson(text, window, date, people) : {};
  const name = found.name;
  const rows = name ? (people.byName.get(name) ?? []) : [];
  // One row: that row's window even outside its dates (a separate warning says so).
  const served = rowOn(rows, date) ?? (rows.length === 1 ? rows[0] : undefined);
  if (!window && served) window = served.window;
  if (!window) {
    ctx.issues.push(rowIssue(row, "window", "missing-value", { header: "窗口" }));
    ok = false;
  } else if (!windows.has(window)) {
    ctx.issues.push(rowIssue(row, "window", "unknown-window", { value: window }));
    ok = false;
  }
  if (text && found.candidates) {
    const candidates = found.candidates.join("、");
    const params = { value: text, candidates, example: found.candidates[0]! };
    ctx.issues.push(rowIssue(row, "staff", "staff-ambiguous", params));
    ok = false;
  } else if (text && !name) {
    const near = nearestNames(text, people.byName.keys());
    if (near.length) {
      const params = { value: text, suggestion: near[0]! };
      ctx.issues.push(rowIssue(row, "staff", "unknown-staff-suggest", params));
    } else ctx.issues.push(rowIssue(row, "staff", "unknown-staff", { value: text }));
    ok = false;
  } else if (name && ok && served && served.window !== window) {
    const params = { staff: name, window, rosterWindow: served.window };
    ctx.issues.push(rowIssue(row, "staff", "staff-window-mismatch", params, "warning"));
  }
  return { ok, window, name, rows };
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
  const roster = peopleOf(staff);
  const seen = new Map<string, number>();
  const out: IncidentRow[] = [];
  for (const row of dataRows(sheet, header)) {
    const before = ctx.issues.length;
    const date = parseDateCell(row, ctx);
    const people = checkPeople(row, windowNames, roster, date, ctx);
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
    if (people.rows.length > 0 && !rowOn(people.rows, date)) {
      const stays = people.rows.map((s) => `${s.window} ${s.start ?? ""} – ${s.end ?? ""}`);
      const only = people.rows.length === 1 ? people.rows[0]! : undefined;
      const params: Record<string, string> = only
        ? { staff: people.name!, date, start: only.start ?? "", end: only.end ?? "" }
        : { staff: people.name!, date, spans: stays.join("；") };
      const code = only ? "staff-not-stationed" : "staff-not-on-roster-then";
      ctx.issues.push(rowIssue(row, "date", code, params, "warning"));
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
