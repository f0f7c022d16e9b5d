/** 窗口名册 and 人员名册. */
import type { StaffRow, WindowRow } from "../../engine/types";
import { parseDate } from "../dates";
import { dataRows, readHeader, type DataRow } from "../headers";
import { STAFF_TAB, WINDOWS_TAB } from "../schema";
import { matchKey } from "../text";
import type { RawSheet } from "../types";
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

export function parseStaff(
  sheet: RawSheet,
  windows: readonly WindowRow[],
  ctx: ParseContext,
): StaffRow[] | undefined {
  const header = readHeader(sheet, STAFF_TAB, ctx.issues);
  if (!header) return undefined;
  const windowNames = new Set(windows.map((w) => w.name));
  const out: StaffRow[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRows(sheet, header)) {
    const name = row.text("name");
    if (!name) {
      ctx.issues.push(rowIssue(row, "name", "missing-value", { header: "姓名" }));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      ctx.issues.push(rowIssue(row, "name", "duplicate-staff", { value: name, firstRow: first }));
      continue;
    }
    seen.set(name, row.row);
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
    if (start && end && end < start) {
      ctx.issues.push(rowIssue(row, "end", "staff-dates-reversed", { start, end }, "warning"));
    }
    out.push(s);
  }
  return out;
}
