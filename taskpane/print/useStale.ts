/**
 * Whether the workbook's result tabs still match its input tabs: checked when the pane opens a workbook
 * and before printing; cleared by scoring again.
 */
import { useCallback, useEffect, useState } from "react";
import { staleness } from "../../src/pipeline/fingerprint";
import type { WorkbookHost } from "../../src/workbook/types";

export function useStale(host: WorkbookHost) {
  const [stale, setStale] = useState(false);
  /** Reads the workbook and says whether its outputs are out of date (also remembered for the notice). */
  const check = useCallback(async (): Promise<boolean> => {
    const now = staleness(await host.readSheets()).stale;
    setStale(now);
    return now;
  }, [host]);
  useEffect(() => {
    let live = true;
    host.readSheets().then(
      (raw) => live && setStale(staleness(raw).stale),
      () => live && setStale(false),
    );
    return () => {
      live = false;
    };
  }, [host]);
  return { stale, check, clear: () => setStale(false) };
}
