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

export { localToday } from "../calendar/today";
