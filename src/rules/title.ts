import type { Locale } from "../core";

/** A rulebook as people name it: its own name, and its version when it has one. */
export interface RulebookName {
  name: string;
  version?: string;
}

const VERSIONED: Record<Locale, (name: string, version: string) => string> = {
  "zh-CN": (n, v) => `${n}（版本 ${v}）`,
  "zh-TW": (n, v) => `${n}（版本 ${v}）`,
  en: (n, v) => `${n} (version ${v})`,
};

/** `示例县…考核办法（版本 2025.1）`; the name alone when the rulebook carries no version. */
export function rulebookTitle(rulebook: RulebookName, locale: Locale = "zh-CN"): string {
  const version = rulebook.version?.trim();
  return version ? VERSIONED[locale](rulebook.name, version) : rulebook.name;
}
