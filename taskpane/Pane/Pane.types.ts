import type { FeatureNotice } from "../../src/hosts/excel/runtime";
import type { RunOptions, RunOutcome } from "../../src/pipeline/types";
import type { Locale, RawSheet } from "../../src/core";
import type { ProgressListener } from "../../src/workbook/progress";
import type { SheetModel, WorkbookHost } from "../../src/workbook/types";

/** A WorkbookHost, optionally telling which features this Excel lacks. Components never see Office.js. */
export interface PaneHost extends WorkbookHost {
  notices?(): FeatureNotice[];
  /** Just the 考核设置 tab (its year sets the period picker); hosts without it are read whole. */
  readSettings?(): Promise<RawSheet | undefined>;
  /** Reads and scores where the workbook lives (the standalone page's worker) instead of in the pane. */
  /** `rulebook`: a rulebook file's JSON text to score under instead of the workbook's 规则版本. */
  assess?(options: RunOptions, rulebook?: string): Promise<RunOutcome>;
  /** Where long reads and writes report their progress (undefined to stop). */
  onProgress?(listener: ProgressListener | undefined): void;
  /** Stops the running step; the workbook stays as it was before it. */
  cancel?(): void;
}

export type PeriodKind = "all" | "month" | "quarter" | "year";

/** Which forms 打印考核表 writes (chosen names are a CLI option: `kaohe print --who a,b`). */
export type PrintKind = "all" | "windows" | "staff" | "township";

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** Month 1–12 or quarter 1–4. */
  index: number;
}

export type Busy = "reading" | "scoring" | "writing" | "clearing" | null;

export interface PaneMessage {
  intent: "success" | "error" | "warning" | "info";
  text: string;
}

export interface PaneProps {
  host: PaneHost;
  locale: Locale;
  /** Called after anything was written (the standalone page offers the download then). */
  onWritten?: () => void;
  /** Called with the print tab after 打印考核表 (the standalone page shows it as printable HTML). */
  onPrinted?: (sheet: SheetModel) => void;
  /** The page's own county flow; without it (Excel) the pane shows the county flow itself. */
  onConsolidate?: () => void;
}

export interface PaneState {
  busy: Busy;
  outcome?: RunOutcome;
  period: PeriodChoice;
  /** "" = the workbook's 规则版本. */
  profile: string;
  messages: PaneMessage[];
  /** The workbook's 考核年度 (empty until read; only these years are offered). */
  years: number[];
}
