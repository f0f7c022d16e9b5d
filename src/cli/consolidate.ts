import type { Command } from "./io";

// Placeholder until the owner of `kaohe consolidate` lands it.
export const consolidateCommand: Command = async (_args, io) => {
  io.stderr("kaohe consolidate: not built yet\n");
  return 2;
};
