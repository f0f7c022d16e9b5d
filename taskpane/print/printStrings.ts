/** Words of the stale notice and the print preview, per language (kept beside the components that use them). */
import type { Locale } from "../../src/core";

export interface PrintStrings {
  stale: string;
  rescore: string;
  staleBeforePrint: string;
  preview: string;
  printButton: string;
  previewHint: string;
  printedExcel: string;
  close: string;
}

export const PRINT_STRINGS: Record<Locale, PrintStrings> = {
  "zh-CN": {
    stale: "结果已过期，请重新考核",
    rescore: "重新考核",
    staleBeforePrint: "结果已过期，请重新考核后再打印：输入表在上次考核后已修改。",
    preview: "考核表预览",
    printButton: "打印",
    previewHint: "考核表显示在下方（A4，分页与 Excel 中相同）；点“打印”由浏览器输出纸张或另存为 PDF。",
    printedExcel:
      "已写入“打印_考核表”（A4 纵向、一页宽、每份表单独分页）。请切换到该工作表，按 Ctrl+P（文件 → 打印）打印或另存为 PDF。",
    close: "关闭",
  },
  "zh-TW": {
    stale: "結果已過期，請重新考核",
    rescore: "重新考核",
    staleBeforePrint: "結果已過期，請重新考核後再列印：輸入表在上次考核後已修改。",
    preview: "考核表預覽",
    printButton: "列印",
    previewHint: "考核表顯示在下方（A4，分頁與 Excel 中相同）；點「列印」由瀏覽器輸出紙張或另存為 PDF。",
    printedExcel:
      "已寫入「打印_考核表」（A4 直向、一頁寬、每份表單獨分頁）。請切換到該工作表，按 Ctrl+P（檔案 → 列印）列印或另存為 PDF。",
    close: "關閉",
  },
  en: {
    stale: "The results are out of date: score again",
    rescore: "Score again",
    staleBeforePrint:
      "The results are out of date (the input tabs changed since the last scoring): score again before printing.",
    preview: "Forms preview",
    printButton: "Print",
    previewHint:
      "The forms are shown below (A4, the same pages as in Excel); Print sends them to paper or PDF.",
    printedExcel:
      "The forms are in the 打印_考核表 tab (A4 portrait, one page wide, each form on its own pages). Go to that tab and press Ctrl+P (File → Print) to print or save as PDF.",
    close: "Close",
  },
};
