/** 窗口名册 and 人员名册. */
import type { StaffRow, WindowRow } from "../../engine/types";
import { parseDate } from "../dates";
import { dataRows, readHeader, type DataRow } from "../headers";
import { STAFF_TAB, WINDOWS_TAB } from "../schema";
import { matchKey } from "../text";
import type { RawSheet } from "../../core";
import { rowIssue, type ParseContext } from "./context";

const ROLES: Record<string, string> = {
  首席代表: "首席代表",
  chiefrepresentative: "首席代表",
  负责人: "负责人",
  head: "负责人",
  工作人员: "工作人员",
  staff: "工作人员",
};

export function parseWindows(sheet: RawSheet, ctx: ParseContext): WindowRow[] | undefined {
  const header = readHeader(sheet, WINDOWS_TAB, ctx.issues);
  if (!header) return undefined;
  const out: WindowRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows(sheet, header)) {
    const name = row.text("window");
    if (!name) {
      ctx.issues.push(rowIssue(row, "window", "missing-value", { header: "窗口" }));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      ctx.issues.push(rowIssue(row, "window", "duplicate-window", { value: name, firstRow: first }));
      continue;
    }
    seen.set(name, row.row);
    const w: WindowRow = {
      name,
      department: row.text("department"),
      source: { sheet: row.sheet, row: row.row },
    };
    const note = row.text("note");
    if (note) w.note = note;
    out.push(w);
  }
  return out;
}

function optionalDate(row: DataRow, key: string, ctx: ParseContext): string | undefined {
  if (!row.text(key)) return undefined;
  const d = parseDate(row.value(key));
  if ("date" in d) return d.date;
  ctx.issues.push(rowIssue(row, key, d.error, { value: row.text(key) }));
  return undefined;
}

interface RosterLine {
  row: DataRow;
  staff: StaffRow;
  /** 工号/身份证后四位, blank when absent. */
  id: string;
}

/** One roster row, checked on its own; undefined when it has no name. */
function staffLine(row: DataRow, windowNames: Set<string>, ctx: ParseContext): RosterLine | undefined {
  const name = row.text("name");
  if (!name) {
    ctx.issues.push(rowIssue(row, "name", "missing-value", { header: "姓名" }));
    return undefined;
  }
  const window = row.text("window");
  if (!window) ctx.issues.push(rowIssue(row, "window", "missing-value", { header: "窗口" }));
  else if (!windowNames.has(window))
    ctx.issues.push(rowIssue(row, "window", "unknown-window", { value: window }));
  const roleText = row.text("role");
  const role = roleText ? ROLES[matchKey(roleText)] : "工作人员";
  if (!role) ctx.issues.push(rowIssue(row, "role", "bad-role", { value: roleText }));
  const post = row.text("post").toUpperCase();
  if (post && post !== "A" && post !== "B")
    ctx.issues.push(rowIssue(row, "post", "bad-post", { value: post }));
  const s: StaffRow = { name, window, role: role ?? roleText, source: { sheet: row.sheet, row: row.row } };
  if (post) s.post = post;
  const start = optionalDate(row, "start", ctx);
  const end = optionalDate(row, "end", ctx);
  if (start) s.start = start;
  if (end) s.end = end;
  const id = row.text("id");
  if (id) s.id = id;
  return { row, staff: s, id };
}

const FIRST = "0000-01-01";
const LAST = "9999-12-31";

/** The first day two rows' stays share, if they overlap (a blank date is open-ended). */
function overlap(a: StaffRow, b: StaffRow): string | undefined {
  const from = (a.start ?? FIRST) > (b.start ?? FIRST) ? (a.start ?? FIRST) : (b.start ?? FIRST);
  const to = (a.end ?? LAST) < (b.end ?? LAST) ? (a.end ?? LAST) : (b.end ?? LAST);
  return from <= to ? from : undefined;
}

/**
 * The rows of one name: people told apart by 工号/身份证后四位; one person's rows must not overlap in
 * time (one window at a time) and must keep their dates in order. A row with no id beside namesakes
 * with ids cannot be placed. Reports at the cell; returns the rows kept, renamed `姓名（工号）` when
 * the name is shared by several people.
 */
function checkName(lines: RosterLine[], ctx: ParseContext): StaffRow[] {
  const ids = [...new Set(lines.map((l) => l.id).filter((id) => id))];
  const out: StaffRow[] = [];
  const people = new Map<string, RosterLine[]>();
  for (const l of lines) {
    if (!l.id && ids.length > 1) {
      const first = lines.find((o) => o.id)!;
      const params = { value: l.staff.name, firstRow: first.row.row, id: first.id };
      ctx.issues.push(rowIssue(l.row, "id", "staff-id-missing", params));
      continue;
    }
    const key = l.id || ids[0] || "";
    people.set(key, [...(people.get(key) ?? []), l]);
  }
  for (const [id, rows] of people) {
    const several = rows.length > 1;
    const kept: RosterLine[] = [];
    for (const l of rows) {
      const s = l.staff;
      const reversed = s.start !== undefined && s.end !== undefined && s.end < s.start;
      // One row: reversed dates are a warning (as ever). Several rows: they cannot be placed in time.
      if (reversed) {
        const params = { start: s.start!, end: s.end! };
        ctx.issues.push(
          rowIssue(l.row, "end", "staff-dates-reversed", params, several ? "error" : "warning"),
        );
        if (several) continue;
      }
      const clash = kept.find((k) => overlap(k.staff, s) !== undefined);
      if (clash) {
        const dated = [clash.staff, s].some((r) => r.start !== undefined || r.end !== undefined);
        const firstRow = clash.row.row;
        if (dated) {
          const params = { value: s.name, firstRow, date: overlap(clash.staff, s)! };
          ctx.issues.push(rowIssue(l.row, s.start ? "start" : "end", "staff-rows-overlap", params));
        } else ctx.issues.push(rowIssue(l.row, "name", "duplicate-staff", { value: s.name, firstRow }));
        continue;
      }
      kept.push(l);
    }
    const shared = people.size > 1;
    for (const l of kept) out.push(shared ? { ...l.staff, name: `${l.staff.name}（${id}）` } : l.staff);
  }
  return out;
}

/**
 * 人员名册: one row per person and window stay. A person who moved between windows has one row per
 * window with non-overlapping 进驻日期 / 离开日期; namesakes are told apart by 工号/身份证后四位.
 */
export function parseStaff(
  sheet: RawSheet,
  windows: readonly WindowRow[],
  ctx: ParseContext,
): StaffRow[] | undefined {
  const header = readHeader(sheet, STAFF_TAB, ctx.issues);
  if (!header) return undefined;
  const windowNames = new Set(windows.map((w) => w.name));
  const byName = new Map<string, RosterLine[]>();
  for (const row of dataRows(sheet, header)) {
    const line = staffLine(row, windowNames, ctx);
    if (!line) continue;
    const list = byName.get(line.staff.name);
    if (list) list.push(line);
    else byName.set(line.staff.name, [line]);
  }
  const kept: StaffRow[] = [];
  for (const lines of byName.values()) kept.push(...checkName(lines, ctx));
  // Roster order, as the rows stand.
  return kept.sort((a, b) => a.source.row - b.source.row);
}
