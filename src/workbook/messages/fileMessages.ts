/** Words for file-level issues: sniffing, the size and zip-bomb guard, reading and writing (the workbook's own issues are worded in src/workbook). */
import type { Issue, Locale } from "../../core";

type Table = Record<string, string>;

const ZH_CN: Table = {
  "file-empty": "文件 {file}：文件为空（0 字节），不是 Excel 工作簿",
  "file-text":
    "文件 {file}：是文本/CSV 文件，不是 .xlsx 工作簿；请在 Excel 中打开后“另存为 Excel 工作簿(*.xlsx)”",
  "file-xls": "文件 {file}：是旧版 Excel 97-2003 (.xls) 格式；请在 Excel 中“另存为 Excel 工作簿(*.xlsx)”",
  "file-encrypted": "文件 {file}：工作簿设有打开密码（已加密），无法读取；请取消密码后另存为 .xlsx",
  "file-cfb": "文件 {file}：是 OLE 复合文档，不是 .xlsx 工作簿",
  "file-xlsm": "文件 {file}：是启用宏的工作簿 (.xlsm)；为避免丢失宏，请另存为不含宏的 .xlsx 后再考核",
  "file-ods": "文件 {file}：是 OpenDocument 表格 (.ods)；请另存为 Excel 工作簿(*.xlsx)",
  "file-not-workbook": "文件 {file}：是 zip 压缩包，但不含 Excel 工作簿 (xl/workbook.xml)",
  "file-truncated": "文件 {file}：文件不完整（被截断），无法读取；请重新复制或下载",
  "file-corrupt": "文件 {file}：文件已损坏，无法作为 .xlsx 读取{detail}",
  "file-unknown": "文件 {file}：无法识别的文件格式，不是 .xlsx 工作簿",
  "file-not-found": "文件 {file}：找不到该文件",
  "file-unreadable": "文件 {file}：无法读取（{detail}）",
  "file-write-failed": "文件 {file}：无法写入（{detail}），未写入任何内容",
  "file-features-lost": "文件 {file}：含有{features}，考核结果副本中不会保留这些内容（原文件不受影响）",
  "file-too-large": "文件 {file}：文件过大（{sizeMb} MB，上限 {maxMb} MB），未读取",
  "file-unzipped-too-large": "文件 {file}：解压后内容过大（超过 {maxMb} MB），疑似压缩炸弹，未读取",
  "file-too-many-cells": "文件 {file}：单元格过多（超过 {max} 个），未读取",
  "file-size-mismatch":
    "文件 {file}：压缩包内 {entry} 的实际大小超过其声明大小（{declared} 字节），文件已损坏或被篡改，未读取",
  "file-too-many-rows": "文件 {file}：行过多（超过 {max} 行，含仅设格式的空行），未读取",
  "file-bad-xml": "文件 {file}：{part} 不是合法的 XML（{detail}），未读取",
  "file-doctype": "文件 {file}：{part} 含 DOCTYPE 声明，为安全起见不予读取",
  "file-cell-out-of-grid":
    "文件 {file}：{sheet} 的单元格引用超出 Excel 表格范围（第 {row} 行，第 {column} 列），未读取",
  "file-bad-cell": "文件 {file}：{cell} 的值无法读取（{detail}），未读取",
  "file-formula-no-value":
    "文件 {file}：{cell} 是公式，但文件中没有保存其计算结果，考核无法得知其值；请在 Excel 或 WPS 中打开并保存后再考核",
  "file-cannot-write": "文件 {file}：无法在保留原内容的前提下写入标记（{part}：{detail}），未写入任何内容",
  "file-prefixed-xml":
    "文件 {file}：工作表以带命名空间前缀的 XML 写成（如部分政务系统导出），本页面暂不能读取；请用命令行 kaohe score，或在 Excel/WPS 中另存后再打开",
  "file-bad-flag-record":
    "文件 {file}：考核标记记录 {cell} 已被改动或损坏，无法安全清除上次的标记，未写入任何内容",
};

const ZH_TW: Table = {
  "file-empty": "檔案 {file}：檔案為空（0 位元組），不是 Excel 活頁簿",
  "file-text":
    "檔案 {file}：是文字/CSV 檔，不是 .xlsx 活頁簿；請在 Excel 中開啟後「另存為 Excel 活頁簿(*.xlsx)」",
  "file-xls": "檔案 {file}：是舊版 Excel 97-2003 (.xls) 格式；請在 Excel 中「另存為 Excel 活頁簿(*.xlsx)」",
  "file-encrypted": "檔案 {file}：活頁簿設有開啟密碼（已加密），無法讀取；請取消密碼後另存為 .xlsx",
  "file-cfb": "檔案 {file}：是 OLE 複合文件，不是 .xlsx 活頁簿",
  "file-xlsm": "檔案 {file}：是啟用巨集的活頁簿 (.xlsm)；為避免遺失巨集，請另存為不含巨集的 .xlsx 後再考核",
  "file-ods": "檔案 {file}：是 OpenDocument 試算表 (.ods)；請另存為 Excel 活頁簿(*.xlsx)",
  "file-not-workbook": "檔案 {file}：是 zip 壓縮檔，但不含 Excel 活頁簿 (xl/workbook.xml)",
  "file-truncated": "檔案 {file}：檔案不完整（被截斷），無法讀取；請重新複製或下載",
  "file-corrupt": "檔案 {file}：檔案已損壞，無法作為 .xlsx 讀取{detail}",
  "file-unknown": "檔案 {file}：無法識別的檔案格式，不是 .xlsx 活頁簿",
  "file-not-found": "檔案 {file}：找不到該檔案",
  "file-unreadable": "檔案 {file}：無法讀取（{detail}）",
  "file-write-failed": "檔案 {file}：無法寫入（{detail}），未寫入任何內容",
  "file-features-lost": "檔案 {file}：含有{features}，考核結果副本中不會保留這些內容（原檔案不受影響）",
  "file-too-large": "檔案 {file}：檔案過大（{sizeMb} MB，上限 {maxMb} MB），未讀取",
  "file-unzipped-too-large": "檔案 {file}：解壓後內容過大（超過 {maxMb} MB），疑似壓縮炸彈，未讀取",
  "file-too-many-cells": "檔案 {file}：儲存格過多（超過 {max} 個），未讀取",
  "file-size-mismatch":
    "檔案 {file}：壓縮檔內 {entry} 的實際大小超過其宣告大小（{declared} 位元組），檔案已損壞或被竄改，未讀取",
  "file-too-many-rows": "檔案 {file}：列過多（超過 {max} 列，含僅設格式的空列），未讀取",
  "file-bad-xml": "檔案 {file}：{part} 不是合法的 XML（{detail}），未讀取",
  "file-doctype": "檔案 {file}：{part} 含 DOCTYPE 宣告，為安全起見不予讀取",
  "file-cell-out-of-grid":
    "檔案 {file}：{sheet} 的儲存格參照超出 Excel 工作表範圍（第 {row} 列，第 {column} 欄），未讀取",
  "file-bad-cell": "檔案 {file}：{cell} 的值無法讀取（{detail}），未讀取",
  "file-formula-no-value":
    "檔案 {file}：{cell} 是公式，但檔案中沒有儲存其計算結果，考核無法得知其值；請在 Excel 或 WPS 中開啟並儲存後再考核",
  "file-cannot-write": "檔案 {file}：無法在保留原內容的前提下寫入標記（{part}：{detail}），未寫入任何內容",
  "file-prefixed-xml":
    "檔案 {file}：工作表以帶命名空間前綴的 XML 寫成（如部分政務系統匯出），本頁面暫不能讀取；請用命令列 kaohe score，或在 Excel/WPS 中另存後再開啟",
  "file-bad-flag-record":
    "檔案 {file}：考核標記紀錄 {cell} 已被改動或損壞，無法安全清除上次的標記，未寫入任何內容",
};

const EN: Table = {
  "file-empty": "file {file}: the file is empty (0 bytes), not an Excel workbook",
  "file-text":
    "file {file}: a text/CSV file, not an .xlsx workbook; open it in Excel and save as Excel Workbook (*.xlsx)",
  "file-xls": "file {file}: a legacy Excel 97-2003 (.xls) file; save it as Excel Workbook (*.xlsx)",
  "file-encrypted":
    "file {file}: the workbook is password-protected (encrypted) and cannot be read; remove the password and save as .xlsx",
  "file-cfb": "file {file}: an OLE compound document, not an .xlsx workbook",
  "file-xlsm":
    "file {file}: a macro-enabled workbook (.xlsm); save a copy without macros as .xlsx to score it",
  "file-ods": "file {file}: an OpenDocument spreadsheet (.ods); save it as Excel Workbook (*.xlsx)",
  "file-not-workbook": "file {file}: a zip archive without an Excel workbook (xl/workbook.xml)",
  "file-truncated": "file {file}: the file is incomplete (truncated); copy or download it again",
  "file-corrupt": "file {file}: the file is damaged and cannot be read as .xlsx{detail}",
  "file-unknown": "file {file}: unrecognised file format, not an .xlsx workbook",
  "file-not-found": "file {file}: no such file",
  "file-unreadable": "file {file}: cannot be read ({detail})",
  "file-write-failed": "file {file}: cannot be written ({detail}); nothing was written",
  "file-features-lost":
    "file {file}: contains {features}, which the scored copy will not keep (the input file is unchanged)",
  "file-too-large": "file {file}: too large ({sizeMb} MB, limit {maxMb} MB); not read",
  "file-unzipped-too-large": "file {file}: unzips to more than {maxMb} MB (likely a zip bomb); not read",
  "file-too-many-cells": "file {file}: more than {max} cells; not read",
  "file-size-mismatch":
    "file {file}: zip entry {entry} inflates past its declared size ({declared} bytes): damaged or tampered; not read",
  "file-too-many-rows": "file {file}: more than {max} rows (formatted empty rows included); not read",
  "file-bad-xml": "file {file}: {part} is not well-formed XML ({detail}); not read",
  "file-doctype": "file {file}: {part} declares a DOCTYPE, which is refused for safety; not read",
  "file-cell-out-of-grid":
    "file {file}: {sheet} refers to a cell outside Excel's grid (row {row}, column {column}); not read",
  "file-bad-cell": "file {file}: the value of {cell} cannot be read ({detail}); not read",
  "file-formula-no-value":
    "file {file}: {cell} is a formula saved without its result, so Kaohe cannot know its value; open and save the file in Excel or WPS, then score again",
  "file-cannot-write":
    "file {file}: flags cannot be written while keeping the file as it is ({part}: {detail}); nothing was written",
  "file-prefixed-xml":
    "file {file}: its sheets are written with namespace-prefixed XML (as some government systems export), which this page cannot read yet; use the command line kaohe score, or save it again in Excel/WPS",
  "file-bad-flag-record":
    "file {file}: the flag record cell {cell} was edited or damaged, so the earlier flags cannot be cleared safely; nothing was written",
};

const FEATURE_NAMES: Record<string, [string, string]> = {
  charts: ["图表", "圖表"],
  "pivot tables": ["数据透视表", "樞紐分析表"],
  slicers: ["切片器", "交叉分析篩選器"],
  timelines: ["日程表", "時間表"],
};

function zhFeatures(list: string, locale: Locale): string {
  const i = locale === "zh-TW" ? 1 : 0;
  return list
    .split(", ")
    .map((f) => FEATURE_NAMES[f]?.[i] ?? f)
    .join("、");
}

const TABLES: Record<Locale, Table> = { "zh-CN": ZH_CN, "zh-TW": ZH_TW, en: EN };

/** Every file-level code this host raises (for locale parity tests). */
export const FILE_MESSAGE_CODES = Object.keys(EN);

/** The message for a file-level issue, or undefined when the code is not one of this host's. */
export function fileIssueMessage(issue: Issue, locale: Locale = "zh-CN"): string | undefined {
  const template = TABLES[locale][issue.code];
  if (template === undefined) return undefined;
  const params: Record<string, string | number> = { file: "", detail: "", features: "", ...issue.params };
  if (locale !== "en" && typeof params.features === "string")
    params.features = zhFeatures(params.features, locale);
  if (issue.code === "file-corrupt" && params.detail !== "") params.detail = ` (${String(params.detail)})`;
  return template.replace(/\{(\w+)\}/g, (_m, key: string) => String(params[key] ?? ""));
}
