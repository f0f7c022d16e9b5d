/** Strings of the progress bar and its cancel button (the pane, and the page's open and download). */
import type { Locale } from "../../src/core";

export interface ProgressStrings {
  cancel: string;
  /** After a cancelled step of the pane. */
  cancelled: string;
  /** After a cancelled open on the page. */
  openCancelled: string;
  opening: string;
  downloading: string;
  /** The bar's text with its share done. */
  percent: string;
}

export const PROGRESS_STRINGS: Record<Locale, ProgressStrings> = {
  "zh-CN": {
    cancel: "取消",
    cancelled: "已取消，工作簿保持原样。",
    openCancelled: "已取消打开 {name}。",
    opening: "正在打开 {name}…",
    downloading: "正在生成评分工作簿…",
    percent: "{label} {n}%",
  },
  "zh-TW": {
    cancel: "取消",
    cancelled: "已取消，活頁簿保持原樣。",
    openCancelled: "已取消開啟 {name}。",
    opening: "正在開啟 {name}…",
    downloading: "正在產生評分活頁簿…",
    percent: "{label} {n}%",
  },
  en: {
    cancel: "Cancel",
    cancelled: "Cancelled; the workbook is as it was.",
    openCancelled: "Opening {name} was cancelled.",
    opening: "Opening {name}…",
    downloading: "Preparing the scored workbook…",
    percent: "{label} {n}%",
  },
};
