import type { Worksheet } from "exceljs";
import type { SheetModel } from "../../workbook/types";

// Owned by the print work (issue 6): page setup, merges, row styles, page breaks for print forms.
export function applyPrintLayout(_ws: Worksheet, _model: SheetModel): void {}
