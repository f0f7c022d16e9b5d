/**
 * 打印考核表 from the pane and the page: never from results older than the workbook's inputs; the print
 * tab is stamped (time, input fingerprint, period, forms) so that scoring again remakes it.
 */
import type { Profile } from "../../src/rules";
import {
  inputFingerprint,
  localStamp,
  mergeStamps,
  readStamps,
  stampSheet,
  staleness,
} from "../../src/pipeline/fingerprint";
import type { Locale } from "../../src/core";
import type { RunOutcome } from "../../src/pipeline/types";
import {
  buildPrintSheet,
  canMeasureRows,
  measuredRows,
  measureRequests,
  PRINT_FONT,
  PRINT_SHEET_NAME,
  type PrintWho,
} from "../../src/print";
import type { SheetModel, WorkbookHost } from "../../src/workbook/types";

export type PrintOutcome = { stale: true } | { stale: false; sheet: SheetModel };

export async function printForms(
  host: WorkbookHost,
  outcome: RunOutcome,
  options: { period: string; who: PrintWho; locale: Locale; profile?: Profile },
): Promise<PrintOutcome> {
  const raw = await host.readSheets();
  const now = inputFingerprint(raw);
  if (staleness(raw).stale || (outcome.fingerprint !== undefined && outcome.fingerprint !== now)) {
    return { stale: true };
  }
  const stamp = { at: localStamp(), fingerprint: now };
  const base = { ...options, stamp };
  // Excel measures the wrapped rows first, so the page breaks come from its own row heights.
  let measure;
  if (canMeasureRows(host)) {
    const requests = measureRequests(outcome.result!, outcome.input!, base);
    const heights = await host.measureRows(requests, PRINT_FONT.name);
    if (heights) measure = measuredRows(requests, heights);
  }
  const sheet = buildPrintSheet(outcome.result!, outcome.input!, { ...base, measure });
  const who = Array.isArray(options.who) ? options.who.join("、") : options.who;
  const record = stampSheet(
    mergeStamps(readStamps(raw), [
      { tab: PRINT_SHEET_NAME, ...stamp, period: options.period, who, locale: options.locale },
    ]),
  );
  await host.writeOutputs([sheet, record]);
  return { stale: false, sheet };
}
