/**
 * Words for the engine's own reason sentences and township notes, by locale. The engine gives a key and params; the
 * rulebook's words among the params (a title such as 先进个人, a tie text) are the county's and pass through.
 */
import type { Locale } from "../../core";
import type { Reason, ReasonWords, TownshipNote } from "../../engine/types";

type Wording = { [K in ReasonWords["key"]]: (w: Extract<ReasonWords, { key: K }>) => string };

const ZH_CN: Wording = {
  gradeTie: (w) => `得分并列且跨越名额边界,名额${w.settled ? "已" : "待"}人工裁定`,
  bottomTie: (w) => `${w.tieText},${w.settled ? "已" : "待"}人工裁定`,
  advancedTie: (w) => `${w.title}候选人得分并列,${w.settled ? "已" : "待"}人工裁定`,
  honourTie: (w) => `${w.honour}名额边界得分并列,${w.settled ? "已" : "待"}人工裁定`,
  advancedQuarter: (w) => `季度${w.title}候选人(报中心批准)`,
  advancedYear: (w) => `年度${w.title}`,
  override: (w) => `${w.field} → ${w.value}:${w.why}(${w.by})`,
};

const ZH_TW: Wording = {
  gradeTie: (w) => `得分並列且跨越名額邊界，名額${w.settled ? "已" : "待"}人工裁定`,
  bottomTie: (w) => `${w.tieText}，${w.settled ? "已" : "待"}人工裁定`,
  advancedTie: (w) => `${w.title}候選人得分並列，${w.settled ? "已" : "待"}人工裁定`,
  honourTie: (w) => `${w.honour}名額邊界得分並列，${w.settled ? "已" : "待"}人工裁定`,
  advancedQuarter: (w) => `季度${w.title}候選人（報中心批准）`,
  advancedYear: (w) => `年度${w.title}`,
  override: (w) => `${w.field} → ${w.value}：${w.why}（${w.by}）`,
};

const EN: Wording = {
  gradeTie: (w) =>
    `tied score across the quota line: ${w.settled ? "decided by hand" : "awaiting a decision by hand"}`,
  bottomTie: (w) => `${w.tieText}: ${w.settled ? "decided by hand" : "awaiting a decision by hand"}`,
  advancedTie: (w) =>
    `${w.title} candidates tied: ${w.settled ? "decided by hand" : "awaiting a decision by hand"}`,
  honourTie: (w) =>
    `${w.honour} tied across the quota line: ${w.settled ? "decided by hand" : "awaiting a decision by hand"}`,
  advancedQuarter: (w) => `quarterly ${w.title} candidate (for the centre's approval)`,
  advancedYear: (w) => `${w.title} of the year`,
  override: (w) => `${w.field} → ${w.value}: ${w.why} (${w.by})`,
};

const WORDINGS: Record<Locale, Wording> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/** The reason's sentence: the engine's words in the locale, else the rulebook's text. */
export function reasonText(reason: Pick<Reason, "text" | "words">, locale: Locale = "zh-CN"): string {
  const w = reason.words;
  if (!w) return reason.text;
  const say = (WORDINGS[locale] ?? ZH_CN)[w.key] as (words: ReasonWords) => string;
  return say(w);
}

type NoteWording = { [K in TownshipNote["key"]]: (n: Extract<TownshipNote, { key: K }>) => string };

const tenths = (points: number) => (points / 10).toFixed(1);
const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;

const NOTES_ZH_CN: NoteWording = {
  unreviewed: (n) => `${n.indicator} ${n.text}`,
  evidence: (n) => `${n.indicator} ${n.text} ${n.count} 件`,
  caseLogSuggestion: (n) => `${n.indicator} 建议 ${tenths(n.points)} (按期办结率 ${percent(n.rate)})`,
};

const NOTES: Record<Locale, NoteWording> = {
  "zh-CN": NOTES_ZH_CN,
  "zh-TW": {
    unreviewed: (n) => `${n.indicator} ${n.text}`,
    evidence: (n) => `${n.indicator} ${n.text} ${n.count} 件`,
    caseLogSuggestion: (n) => `${n.indicator} 建議 ${tenths(n.points)}（按期辦結率 ${percent(n.rate)}）`,
  },
  en: {
    unreviewed: (n) => `${n.indicator} ${n.text}`,
    evidence: (n) => `${n.indicator} ${n.text}: ${n.count}`,
    caseLogSuggestion: (n) => `${n.indicator} suggested ${tenths(n.points)} (on time ${percent(n.rate)})`,
  },
};

/** A township note in the locale: `T6 建议 13.5 (按期办结率 90.0%)`. */
export function townshipNoteText(note: TownshipNote, locale: Locale = "zh-CN"): string {
  const say = (NOTES[locale] ?? NOTES_ZH_CN)[note.key] as (n: TownshipNote) => string;
  return say(note);
}
