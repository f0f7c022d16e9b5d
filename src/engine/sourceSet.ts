/** A set of source rows (sheet, row), without building a key string per row. */
import type { SourceRef } from "../core";

export class SourceSet {
  private readonly rows = new Map<string, Set<number>>();

  /** Adds the row; false when it was already there. */
  add(s: SourceRef): boolean {
    let rows = this.rows.get(s.sheet);
    if (!rows) this.rows.set(s.sheet, (rows = new Set()));
    if (rows.has(s.row)) return false;
    rows.add(s.row);
    return true;
  }
}
