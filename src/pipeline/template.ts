/** `kaohe template`: every input tab with headers, drop-down lists and the ten indicators prefilled. */
import { listProfiles, type Profile } from "../rules";
import {
  CALENDAR_TAB,
  CASES_TAB,
  DEFAULT_PROFILE,
  INCIDENTS_TAB,
  INDICATORS_TAB,
  OVERRIDES_TAB,
  SETTINGS_TAB,
  STAFF_TAB,
  WINDOWS_TAB,
  type TabDef,
} from "../workbook/schema";
import type { CellValue } from "../core";
import type { ColumnFormat, SheetModel, ValidationModel } from "../workbook/types";

export const LIST_SHEET = "列表";
/** Rows offered drop-downs in the template (header is row 1). */
export const TEMPLATE_ROWS = 2000;

const DATE_COLUMNS = new Set(["date", "start", "end", "received", "completed"]);
const POINT_COLUMNS = new Set(["points", "max", "self", "reviewed"]);
const NUMBER_COLUMNS = new Set(["quantity", "days", "promised"]);

function format(key: string): ColumnFormat {
  if (DATE_COLUMNS.has(key)) return "date";
  if (POINT_COLUMNS.has(key)) return "points";
  if (NUMBER_COLUMNS.has(key)) return "integer";
  return "text";
}

/** Column number (1-based) of a key in a tab's canonical order. */
function columnOf(def: TabDef, key: string): number {
  return def.columns.findIndex((c) => c.key === key) + 1;
}

function tab(def: TabDef, rows: CellValue[][], validations: ValidationModel[] = []): SheetModel {
  return {
    name: def.name,
    columns: def.columns.map((c) => ({
      header: c.header,
      width: Math.max(8, c.header.length * 2 + 4),
      format: format(c.key),
    })),
    rows,
    freezeRows: 1,
    validations,
  };
}

const sheetRange = (sheet: string, column: string, last: number) =>
  `'${sheet}'!$${column}$2:$${column}$${last}`;

function dropDown(def: TabDef, key: string, source: string[] | string): ValidationModel {
  const v: ValidationModel = { column: columnOf(def, key), firstRow: 2, lastRow: TEMPLATE_ROWS + 1 };
  if (typeof source === "string") v.listRange = source;
  else v.list = source;
  return v;
}

export interface TemplateOptions {
  /** Prefilled 考核年度; blank when absent. */
  year?: number;
  unitType?: "县中心" | "镇街";
}

/** The blank workbook's tabs (the hidden `列表` sheet holds the codes with their Chinese text). */
export function buildTemplate(profile: Profile, options: TemplateOptions = {}): SheetModel[] {
  const codes = profile.rules.map((r) => `${r.code} ${r.text}`);
  const windowsRange = sheetRange(WINDOWS_TAB.name, "A", TEMPLATE_ROWS + 1);
  const staffRange = sheetRange(STAFF_TAB.name, "A", TEMPLATE_ROWS + 1);
  const yesNo = ["是", "否"];
  const settings = tab(
    SETTINGS_TAB,
    [
      ["单位名称", ""],
      ["单位类型", options.unitType ?? "县中心"],
      ["考核年度", options.year ?? null],
      ["规则版本", profile.id || DEFAULT_PROFILE],
      ["所属县", ""],
    ],
    [
      { column: 2, firstRow: 3, lastRow: 3, list: ["县中心", "镇街"] },
      { column: 2, firstRow: 5, lastRow: 5, list: listProfiles().map((p) => p.id) },
    ],
  );
  return [
    settings,
    tab(WINDOWS_TAB, []),
    tab(
      STAFF_TAB,
      [],
      [
        dropDown(STAFF_TAB, "window", windowsRange),
        dropDown(STAFF_TAB, "role", ["首席代表", "负责人", "工作人员"]),
        dropDown(STAFF_TAB, "post", ["A", "B"]),
      ],
    ),
    tab(
      INCIDENTS_TAB,
      [],
      [
        dropDown(INCIDENTS_TAB, "window", windowsRange),
        dropDown(INCIDENTS_TAB, "staff", staffRange),
        dropDown(INCIDENTS_TAB, "code", sheetRange(LIST_SHEET, "A", codes.length + 1)),
        dropDown(INCIDENTS_TAB, "verified", yesNo),
      ],
    ),
    tab(
      INDICATORS_TAB,
      profile.indicators.map((i) => [i.id, i.name, i.max / 10, null, null, i.criterion]),
    ),
    tab(
      CASES_TAB,
      [],
      [
        dropDown(CASES_TAB, "window", windowsRange),
        dropDown(CASES_TAB, "type", ["即办件", "承诺件"]),
        dropDown(CASES_TAB, "satisfaction", ["满意", "基本满意", "不满意"]),
      ],
    ),
    tab(CALENDAR_TAB, [], [dropDown(CALENDAR_TAB, "type", ["节假日", "工作日"])]),
    tab(OVERRIDES_TAB, []),
    {
      name: LIST_SHEET,
      columns: [{ header: "条款", width: 60, format: "text" }],
      rows: codes.map((c) => [c]),
      hidden: true,
    },
  ];
}
