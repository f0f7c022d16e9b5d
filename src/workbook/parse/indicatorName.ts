/**
 * Does a checklist's indicator name match the profile's? The profile's name or one of its documented
 * aliases (T7: the seed's full name and the rulebook's short form), in either script, ignoring width,
 * spaces and case. `kaohe score` and `kaohe consolidate` share this check.
 */
import type { IndicatorDef } from "../../rules/types";
import { matchKey } from "../text";

// Traditional → Simplified for the indicator names of 第一篇 (the contract's own map covers headers only).
const NAME_T2S: Record<string, string> = {
  領: "领",
  導: "导",
  視: "视",
  場: "场",
  備: "备",
  設: "设",
  為: "为",
  辦: "办",
  項: "项",
  結: "结",
  報: "报",
  訊: "讯",
  眾: "众",
  訴: "诉",
  訪: "访",
  監: "监",
  電: "电",
  書: "书",
  務: "务",
  況: "况",
};

export function indicatorNameKey(text: string): string {
  let out = "";
  for (const ch of matchKey(text)) out += NAME_T2S[ch] ?? ch;
  return out;
}

/** True when `text` is the indicator's name or one of its aliases. */
export function indicatorNameMatches(def: Pick<IndicatorDef, "name" | "aliases">, text: string): boolean {
  const key = indicatorNameKey(text);
  return key === indicatorNameKey(def.name) || (def.aliases ?? []).some((a) => indicatorNameKey(a) === key);
}
