import type { Command } from "./io";

// Placeholder until the owner of `kaohe print` lands it.
export const printCommand: Command = async (_args, io) => {
  io.stderr("kaohe print: not built yet\n");
  return 2;
};
