/** The Excel host as the pane uses it: also reads just 考核设置 (one small read) for the period picker. */
import { ExcelHost } from "../src/hosts/excel";
import { readUsedValues, toRawSheet } from "../src/hosts/excel/read";
import { officeRuntime, type ExcelRuntime } from "../src/hosts/excel/runtime";
import { SETTINGS_TAB } from "../src/workbook/schema";
import { matchKey } from "../src/workbook/text";
import type { RawSheet } from "../src/core";
import type { PaneHost } from "./Pane/Pane.types";

const TAB_KEYS = new Set([SETTINGS_TAB.name, ...SETTINGS_TAB.aliases].map(matchKey));

export class ExcelPaneHost extends ExcelHost implements PaneHost {
  constructor(private readonly excel: ExcelRuntime = officeRuntime()) {
    super(excel);
  }

  readSettings(): Promise<RawSheet | undefined> {
    return this.excel.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load("items/name");
      await context.sync();
      const sheet = collection.items.find((ws) => TAB_KEYS.has(matchKey(ws.name)));
      if (!sheet) return undefined;
      const [tab] = await readUsedValues(context, [{ name: sheet.name, sheet }]);
      return tab ? toRawSheet(tab.name, tab.address ? tab.values : null, tab.address) : undefined;
    });
  }
}
