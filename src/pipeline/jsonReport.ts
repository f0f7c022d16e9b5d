/** The `kaohe score --json` document: one-decimal numbers, codes first in reasons. */
import type { Reason } from "../engine/types";
import type { Issue, Locale } from "../core";
import { cellRef } from "../workbook/cells";
import { issueText } from "../workbook/messages";
import { townshipNoteText } from "../workbook/messages/reasons";
import { formatReason, TIE_PENDING } from "../workbook/render/format";
import type { RunOutcome } from "./types";

export interface JsonIssue {
  severity: Issue["severity"];
  sheet?: string;
  cell?: string;
  code: string;
  message: string;
}

export interface JsonReport {
  unit: string | null;
  year: number | null;
  profile: string | null;
  windows: Record<string, unknown>[];
  staff: Record<string, unknown>[];
  townships: Record<string, unknown>[];
  issues: JsonIssue[];
}

/** Tenths → a number with one decimal. */
const num = (tenths: number) => Math.round(tenths) / 10 + 0; // never -0 in JSON

function reasonList(reasons: readonly Reason[], tiePending: boolean): string[] {
  const list = reasons.map((r) => formatReason(r));
  if (tiePending && !reasons.some((r) => r.code === TIE_PENDING)) list.push(TIE_PENDING);
  return list;
}

/** An issue with `cell` like `D3` (column A when only the row is known). */
export function jsonIssue(issue: Issue, locale: Locale = "zh-CN"): JsonIssue {
  const out: JsonIssue = { severity: issue.severity, code: issue.code, message: issueText(issue, locale) };
  if (issue.sheet) out.sheet = issue.sheet;
  if (issue.row !== undefined) out.cell = cellRef(issue.row, issue.column ?? 1);
  return out;
}

/** Exactly the `--json` document; on errors the issues and no results. */
export function toJsonReport(outcome: RunOutcome, locale: Locale = "zh-CN"): JsonReport {
  const settings = outcome.input?.settings;
  const result = outcome.ok ? outcome.result : undefined;
  const keep = (p: string) => outcome.period === undefined || p === outcome.period;
  return {
    unit: result?.unit ?? settings?.unitName ?? null,
    year: result?.year ?? settings?.year ?? null,
    profile: result?.profile ?? settings?.profile ?? null,
    windows: (result?.windows ?? [])
      .filter((w) => keep(w.period))
      .map((w) => ({
        period: w.period,
        window: w.window,
        department: w.department,
        deductions: num(w.deductions),
        bonuses: num(w.bonuses),
        score: num(w.score),
        rank: w.rank,
        grade: w.grade,
        eligible: w.eligible,
        reasons: reasonList(w.reasons, w.tiePending),
      })),
    staff: (result?.staff ?? [])
      .filter((s) => keep(s.period))
      .map((s) => ({
        period: s.period,
        name: s.name,
        window: s.window,
        de: num(s.categories.de ?? 0),
        neng: num(s.categories.neng ?? 0),
        qin: num(s.categories.qin ?? 0),
        ji: num(s.categories.ji ?? 0),
        bonuses: num(s.bonuses),
        score: num(s.score),
        rank: s.rank,
        grade: s.grade,
        eligible: s.eligible,
        flags: reasonList(s.flags, s.tiePending),
      })),
    townships: (result?.townships ?? []).map((t) => ({
      unit: t.unit,
      indicators: Object.fromEntries(Object.entries(t.indicators).map(([id, p]) => [id, num(p)])),
      total: num(t.total),
      rank: t.rank,
      grade: t.grade,
      notes: t.notes.map((n) => townshipNoteText(n)),
    })),
    issues: outcome.issues.map((i) => jsonIssue(i, locale)),
  };
}
