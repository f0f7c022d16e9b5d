/** Text normalisation for matching headers, tab names, enums and codes. */

// Traditional → Simplified for the characters the workbook contract uses (headers, tabs, enums).
const T2S: Record<string, string> = {
  項: "项",
  單: "单",
  稱: "称",
  類: "类",
  規: "规",
  則: "则",
  屬: "属",
  縣: "县",
  冊: "册",
  員: "员",
  記: "记",
  錄: "录",
  鎮: "镇",
  標: "标",
  辦: "办",
  賬: "账",
  帳: "账",
  曆: "历",
  駐: "驻",
  備: "备",
  註: "注",
  職: "职",
  務: "务",
  崗: "岗",
  進: "进",
  離: "离",
  開: "开",
  條: "条",
  數: "数",
  編: "编",
  號: "号",
  實: "实",
  評: "评",
  複: "复",
  復: "复",
  說: "说",
  諾: "诺",
  時: "时",
  結: "结",
  滿: "满",
  對: "对",
  間: "间",
  負: "负",
  責: "责",
  節: "节",
  優: "优",
  資: "资",
  計: "计",
  總: "总",
  設: "设",
  細: "细",
  統: "统",
  臺: "台",
  確: "确",
  認: "认",
  個: "个",
  與: "与",
  體: "体",
  測: "测",
  區: "区",
  銅: "铜",
  陽: "阳",
  週: "周",
  報: "报",
  關: "关",
  價: "价",
  級: "级",
  處: "处",
};

/** Fold full-width ASCII (U+FF01–FF5E) and the ideographic space to half-width. */
export function foldWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCodePoint(c - 0xfee0);
    else if (c === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Traditional → Simplified for the contract's characters only (others unchanged). */
export function toSimplified(text: string): string {
  let out = "";
  for (const ch of text) out += T2S[ch] ?? ch;
  return out;
}

/** Trimmed, width-folded cell text; inner runs of white space collapsed to one space. */
export function cleanText(text: string): string {
  // Fast path: most cells hold nothing to fold and no spaces (bulk incident and case rows).
  if (!NEEDS_CLEANING.test(text)) return text;
  return foldWidth(text).replace(/\s+/g, " ").trim();
}

const NEEDS_CLEANING = /[\uff01-\uff5e\u3000\s]/;

/** Key for alias matching: folded, Simplified, lower-case, without spaces, `_` or `-`. */
export function matchKey(text: string): string {
  return toSimplified(cleanText(text))
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

/** Display width in Excel character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}
