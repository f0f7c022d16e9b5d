import type { Command } from "./io";

// Placeholder until the owner of `kaohe template` lands it.
export const templateCommand: Command = async (_args, io) => {
  io.stderr("kaohe template: not built yet\n");
  return 2;
};
