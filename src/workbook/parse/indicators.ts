/** 镇街指标: the ten checklist indicators with self and reviewed scores (tenths). */
import type { IndicatorRow } from "../../engine/types";
import { dataRows, readHeader, type DataRow } from "../headers";
import { isNumeric, parseTenths } from "../numbers";
import { INDICATORS_TAB } from "../schema";
import { cleanText } from "../text";
import { indicatorNameMatches } from "./indicatorName";
import type { RawSheet } from "../../core";
import { rowIssue, tenthsText, type ParseContext } from "./context";

function score(row: DataRow, key: string, max: number, ctx: ParseContext): number | undefined | null {
  const text = row.text(key);
  if (!text) return undefined;
  const value = parseTenths(row.value(key));
  if (value === undefined) {
    ctx.issues.push(
      rowIssue(row, key, isNumeric(row.value(key)) ? "bad-points" : "not-a-number", { value: text }),
    );
    return null;
  }
  if (value < 0 || value > max) {
    ctx.issues.push(rowIssue(row, key, "indicator-out-of-range", { value: text, max: tenthsText(max) }));
    return null;
  }
  return value;
}

export function parseIndicators(sheet: RawSheet, ctx: ParseContext): IndicatorRow[] | undefined {
  const header = readHeader(sheet, INDICATORS_TAB, ctx.issues);
  if (!header) return undefined;
  const defs = ctx.profile?.indicators ?? [];
  const out: IndicatorRow[] = [];
  const seen = new Map<string, number>();
  let ok = true;
  for (const row of dataRows(sheet, header)) {
    const idText = row.text("id");
    const def = defs.find((d) => d.id.toUpperCase() === cleanText(idText).toUpperCase());
    if (!def) {
      ctx.issues.push(
        rowIssue(row, "id", idText ? "unknown-indicator" : "missing-value", {
          value: idText,
          header: "序号",
        }),
      );
      ok = false;
      continue;
    }
    const first = seen.get(def.id);
    if (first !== undefined) {
      ctx.issues.push(rowIssue(row, "id", "duplicate-indicator", { value: def.id, firstRow: first }));
      ok = false;
      continue;
    }
    seen.set(def.id, row.row);
    // Same rule as consolidation: another name with the right id and maximum is a warning; a changed
    // maximum is an error (the checklist would no longer add up to the profile's 100).
    const name = row.text("indicator");
    if (name && !indicatorNameMatches(def, name)) {
      const params = { id: def.id, value: name, expected: def.name };
      ctx.issues.push(rowIssue(row, "indicator", "indicator-name-differs", params, "warning"));
    }
    if (row.text("max") && parseTenths(row.value("max")) !== def.max) {
      const params = { id: def.id, value: row.text("max"), expected: tenthsText(def.max) };
      ctx.issues.push(rowIssue(row, "max", "indicator-max-changed", params));
      ok = false;
      continue;
    }
    const self = score(row, "self", def.max, ctx);
    const reviewed = score(row, "reviewed", def.max, ctx);
    if (self === null || reviewed === null) {
      ok = false;
      continue;
    }
    if (self === undefined && reviewed === undefined) {
      ctx.issues.push(rowIssue(row, "self", "missing-value", { header: "自评分" }));
      ok = false;
      continue;
    }
    if (reviewed === undefined)
      ctx.issues.push(rowIssue(row, "reviewed", "not-reviewed", { id: def.id }, "warning"));
    const indicator: IndicatorRow = {
      id: def.id,
      name: def.name,
      max: def.max,
      source: { sheet: row.sheet, row: row.row },
    };
    if (self !== undefined) indicator.self = self;
    if (reviewed !== undefined) indicator.reviewed = reviewed;
    const remark = row.text("remark");
    if (remark) indicator.remark = remark;
    out.push(indicator);
  }
  for (const def of defs) {
    if (!seen.has(def.id) && ok) {
      ctx.issues.push({
        severity: "error",
        code: "missing-indicator",
        sheet: sheet.name,
        params: { id: def.id },
      });
    }
  }
  return out;
}
