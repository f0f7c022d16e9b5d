/** Words of the stale notice and the print preview, per language (kept beside the components that use them). */
import type { Locale } from "../../src/pipeline/types";

export interface PrintStrings {
  stale: string;
  rescore: string;
  staleBeforePrint: string;
  preview: string;
  previewHint: string;
  printedExcel: string;
  close: string;
}

export const PRINT_STRINGS: Record<Locale, PrintStrings> = {
  "zh-CN": {
    stale: "结果已过期，请重新考核",
    rescore: "重新考核",
    staleBeforePrint: "结果已过期，请重新考核后再打印：输入表在上次考核后已修改。",
    preview: "预览并打印",
    previewHint: "在新窗口中打开考核表（A4，与 Excel 中的分页相同），用浏览器的“打印”输出纸张或 PDF。",
    printedExcel:
      "已写入“打印_考核表”（A4 纵向、一页宽、每份表单独分页）。请切换到该工作表，按 Ctrl+P（文件 → 打印）打印或另存为 PDF。",
    close: "关闭",
  },
  "zh-TW": {
    stale: "結果已過期，請重新考核",
    rescore: "重新考核",
    staleBeforePrint: "結果已過期，請重新考核後再列印：輸入表在上次考核後已修改。",
    preview: "預覽並列印",
    previewHint: "在新視窗中開啟考核表（A4，與 Excel 中的分頁相同），用瀏覽器的「列印」輸出紙張或 PDF。",
    printedExcel:
      "已寫入「打印_考核表」（A4 直向、一頁寬、每份表單獨分頁）。請切換到該工作表，按 Ctrl+P（檔案 → 列印）列印或另存為 PDF。",
    close: "關閉",
  },
  en: {
    stale: "The results are out of date: score again",
    rescore: "Score again",
    staleBeforePrint:
      "The results are out of date (the input tabs changed since the last scoring): score again before printing.",
    preview: "Preview and print",
    previewHint:
      "Opens the forms in a new window (A4, the same pages as in Excel); use the browser's Print for paper or PDF.",
    printedExcel:
      "The forms are in the 打印_考核表 tab (A4 portrait, one page wide, each form on its own pages). Go to that tab and press Ctrl+P (File → Print) to print or save as PDF.",
    close: "Close",
  },
};
