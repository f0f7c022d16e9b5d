/** Words for consolidation problems; codes of the workbook and the xlsx host are worded by their owners. */
import type { Issue, Locale } from "../core";
import { fileIssueMessage } from "../workbook/messages/fileMessages";
import { cellAddress } from "../workbook/cells";
import { issueText } from "../workbook/messages";
import type { Problem } from "./types";

type Table = Record<string, string>;

const ZH_CN: Table = {
  "file-broken-link": "文件 {file}：是符号链接，但指向的文件不存在，未汇总",
  "file-not-regular": "文件 {file}：不是普通文件（是命名管道、设备或套接字），未读取",
  "output-is-input": "--out {file} 是输入文件之一，不会覆盖它；请把汇总结果写到输入以外的文件",
  "missing-checklist": "缺少“{tab}”工作表（镇街考核清单），无法汇总",
  "not-township": "单位类型为“{value}”，不是镇街工作簿",
  "checklist-unknown-indicator": "未知指标“{value}”",
  "checklist-duplicate-indicator": "指标 {id} 出现两次",
  "checklist-missing-indicator": "缺少指标 {id}",
  "checklist-name-changed":
    "指标 {id} 名称为“{value}”，与规则版本的“{expected}”不同；序号和分值一致，照常汇总",
  "checklist-max-changed": "指标 {id} 分值为 {value}，与规则版本的 {expected} 不符（疑似改动）",
  "checklist-not-number": "指标 {id} 的得分“{value}”不是数字",
  "checklist-out-of-range": "指标 {id} 的得分 {value} 超出 0–{max}",
  "checklist-no-score": "指标 {id} 既无自评分也无复核分",
  "other-year": "考核年度为 {value}，与汇总年度 {expected} 不同，未汇总",
  "other-profile": "规则版本为“{value}”，与汇总的“{expected}”不同，未汇总",
  "other-rulebook":
    "按考核规则“{value}”（版本：{valueVersion}）考核，与汇总所用的“{expected}”（版本：{expectedVersion}）不同，未汇总",
  "duplicate-township": "镇街“{township}”出现在多个文件中（{files}），均未汇总；请用 --prefer 指定采用哪一个",
  "duplicate-township-not-preferred":
    "镇街“{township}”出现在多个文件中（{files}），已按指定采用另一个文件，本文件未汇总",
  "township-unreadable": "文件 {file}：读不出单位设置或镇街指标，未汇总",
  "windows-not-scored": "本镇街的窗口考核有 {detail} 处错误，未计算窗口结果（镇街指标照常汇总）",
};

const ZH_TW: Table = {
  "file-broken-link": "檔案 {file}：是符號連結，但指向的檔案不存在，未彙總",
  "file-not-regular": "檔案 {file}：不是一般檔案（是具名管道、裝置或通訊端），未讀取",
  "output-is-input": "--out {file} 是輸入檔案之一，不會覆寫它；請把彙總結果寫到輸入以外的檔案",
  "missing-checklist": "缺少「{tab}」工作表（鎮街考核清單），無法彙總",
  "not-township": "單位類型為「{value}」，不是鎮街活頁簿",
  "checklist-unknown-indicator": "未知指標「{value}」",
  "checklist-duplicate-indicator": "指標 {id} 出現兩次",
  "checklist-missing-indicator": "缺少指標 {id}",
  "checklist-name-changed":
    "指標 {id} 名稱為「{value}」，與規則版本的「{expected}」不同；序號和分值一致，照常彙總",
  "checklist-max-changed": "指標 {id} 分值為 {value}，與規則版本的 {expected} 不符（疑似改動）",
  "checklist-not-number": "指標 {id} 的得分「{value}」不是數字",
  "checklist-out-of-range": "指標 {id} 的得分 {value} 超出 0–{max}",
  "checklist-no-score": "指標 {id} 既無自評分也無複核分",
  "other-year": "考核年度為 {value}，與彙總年度 {expected} 不同，未彙總",
  "other-profile": "規則版本為「{value}」，與彙總的「{expected}」不同，未彙總",
  "other-rulebook":
    "按考核規則「{value}」（版本：{valueVersion}）考核，與彙總所用的「{expected}」（版本：{expectedVersion}）不同，未彙總",
  "duplicate-township":
    "鎮街「{township}」出現在多個檔案中（{files}），均未彙總；請用 --prefer 指定採用哪一個",
  "duplicate-township-not-preferred":
    "鎮街「{township}」出現在多個檔案中（{files}），已依指定採用另一個檔案，本檔案未彙總",
  "township-unreadable": "檔案 {file}：讀不出單位設定或鎮街指標，未彙總",
  "windows-not-scored": "本鎮街的窗口考核有 {detail} 處錯誤，未計算窗口結果（鎮街指標照常彙總）",
};

const EN: Table = {
  "file-broken-link": "file {file}: a symbolic link to a file that does not exist; left out",
  "file-not-regular": "file {file}: not a regular file (a FIFO, device or socket); not read",
  "output-is-input":
    "--out {file} is one of the input files and is never overwritten; write the county workbook elsewhere",
  "missing-checklist": 'no "{tab}" sheet (township checklist); cannot consolidate',
  "not-township": 'unit type is "{value}": not a township workbook',
  "checklist-unknown-indicator": 'unknown indicator "{value}"',
  "checklist-duplicate-indicator": "indicator {id} appears twice",
  "checklist-missing-indicator": "indicator {id} is missing",
  "checklist-name-changed":
    'indicator {id} is named "{value}", not "{expected}" as in the profile; same id and maximum, so it still counts',
  "checklist-max-changed": "indicator {id} has maximum {value}, not {expected} as in the profile (altered)",
  "checklist-not-number": 'indicator {id}: score "{value}" is not a number',
  "checklist-out-of-range": "indicator {id}: score {value} outside 0–{max}",
  "checklist-no-score": "indicator {id} has neither a self nor a reviewed score",
  "other-year": "assessment year {value} differs from the consolidated year {expected}; left out",
  "other-profile": 'rules profile "{value}" differs from the consolidated "{expected}"; left out',
  "other-rulebook":
    'scored under the rulebook "{value}" (version: {valueVersion}), not the consolidated "{expected}" (version: {expectedVersion}); left out',
  "duplicate-township":
    'township "{township}" appears in several files ({files}); none counted: choose one with --prefer',
  "duplicate-township-not-preferred":
    'township "{township}" appears in several files ({files}); another was preferred, this one is left out',
  "township-unreadable": "file {file}: no settings or township checklist could be read; left out",
  "windows-not-scored":
    "the township's window tabs have {detail} error(s): window results not computed (the checklist still counts)",
};

const TABLES: Record<Locale, Table> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/** Every code worded here (for the locale parity test). */
export const CONSOLIDATE_MESSAGE_CODES = Object.keys(EN);

export function consolidateTable(locale: Locale): Readonly<Table> {
  return TABLES[locale];
}

/** The message of an issue without its location. */
export function problemText(issue: Issue, locale: Locale = "zh-CN"): string {
  const template = TABLES[locale][issue.code];
  if (template !== undefined) {
    const params = issue.params ?? {};
    return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
      params[key] === undefined ? whole : String(params[key]),
    );
  }
  return fileIssueMessage(issue, locale) ?? issueText(issue, locale);
}

/** `a.xlsx 镇街指标!E5：…` for stderr (file-level messages as they are: they name the file). */
export function problemLine(problem: Problem, locale: Locale = "zh-CN"): string {
  const { issue } = problem;
  const where = issue.sheet ? ` ${cellAddress(issue.sheet, issue.row, issue.column)}` : "";
  // File-level messages already name the file.
  if (!where && issue.params?.file !== undefined) return problemText(issue, locale);
  return `${problem.file}${where}${locale === "en" ? ": " : "："}${problemText(issue, locale)}`;
}
