/** The latest progress a host reported during the pane's current busy step. */
import { useEffect, useState } from "react";
import type { Progress } from "../../src/workbook/progress";
import type { PaneHost } from "../Pane/Pane.types";

export function useHostProgress(host: PaneHost, busy: string | null): Progress | undefined {
  // Progress is kept with the step it belongs to: a new step starts without the previous step's bar.
  const [latest, setLatest] = useState<{ step: string | null; progress: Progress }>();
  useEffect(() => {
    if (!host.onProgress) return;
    host.onProgress((progress) => setLatest({ step: busy, progress }));
    return () => host.onProgress?.(undefined);
  }, [host, busy]);
  return busy && latest?.step === busy ? latest.progress : undefined;
}
