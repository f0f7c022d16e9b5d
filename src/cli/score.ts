import type { Command } from "./io";

// Placeholder until the owner of `kaohe score` lands it.
export const scoreCommand: Command = async (_args, io) => {
  io.stderr("kaohe score: not built yet\n");
  return 2;
};
