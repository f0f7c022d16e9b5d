/** How the host reaches Excel: `Excel.run` and the requirement-set check, injectable for tests. */

export interface ExcelRuntime {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  isSetSupported(version: string): boolean;
}

/** The real thing, from the globals office.js defines. */
export function officeRuntime(): ExcelRuntime {
  return {
    run: (batch) => Excel.run(batch),
    isSetSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  };
}

/** Optional API features, each detected once per host. */
export interface ExcelFeatures {
  /** 1.2 `format.columnWidth`. */
  columnWidth: boolean;
  /** 1.6 `application.suspendApiCalculationUntilNextSync`. */
  suspendCalculation: boolean;
  /** 1.7 `freezePanes`, `range.hyperlink`. */
  freezeAndLinks: boolean;
  /** 1.8 `range.dataValidation`. */
  dataValidation: boolean;
  /** 1.9 `application.suspendScreenUpdatingUntilNextSync`. */
  suspendScreen: boolean;
  /** 1.18 `workbook.notes`. */
  notes: boolean;
}

export function detectFeatures(runtime: ExcelRuntime): ExcelFeatures {
  const has = (v: string): boolean => runtime.isSetSupported(v);
  return {
    columnWidth: has("1.2"),
    suspendCalculation: has("1.6"),
    freezeAndLinks: has("1.7"),
    dataValidation: has("1.8"),
    suspendScreen: has("1.9"),
    notes: has("1.18"),
  };
}

/** What the user gets less of on this Excel; the pane shows these (keys of taskpane locale tables). */
export type FeatureNotice = "noNotes" | "noValidation" | "noFreeze" | "noPageLayout";

export function featureNotices(f: ExcelFeatures): FeatureNotice[] {
  const out: FeatureNotice[] = [];
  if (!f.notes) out.push("noNotes");
  if (!f.dataValidation) out.push("noValidation");
  if (!f.freezeAndLinks) out.push("noFreeze");
  return out;
}
