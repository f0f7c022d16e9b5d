/**
 * Row heights measured by a host that renders (Excel): the builder asks for the height of every row with
 * wrapped text; the host lays those texts out in boxes of the same widths and fonts and reports back, and
 * the forms are paginated again from what it reported.
 */
import type { AssessmentInput, AssessmentResult } from "../engine/types";
import { buildPrintSheetWithIndex } from "./buildPrintSheet";
import type { PrintOptions } from "./select";
import type { RowMeasure, Wrap } from "./sheetBuilder";
import { PRINT_FONT, PRINT_STYLES } from "./styles";

/** One row to measure: its wrapped texts, each in a box `width` character units wide, at `fontSize` pt. */
export interface MeasureRequest {
  style: string;
  fontSize: number;
  wraps: readonly Wrap[];
}

/** A host that can measure rows (ExcelHost): heights in points, in the order asked; undefined if it cannot. */
export interface RowMeasuringHost {
  measureRows(requests: readonly MeasureRequest[], fontName: string): Promise<number[] | undefined>;
}

export function canMeasureRows(host: object): host is RowMeasuringHost {
  return typeof (host as Partial<RowMeasuringHost>).measureRows === "function";
}

const keyOf = (style: string, wraps: readonly Wrap[]): string =>
  JSON.stringify([style, wraps.map((w) => [w.text, w.width])]);

/** The distinct rows with wrapped text the forms of `options` hold (what a host is asked to measure). */
export function measureRequests(
  result: AssessmentResult,
  input: AssessmentInput,
  options: PrintOptions,
): MeasureRequest[] {
  const seen = new Map<string, MeasureRequest>();
  const record: RowMeasure = (style, wraps) => {
    const fontSize = PRINT_STYLES[style]?.fontSize ?? PRINT_FONT.size;
    seen.set(keyOf(style, wraps), { style, fontSize, wraps: [...wraps] });
    return undefined;
  };
  buildPrintSheetWithIndex(result, input, { ...options, measure: record });
  return [...seen.values()];
}

/** The builder's `measure` hook from the heights a host reported for `requests`. */
export function measuredRows(requests: readonly MeasureRequest[], heights: readonly number[]): RowMeasure {
  const byKey = new Map(requests.map((r, i) => [keyOf(r.style, r.wraps), heights[i]]));
  return (style, wraps) => byKey.get(keyOf(style, wraps));
}
