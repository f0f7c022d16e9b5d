/** What a command needs from the process, injectable for tests. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** Exit codes: 0 success, 1 input errors (nothing written), 2 usage errors. */
export type ExitCode = 0 | 1 | 2;

export type Command = (args: string[], io: CliIo) => Promise<ExitCode>;

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/** Today on this machine's calendar as `YYYY-MM-DD` (open cases are overdue up to the day of the run). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
