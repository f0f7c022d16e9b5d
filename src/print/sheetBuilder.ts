import type { CellValue } from "../core";
import type { MergeModel } from "../workbook/types";
import { displayWidth } from "./format";
import { COLUMN_COUNT, LINE_HEIGHT, PAGE_BODY_POINTS, PRINT_STYLES } from "./styles";

/** A span of columns to merge in one row: first column (1-based) and how many columns. */
export type Span = [column: number, count: number];

/** A text printed wrapped in a box of `width` character units (for the row's height). */
export interface Wrap {
  text: string;
  width: number;
}

/**
 * The height in points a host gives a row of `style` whose wrapped texts are `wraps`; undefined when the
 * host has no measurement for it (the builder then estimates from the text's display width).
 */
export type RowMeasure = (style: string, wraps: readonly Wrap[]) => number | undefined;

/** Rows that open every page of a form: the heading, and the page line (第 k 页 共 n 页, 填表日期 on page 1). */
export interface PageOpening {
  heading(continued: boolean): void;
  /** Fills in the page line of page `page` of `pages` (written after the form is paginated). */
  pageLine(page: number, pages: number): CellValue[];
}

interface PendingRow {
  cells: CellValue[];
  style: string;
  spans: Span[];
  height: number;
  /** Rows to repeat under the heading when a page break falls before this row (a table header). */
  resume: (() => void) | undefined;
}

/**
 * Accumulates the rows of the print sheet. Each form is collected whole, then paginated: it starts a new
 * page; a page holds what its measured row heights allow; a continuation page repeats the heading (marked
 * （续）) and the table header; the closing part (result, reasons, opinions and signatures) stays on one page
 * with the last rows of the table before it; pages are numbered within the form.
 */
export class PrintSheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly merges: MergeModel[] = [];
  readonly rowStyles: Record<number, string> = {};
  readonly rowHeights: Record<number, number> = {};
  readonly rowBreaks: number[] = [];
  /** Pages of each form, in order (for tests and the PDF checks). */
  readonly formPages: number[] = [];
  private pending: PendingRow[] | undefined;
  private resume: (() => void) | undefined;
  private closingAt: number | undefined;
  private keepAt: number | undefined;
  private opening: PageOpening | undefined;

  constructor(private readonly measure?: RowMeasure) {}

  /** Adds a row that is not paginated (the repeated title rows). */
  addTitle(cells: CellValue[], style: string, spans: Span[]): void {
    this.push(cells, style, spans, this.styleHeight(style));
  }

  /** Starts collecting a form; `opening` writes the rows that open each of its pages. */
  startEntity(opening: PageOpening): void {
    if (this.pending) this.endEntity();
    this.pending = [];
    this.resume = undefined;
    this.closingAt = undefined;
    this.keepAt = undefined;
    this.opening = opening;
  }

  /** While set, a page break before a later row first repeats these rows (a table header) under the heading. */
  setContinuation(fn: (() => void) | undefined): void {
    this.resume = fn;
  }

  /**
   * The closing part starts here: it is kept on one page together with the last `tailRows` rows before
   * it (the end of the table), so the result and signatures never stand alone.
   */
  beginClosing(tailRows: number): void {
    const rows = this.pending ?? [];
    this.closingAt = Math.max(0, rows.length - tailRows);
    this.resume = undefined;
  }

  /** From here to the end of the form nothing is split (the signature block). */
  keepRestTogether(): void {
    this.keepAt = this.pending?.length ?? 0;
  }

  /** Adds a form row; `wraps` are its wrapped texts, so a long text gets a taller row instead of being cut. */
  add(cells: CellValue[], style: string, spans: Span[] = [], wraps: Wrap[] = []): void {
    const row: PendingRow = { cells, style, spans, height: this.heightOf(style, wraps), resume: this.resume };
    if (this.pending) this.pending.push(row);
    else this.push(cells, style, spans, row.height);
  }

  styleHeight(style: string): number {
    return PRINT_STYLES[style]?.height ?? 15;
  }

  get rowCount(): number {
    return this.rows.length;
  }

  /** Paginates and writes the form collected since `startEntity`. */
  endEntity(): void {
    const rows = this.pending;
    const opening = this.opening;
    this.pending = undefined;
    if (!rows || !opening) return;
    const pages = this.paginate(rows, opening);
    if (this.formPages.length > 0) this.rowBreaks.push(this.rows.length);
    pages.forEach((page, p) => {
      if (p > 0) this.rowBreaks.push(this.rows.length);
      for (const r of page) {
        const cells = r.style === "page-line" ? opening.pageLine(p + 1, pages.length) : r.cells;
        this.push(cells, r.style, r.spans, r.height);
      }
    });
    this.formPages.push(pages.length);
  }

  /** Splits a form into pages of at most PAGE_BODY_POINTS, by the rows' heights. */
  private paginate(rows: PendingRow[], opening: PageOpening): PendingRow[][] {
    const openingRows = (continued: boolean, resume?: () => void): PendingRow[] =>
      this.collect(() => {
        opening.heading(continued);
        this.add([], "page-line");
        resume?.();
      });
    const height = (list: PendingRow[]): number => list.reduce((h, r) => h + r.height, 0);
    const capacity = PAGE_BODY_POINTS - height(openingRows(true));
    const pages: PendingRow[][] = [];
    let page = openingRows(false);
    let used = height(page);
    let body = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      let need = row.height;
      // A block to keep whole is only kept whole when it can fit on a page at all.
      const keep = (from: number | undefined): void => {
        if (from !== undefined && i === from) {
          const block = height(rows.slice(from));
          if (block <= capacity) need = Math.max(need, block);
        }
      };
      keep(this.keepAt);
      keep(this.closingAt);
      if (body > 0 && used + need > PAGE_BODY_POINTS) {
        pages.push(page);
        page = openingRows(true, row.resume);
        used = height(page);
        body = 0;
      }
      page.push(row);
      used += row.height;
      body++;
    }
    pages.push(page);
    return pages;
  }

  /** The rows `fn` adds, collected instead of written. */
  private collect(fn: () => void): PendingRow[] {
    const saved = { pending: this.pending, resume: this.resume };
    this.pending = [];
    try {
      fn();
      return this.pending;
    } finally {
      this.pending = saved.pending;
      this.resume = saved.resume;
    }
  }

  private heightOf(style: string, wraps: readonly Wrap[]): number {
    const base = this.styleHeight(style);
    const measured = wraps.length > 0 ? this.measure?.(style, wraps) : undefined;
    if (measured !== undefined) return Math.max(base, measured);
    const lines = Math.max(1, ...wraps.map((w) => wrappedLines(w.text, w.width)));
    return Math.max(base, lines * LINE_HEIGHT + 4);
  }

  private push(cells: CellValue[], style: string, spans: Span[], height: number): number {
    if (cells.length > COLUMN_COUNT)
      throw new Error(`print row has ${cells.length} cells; the form has ${COLUMN_COUNT}`);
    const padded: CellValue[] = Array.from({ length: COLUMN_COUNT }, (_, i) => cells[i] ?? null);
    this.rows.push(padded);
    const row = this.rows.length;
    this.rowStyles[row] = style;
    if (height !== PRINT_STYLES[style]?.height) this.rowHeights[row] = height;
    for (const [column, count] of spans) {
      if (count > 1) this.merges.push({ row, column, rowSpan: 1, columnSpan: count });
    }
    return row;
  }
}

/**
 * Lines a text takes wrapped in `width` character units, in display columns of which a unit holds 1.2
 * (less one for the cell's padding). Glyph widths as LibreOffice draws them at 9–10 pt with the CJK
 * fallback font (test/print/wrapCalibration.test.ts): a CJK glyph takes 2 columns, a capital letter or
 * digit 1.3, other ASCII 1. On that sample it never counts fewer lines than LibreOffice draws and
 * counts at most two more in the narrowest box; explicit line breaks start new lines.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width * 1.2 - 1);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(printWidth(line) / room)), 0);
}

/** Display columns of a line as printed: capitals and digits are wider than other ASCII. */
function printWidth(line: string): number {
  let wide = 0;
  for (const ch of line) if (/[A-Z0-9]/.test(ch)) wide++;
  return displayWidth(line) + 0.3 * wide;
}
