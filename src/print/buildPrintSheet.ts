import type { AssessmentInput, AssessmentResult } from "../engine/types";
import { getProfile, rulebookTitle } from "../rules";
import type { SheetModel } from "../workbook/types";
import { formatPeriod } from "./format";
import type { FormContext } from "./formParts";
import { printLabels } from "./labels";
import { PrintSelectionError, selectForPrint, type PrintOptions } from "./select";
import { PrintSheetBuilder } from "./sheetBuilder";
import { addStaffForm } from "./staffForm";
import {
  COLUMN_COUNT,
  PRINT_COLUMNS,
  PRINT_FONT,
  PRINT_SHEET_NAME,
  PRINT_STYLES,
  printPageSetup,
} from "./styles";
import { addTownshipForm } from "./townshipForm";
import { addWindowForm } from "./windowForm";

/** How many forms (entities) a sheet holds and on which sheet rows each one starts. */
export interface PrintedEntity {
  kind: "window" | "staff" | "township";
  name: string;
  firstRow: number;
  lastRow: number;
  /** How many pages this form takes. */
  pages: number;
}

/**
 * The `打印_考核表` sheet: one form per selected entity, each starting on a new A4 page, rows 1–2 (unit,
 * 考核登记表, period) repeated on every page. Pure: the same result gives the same sheet.
 * @throws PrintSelectionError when the period is not in the result or a chosen name is unknown.
 */
export function buildPrintSheet(
  result: AssessmentResult,
  input: AssessmentInput,
  options: PrintOptions,
): SheetModel {
  return buildPrintSheetWithIndex(result, input, options).sheet;
}

/** As `buildPrintSheet`, also listing the entities in print order with their rows (for hosts and tests). */
export function buildPrintSheetWithIndex(
  result: AssessmentResult,
  input: AssessmentInput,
  options: PrintOptions,
): { sheet: SheetModel; entities: PrintedEntity[] } {
  const { selection, issues } = selectForPrint(result, options);
  if (issues.length > 0) throw new PrintSelectionError(issues);
  const locale = options.locale ?? "zh-CN";
  const L = printLabels(locale);
  const b = new PrintSheetBuilder(options.measure);
  const profile = options.profile?.id === result.profile ? options.profile : getProfile(result.profile);
  const ctx: FormContext = { b, L, result, input, period: options.period, locale };
  if (profile) ctx.tieGrade = profile.tiePendingGrade;
  b.addTitle([`${issuer(result, input)}${L.formTitle}`], "title", [[1, COLUMN_COUNT]]);
  b.addTitle(
    [`${L.period}${L.colon}${formatPeriod(options.period, locale)}\u3000${L.year}${L.colon}${result.year}`],
    "subtitle",
    [[1, COLUMN_COUNT]],
  );

  const entities: PrintedEntity[] = [];
  const track = (kind: PrintedEntity["kind"], name: string, add: () => void): void => {
    add();
    const firstRow = b.rowCount + 1;
    b.endEntity();
    const pages = b.formPages[b.formPages.length - 1] ?? 1;
    entities.push({ kind, name, firstRow, lastRow: b.rowCount, pages });
  };
  const windowPeers = result.windows.filter((w) => w.period === options.period).length;
  const staffPeers = result.staff.filter((s) => s.period === options.period).length;
  const heads = profile?.headRoles ?? [];
  for (const w of selection.windows) {
    track("window", w.window, () => addWindowForm(ctx, w, windowPeers, heads));
  }
  for (const s of selection.staff) track("staff", s.name, () => addStaffForm(ctx, s, staffPeers));
  const rules = rulebookTitle(result.rulebook ?? profile ?? { name: result.profile }, locale);
  for (const t of selection.townships) {
    track("township", t.unit, () => addTownshipForm(ctx, t, result.townships.length, rules));
  }

  const sheet: SheetModel = {
    name: PRINT_SHEET_NAME,
    headerless: true,
    columns: PRINT_COLUMNS.map((c) => ({ ...c })),
    rows: b.rows,
    merges: b.merges,
    rowStyles: b.rowStyles,
    rowStyleDefs: PRINT_STYLES,
    rowHeights: b.rowHeights,
    font: { ...PRINT_FONT },
    pageSetup: printPageSetup(
      b.rowCount,
      b.rowBreaks,
      options.stamp && L.produced(options.stamp.at, options.stamp.fingerprint),
    ),
  };
  return { sheet, entities };
}

/**
 * Who issues the forms (row 1): the centre itself; for a township's own workbook the county it belongs to
 * (考核设置's 所属县), or nobody named when the workbook does not say.
 */
function issuer(result: AssessmentResult, input: AssessmentInput): string {
  if (input.settings.unitType === "镇街") return input.settings.county ? `${input.settings.county} ` : "";
  const unit = result.unit || input.settings.unitName;
  return unit ? `${unit} ` : "";
}
