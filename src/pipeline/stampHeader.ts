import type { SheetModel } from "../workbook/types";

/** The tab's printed header says when it was made and from which inputs (its page setup, if it has one). */
export function stampHeader(model: SheetModel, at: string, fingerprint: string): SheetModel {
  if (!model.pageSetup || model.headerless) return model;
  const when = at ? `生成于 ${at}\u3000` : "";
  return {
    ...model,
    pageSetup: { ...model.pageSetup, header: `&L&8${when}输入校验码 ${fingerprint}&R&8&A` },
  };
}
