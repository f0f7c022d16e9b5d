/** UI language: zh-CN (default), zh-TW, en, chosen from Office's display language or the browser's. */
import type { Locale } from "../../src/core";
import { en, type Strings } from "./en";
import { zhCN } from "./zhCN";
import { zhTW } from "./zhTW";

export type { Strings };
export const STRINGS: Record<Locale, Strings> = { "zh-CN": zhCN, "zh-TW": zhTW, en };

/** `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant…` → zh-TW; other `zh…` → zh-CN; anything else → en. */
export function localeFrom(language: string | undefined): Locale {
  const l = (language ?? "").toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(l)) return "zh-TW";
  if (l.startsWith("zh")) return "zh-CN";
  return l === "" ? "zh-CN" : "en";
}

/** Fills `{name}` placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}
