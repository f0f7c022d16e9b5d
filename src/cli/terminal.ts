/**
 * Text bound for a terminal. Names and messages come from workbooks and file names, which anyone can
 * fill with ESC sequences or bidi overrides that recolour, hide or reorder what the user reads; every
 * such character is shown as a visible `\uXXXX` escape instead. Inside a JSON document the same escape
 * is a legal JSON escape of the same character, so `--json` values are unchanged.
 */
import type { CliIo } from "./io";

// C0 controls except tab and line feed, DEL, C1 controls, the line/paragraph separators, and the
// bidirectional marks, embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `"\u001b[31m张三"` → the text `\u001b[31m张三`: nothing a terminal would act on or hide is left. */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** The same process streams, with every write made terminal-safe. */
export function terminalSafeIo(io: CliIo): CliIo {
  return {
    cwd: io.cwd,
    stdout: (text) => io.stdout(terminalSafe(text)),
    stderr: (text) => io.stderr(terminalSafe(text)),
  };
}
