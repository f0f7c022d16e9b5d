#!/usr/bin/env node
import { processIo, type CliIo, type Command, type ExitCode } from "./io";
import { scoreCommand } from "./score";
import { rulesCommand } from "./rules";
import { templateCommand } from "./template";
import { consolidateCommand } from "./consolidate";
import { printCommand } from "./print";

const COMMANDS: Record<string, Command> = {
  score: scoreCommand,
  rules: rulesCommand,
  template: templateCommand,
  consolidate: consolidateCommand,
  print: printCommand,
};

const USAGE = `用法 / usage:
  kaohe template <file.xlsx> [--profile tianyang-2008|tongshan] [--year 2025] [--township] [--force]
  kaohe score <in.xlsx> [--out <file>] [--period 2025-03|2025-Q1|2025] [--json] [--lang zh-CN|zh-TW|en]
  kaohe consolidate <files or folder…> --out county.xlsx [--json]
  kaohe print <in.xlsx> --period 2025-Q1 [--who …] [--out file.xlsx] [--pdf file.pdf]
`;

export async function main(argv: string[], io: CliIo = processIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(USAGE);
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.stderr(USAGE);
    return 2;
  }
  return command(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `kaohe: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
