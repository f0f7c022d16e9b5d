/** Grade names as the reader's locale writes them (the engine and the result tabs keep the rulebook's). */
import type { Locale } from "../core";

// Every grade of the built-in profiles, and the tie marker, in Traditional characters.
const ZH_TW: Readonly<Record<string, string>> = {
  优秀: "優秀",
  合格: "合格",
  不合格: "不合格",
  称职: "稱職",
  基本称职: "基本稱職",
  不称职: "不稱職",
  并列待裁定: "並列待裁定",
};

/** `称职` → `稱職` in zh-TW; unchanged in zh-CN and en (the grades are the rulebook's own terms). */
export function gradeName(grade: string, locale: Locale): string {
  return locale === "zh-TW" ? (ZH_TW[grade] ?? grade) : grade;
}
