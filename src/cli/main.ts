#!/usr/bin/env node
import "./startCheck";
import { processIo, type CliIo, type Command, type ExitCode } from "./io";
import { scoreCommand } from "./score";
import { rulesCommand } from "./rules";
import { templateCommand } from "./template";
import { consolidateCommand } from "./consolidate";
import { printCommand } from "./print";
import { terminalSafe, terminalSafeIo } from "./terminal";
import { mainUsage } from "./usage";

const COMMANDS: Record<string, Command> = {
  score: scoreCommand,
  rules: rulesCommand,
  template: templateCommand,
  consolidate: consolidateCommand,
  print: printCommand,
};

/** Runs one command; everything it prints is made terminal-safe (see ./terminal). */
export async function main(argv: string[], given: CliIo = processIo): Promise<ExitCode> {
  const io = terminalSafeIo(given);
  const [name, ...rest] = argv;
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(mainUsage());
    return 0;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    io.stderr(mainUsage());
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
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      process.stderr.write(terminalSafe(`kaohe: ${text}\n`));
      process.exitCode = 3;
    },
  );
}
