/** The two ways a reader may decline a file without being wrong: hand it on, or refuse it by name. */
import type { Issue } from "../../core";

/** "This reader does not handle this package": the only reason to hand a file to the next reader. */
export class NotHandledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "NotHandledError";
  }
}

/** The file is refused, for the reason the issue names (nothing is read further, nothing written). */
export class WorkbookRefusedError extends Error {
  constructor(readonly issue: Issue) {
    super(`${issue.code} ${JSON.stringify(issue.params ?? {})}`);
    this.name = "WorkbookRefusedError";
  }
}
