/** Runs the CLI in-process with captured output, and lists a directory's files. */
import { readdirSync } from "fs";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

export const listFiles = (dir: string): string[] => readdirSync(dir).sort();
