/** What `kaohe score` prints: a human summary, located issue lines, or the one `--json` document. */
import type { Reason } from "../engine/types";
import type { Issue, Locale } from "../core";
import { consolidateTable, problemText } from "../consolidate/messages";
import { fileIssueMessage } from "../workbook/messages/fileMessages";
import { jsonIssue, toJsonReport, type JsonReport } from "../pipeline/jsonReport";
import type { RunOutcome } from "../pipeline/types";
import { formatIssue } from "../workbook/messages";
import { formatReason, TIE_PENDING } from "../workbook/render/format";
import { gradeName } from "./gradeNames";
import { alignColumns } from "./width";

interface Labels {
  title: (unit: string, year: number, profile: string) => string;
  counts: (windows: number, staff: number, incidents: number) => string;
  period: string;
  windows: string;
  staff: string;
  townships: string;
  reasons: string;
  ties: string;
  errors: (n: number) => string;
  warnings: (n: number) => string;
  written: string;
  none: string;
  more: (n: number) => string;
}

const LABELS: Record<Locale, Labels> = {
  "zh-CN": {
    title: (u, y, p) => `${u} ${y} 年度考核（规则版本 ${p}）`,
    counts: (w, s, i) => `窗口 ${w} 个，人员 ${s} 人，事项记录 ${i} 条`,
    period: "期间",
    windows: "窗口等次",
    staff: "人员等次",
    townships: "镇街",
    reasons: "否决、条件与标记",
    ties: "并列待裁定",
    errors: (n) => `错误 ${n} 条，未写入任何文件：`,
    warnings: (n) => `警告 ${n} 条：`,
    written: "已写入",
    none: "无",
    more: (n) => `……另有 ${n} 条未列出（--json 列出全部）`,
  },
  "zh-TW": {
    title: (u, y, p) => `${u} ${y} 年度考核（規則版本 ${p}）`,
    counts: (w, s, i) => `窗口 ${w} 個，人員 ${s} 人，事項記錄 ${i} 條`,
    period: "期間",
    windows: "窗口等次",
    staff: "人員等次",
    townships: "鎮街",
    reasons: "否決、條件與標記",
    ties: "並列待裁定",
    errors: (n) => `錯誤 ${n} 條，未寫入任何檔案：`,
    warnings: (n) => `警告 ${n} 條：`,
    written: "已寫入",
    none: "無",
    more: (n) => `……另有 ${n} 條未列出（--json 列出全部）`,
  },
  en: {
    title: (u, y, p) => `${u}, assessment year ${y} (profile ${p})`,
    counts: (w, s, i) => `${w} windows, ${s} staff, ${i} incident rows`,
    period: "period",
    windows: "window grades",
    staff: "staff grades",
    townships: "townships",
    reasons: "vetoes, conditions and flags",
    ties: "tied across a quota boundary (并列待裁定)",
    errors: (n) => `${n} error(s); nothing was written:`,
    warnings: (n) => `${n} warning(s):`,
    written: "written",
    none: "none",
    more: (n) => `… ${n} more not shown (--json lists all)`,
  },
};

/** File-level problems: this host's codes, and the size/zip-bomb guard's (worded in src/consolidate). */
function fileLevelMessage(issue: Issue, locale: Locale): string | undefined {
  const own = fileIssueMessage(issue, locale);
  if (own !== undefined) return own;
  const guarded = issue.code.startsWith("file-") && consolidateTable(locale)[issue.code] !== undefined;
  return guarded ? problemText(issue, locale) : undefined;
}

/**
 * A located message: `事项记录!D3：…`; file-level issues are worded by the xlsx host and name the file;
 * a workbook-wide issue (e.g. an empty workbook) is prefixed with the file name.
 */
export function issueLine(issue: Issue, locale: Locale, file?: string): string {
  const fileMessage = fileLevelMessage(issue, locale);
  if (fileMessage) return fileMessage;
  // A row-only issue is shown at column A, as in the JSON document (`cell`).
  const located = issue.row !== undefined && issue.column === undefined ? { ...issue, column: 1 } : issue;
  const text = formatIssue(located, locale);
  if (issue.sheet || !file) return text;
  return locale === "en" ? `${file}: ${text}` : `${file}：${text}`;
}

/** The `--json` document; `output` is added when a file was written. */
export function jsonDocument(
  outcome: RunOutcome,
  locale: Locale,
  output?: string,
): JsonReport & { output?: string } {
  const report: JsonReport & { output?: string } = toJsonReport(outcome, locale);
  report.issues = outcome.issues.map((issue) => {
    const json = jsonIssue(issue, locale);
    const fileMessage = fileLevelMessage(issue, locale);
    return fileMessage ? { ...json, message: fileMessage } : json;
  });
  if (output !== undefined) report.output = output;
  return report;
}

const GRADE_ORDER = ["优秀", "合格", "称职", "基本称职", "不合格", "不称职", TIE_PENDING];

function countGrades(items: { grade: string }[], locale: Locale): string {
  const counts = new Map<string, number>();
  for (const { grade } of items) counts.set(grade, (counts.get(grade) ?? 0) + 1);
  const rank = (g: string) => (GRADE_ORDER.includes(g) ? GRADE_ORDER.indexOf(g) : GRADE_ORDER.length);
  return [...counts]
    .sort((a, b) => rank(a[0]) - rank(b[0]))
    .map(([g, n]) => `${gradeName(g, locale)} ${n}`)
    .join(" · ");
}

/** The terminal shows the first SHOWN_ISSUES of a block; the JSON document has them all. */
const SHOWN_ISSUES = 30;
const SHOWN_REASONS = 60;
const SHOWN_TIES = 20;

function issueBlock(issues: Issue[], locale: Locale, heading: string, file?: string): string[] {
  if (issues.length === 0) return [];
  const lines = issues.slice(0, SHOWN_ISSUES).map((i) => `  ${issueLine(i, locale, file)}`);
  if (issues.length > SHOWN_ISSUES) lines.push(`  ${LABELS[locale].more(issues.length - SHOWN_ISSUES)}`);
  return [heading, ...lines];
}

/** Lines for errors only (nothing was written). */
export function errorText(issues: Issue[], locale: Locale, file?: string): string {
  const errors = issues.filter((i) => i.severity === "error");
  const warnings = issues.filter((i) => i.severity === "warning");
  const L = LABELS[locale];
  return [
    ...issueBlock(errors, locale, L.errors(errors.length), file),
    ...issueBlock(warnings, locale, L.warnings(warnings.length), file),
  ]
    .map((l) => `${l}\n`)
    .join("");
}

/** The human summary after a successful run. */
export function summaryText(outcome: RunOutcome, locale: Locale, written: string): string {
  const L = LABELS[locale];
  const result = outcome.result!;
  const input = outcome.input!;
  const lines: string[] = [L.title(result.unit, result.year, result.profile)];
  lines.push(
    L.counts(
      input.windows.length,
      new Set(input.staff.map((s) => s.name)).size,
      input.incidents.filter((i) => !i.derived).length,
    ),
  );
  const shown = result.periods.filter((p) =>
    outcome.period ? p === outcome.period : !/^\d{4}-\d\d$/.test(p),
  );
  if (result.windows.length > 0 || result.staff.length > 0) {
    // Columns aligned by display width (a CJK character takes two terminal columns).
    const table = [[L.period, L.windows, L.staff]];
    for (const p of shown) {
      const w =
        countGrades(
          result.windows.filter((x) => x.period === p),
          locale,
        ) || L.none;
      const s =
        countGrades(
          result.staff.filter((x) => x.period === p),
          locale,
        ) || L.none;
      table.push([p, w, s]);
    }
    lines.push(...alignColumns(table, " | "));
  }
  if (result.townships.length > 0) {
    const rows = result.townships.map((t) => [
      `${L.townships}:`,
      t.unit,
      (t.total / 10).toFixed(1),
      `${gradeName(t.grade, locale)} (${t.rank})`,
    ]);
    lines.push(...alignColumns(rows, " "));
  }
  // One line per entity and reason; the periods it shows in (month, quarter, year) are listed together.
  const reasonLines = new Map<string, string[]>();
  const ties = new Map<string, string[]>();
  const keep = (p: string) => !outcome.period || p === outcome.period;
  const add = (who: string, period: string, reasons: readonly Reason[], tiePending: boolean) => {
    for (const r of reasons) {
      if (r.code === TIE_PENDING) continue;
      const key = `${who}: ${formatReason(r, locale)}`;
      const periods = reasonLines.get(key) ?? [];
      if (!periods.includes(r.period)) periods.push(r.period);
      reasonLines.set(key, periods);
    }
    if (tiePending) ties.set(period, [...(ties.get(period) ?? []), who]);
  };
  for (const w of result.windows.filter((x) => keep(x.period)))
    add(w.window, w.period, w.reasons, w.tiePending);
  for (const s of result.staff.filter((x) => keep(x.period))) {
    add(`${s.name}（${s.window}）`, s.period, s.flags, s.tiePending);
  }
  lines.push(`${L.reasons}:`);
  if (reasonLines.size === 0) lines.push(`  ${L.none}`);
  const reasonList = [...reasonLines].map(([line, periods]) => `  ${line} [${periods.join(", ")}]`);
  lines.push(...reasonList.slice(0, SHOWN_REASONS));
  if (reasonList.length > SHOWN_REASONS) lines.push(`  ${L.more(reasonList.length - SHOWN_REASONS)}`);
  if (ties.size)
    lines.push(
      `${L.ties}:`,
      ...[...ties]
        .sort((a, b) => result.periods.indexOf(a[0]) - result.periods.indexOf(b[0]))
        .map(([p, who]) => {
          const more = who.length > SHOWN_TIES ? ` ${L.more(who.length - SHOWN_TIES)}` : "";
          return `  ${p}: ${who.slice(0, SHOWN_TIES).join("、")}${more}`;
        }),
    );
  lines.push(...issueBlock(outcome.issues, locale, L.warnings(outcome.issues.length)));
  lines.push(`${L.written}: ${written}`);
  return lines.map((l) => `${l}\n`).join("");
}
