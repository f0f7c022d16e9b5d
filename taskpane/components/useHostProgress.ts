/** The latest progress a host reported during the pane's current busy step. */
import { useEffect, useState } from "react";
import type { Progress } from "../../src/workbook/progress";
import type { PaneHost } from "../Pane/Pane.types";

export function useHostProgress(host: PaneHost, busy: string | null): Progress | undefined {
  const [progress, setProgress] = useState<Progress>();
  useEffect(() => {
    if (!host.onProgress) return;
    host.onProgress(setProgress);
    return () => host.onProgress?.(undefined);
  }, [host]);
  // A new step starts without the previous step's bar.
  useEffect(() => setProgress(undefined), [busy]);
  return busy ? progress : undefined;
}
