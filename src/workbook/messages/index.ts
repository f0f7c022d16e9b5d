/** Issue → words in zh-CN (default), zh-TW or en, with the cell address in front (`事项记录!D3：…`). */
import type { Issue, Locale } from "../../core";
import { cellAddress } from "../cells";
import { en, type MessageKey } from "./en";
import { zhCN } from "./zh-CN";
import { zhTW } from "./zh-TW";

export const MESSAGES: Record<Locale, Record<MessageKey, string>> = { "zh-CN": zhCN, "zh-TW": zhTW, en };

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

/** The message alone, without location. Unknown codes fall back to the code and its parameters. */
export function issueText(issue: Issue, locale: Locale = "zh-CN"): string {
  const params = issue.params ?? {};
  const table = MESSAGES[locale] ?? zhCN;
  const template = Object.prototype.hasOwnProperty.call(table, issue.code)
    ? table[issue.code as MessageKey]
    : undefined;
  if (template !== undefined) return fill(template, params);
  const list = Object.entries(params).map(([k, v]) => `${k}=${v}`);
  return list.length ? `${issue.code} (${list.join(", ")})` : issue.code;
}

/** `事项记录!D3：未知条款“14.99”` / `事项记录!D3: unknown rule code "14.99"`. */
export function formatIssue(issue: Issue, locale: Locale = "zh-CN"): string {
  const text = issueText(issue, locale);
  if (!issue.sheet) return text;
  const where = cellAddress(issue.sheet, issue.row, issue.column);
  return locale === "en" ? `${where}: ${text}` : `${where}：${text}`;
}
