/**
 * Progress of a long host operation, for the pane's bar: what is being done and how far. `done` and
 * `total` are in the step's own unit (bytes read, syncs made …); only their ratio is shown.
 */
export type ProgressStep = "open" | "read" | "score" | "write" | "download";

export interface Progress {
  step: ProgressStep;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;
