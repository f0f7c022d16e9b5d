/** Reads a rulebook file for the CLI: the profile, or located messages naming the file. */
import { promises as fs } from "fs";
import * as path from "path";
import type { Profile } from "../rules";
import { loadRulebookText, problemLines, type RulebookLocale } from "../rules/format";

export type RulebookRead = { ok: true; profile: Profile } | { ok: false; lines: string[] };

export async function readRulebookFile(file: string, locale: RulebookLocale): Promise<RulebookRead> {
  const name = path.basename(file);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? String(error);
    return { ok: false, lines: problemLines(name, [{ path: "", code: "read", params: { detail } }], locale) };
  }
  const loaded = loadRulebookText(text);
  return loaded.ok ? loaded : { ok: false, lines: problemLines(name, loaded.problems, locale) };
}
