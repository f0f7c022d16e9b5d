import type { CellValue, MergeModel } from "../workbook/types";
import { displayWidth } from "./format";
import { COLUMN_COUNT, LINE_HEIGHT, PAGE_BODY_POINTS, PRINT_STYLES } from "./styles";

/** A span of columns to merge in one row: first column (1-based) and how many columns. */
export type Span = [column: number, count: number];

/**
 * Accumulates the rows of the print sheet and paginates them: every entity starts a page, and a
 * table that runs past a page continues on the next one under a repeated heading and table header.
 */
export class PrintSheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly merges: MergeModel[] = [];
  readonly rowStyles: Record<number, string> = {};
  readonly rowHeights: Record<number, number> = {};
  readonly rowBreaks: number[] = [];
  private used = 0;
  private continuation: (() => void) | undefined;

  /** Adds a row that is not paginated (the repeated title rows). */
  addTitle(cells: CellValue[], style: string, spans: Span[]): void {
    this.push(cells, style, spans);
  }

  /** Starts an entity on a fresh page. */
  startEntity(): void {
    if (this.used > 0) this.breakPage();
    this.continuation = undefined;
  }

  /** While set, a page break inside the form first re-emits these rows (its heading, a table header). */
  setContinuation(fn: (() => void) | undefined): void {
    this.continuation = fn;
  }

  /** Breaks the page first when `points` more would not fit (keeps a block such as the signatures together). */
  keepTogether(points: number): void {
    if (this.used > 0 && this.used + points > PAGE_BODY_POINTS) this.newPage();
  }

  /**
   * Adds a form row. `wrapColumns` maps a text to the width it is printed in, so a long text gets a
   * taller row instead of being cut off.
   */
  add(cells: CellValue[], style: string, spans: Span[] = [], wrap?: { text: string; width: number }): number {
    const height = this.heightOf(style, wrap);
    if (this.used > 0 && this.used + height > PAGE_BODY_POINTS) this.newPage();
    const row = this.push(cells, style, spans);
    if (height !== PRINT_STYLES[style]?.height) this.rowHeights[row] = height;
    this.used += height;
    return row;
  }

  styleHeight(style: string): number {
    return PRINT_STYLES[style]?.height ?? 15;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  private heightOf(style: string, wrap?: { text: string; width: number }): number {
    const base = this.styleHeight(style);
    if (!wrap) return base;
    // At 9 pt a CJK glyph takes about 1.7 width units, not 2 (measured in LibreOffice; SimSun in Excel alike).
    const lines = Math.max(1, Math.ceil(displayWidth(wrap.text) / Math.max(1, wrap.width * 1.2 - 1)));
    return base + (lines - 1) * LINE_HEIGHT;
  }

  /** Breaks the page and re-emits the continuation rows (heading, table header) on the new page. */
  private newPage(): void {
    this.breakPage();
    const resume = this.continuation;
    if (resume) {
      this.continuation = undefined;
      resume();
      this.continuation = resume;
    }
  }

  private breakPage(): void {
    this.rowBreaks.push(this.rows.length);
    this.used = 0;
  }

  private push(cells: CellValue[], style: string, spans: Span[]): number {
    if (cells.length > COLUMN_COUNT)
      throw new Error(`print row has ${cells.length} cells; the form has ${COLUMN_COUNT}`);
    const padded: CellValue[] = Array.from({ length: COLUMN_COUNT }, (_, i) => cells[i] ?? null);
    this.rows.push(padded);
    const row = this.rows.length;
    this.rowStyles[row] = style;
    for (const [column, count] of spans) {
      if (count > 1) this.merges.push({ row, column, rowSpan: 1, columnSpan: count });
    }
    return row;
  }
}
