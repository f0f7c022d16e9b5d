/**
 * `kaohe rules export <id> [--out file.json]`, `kaohe rules check <file.json> [--lang …]`, `kaohe rules schema`,
 * `kaohe rules list`. Exit 0: done or the rulebook is sound; 1: the rulebook has problems (one located
 * line each on stderr); 2: usage errors.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { getProfile, listProfiles } from "../rules";
import { rulebookText } from "../rules/format";
import schema from "../rules/rules.schema.json";
import type { Command, CliIo, ExitCode } from "./io";
import { readRulebookFile } from "./rulebookFile";

export const RULES_USAGE = `用法 / usage:
  kaohe rules list
  kaohe rules export <tianyang-2008|tongshan|file.json> [--out my-county.json]
  kaohe rules check <my-county.json> [--lang zh-CN|zh-TW|en]
  kaohe rules schema [--out rules.schema.json]
`;

const LOCALES = ["zh-CN", "zh-TW", "en"] as const;
type Lang = (typeof LOCALES)[number];

const OK_TEXT: Record<Lang, (n: string, items: number, conditions: number) => string> = {
  "zh-CN": (n, i, c) => `${n}: 规则可用(条款 ${i} 条,条件 ${c} 条)\n`,
  "zh-TW": (n, i, c) => `${n}: 規則可用(條款 ${i} 條,條件 ${c} 條)\n`,
  en: (n, i, c) => `${n}: rulebook OK (${i} items, ${c} conditions)\n`,
};

function usage(io: CliIo, message: string): ExitCode {
  io.stderr(`kaohe rules: ${message}\n${RULES_USAGE}`);
  return 2;
}

/** `[positional…]` plus `--out`/`--lang` values (`--opt=value` too); a string is a usage error. */
function parse(argv: string[]): { positional: string[]; out?: string; lang: Lang } | string {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (name !== "out" && name !== "lang") return `unknown option --${name}`;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (!value) return `--${name} needs a value`;
    values[name] = value;
  }
  const lang = (values.lang ?? "zh-CN") as Lang;
  if (!LOCALES.includes(lang)) return `--lang must be one of ${LOCALES.join(", ")}`;
  return { positional, lang, ...(values.out ? { out: values.out } : {}) };
}

async function emit(io: CliIo, text: string, out: string | undefined): Promise<ExitCode> {
  if (!out) {
    io.stdout(text);
    return 0;
  }
  await fs.writeFile(path.resolve(io.cwd, out), text, "utf8");
  return 0;
}

export const rulesCommand: Command = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === "-h" || sub === "--help") {
    if (sub === undefined) return usage(io, "missing subcommand");
    io.stdout(RULES_USAGE);
    return 0;
  }
  const args = parse(rest);
  if (typeof args === "string") return usage(io, args);
  const [target, extra] = args.positional;
  if (extra !== undefined) return usage(io, `unexpected argument "${extra}"`);
  switch (sub) {
    case "list":
      io.stdout(
        listProfiles()
          .map((p) => `${p.id}\t${p.name}\n`)
          .join(""),
      );
      return 0;
    case "schema":
      return emit(io, `${JSON.stringify(schema, null, 2)}\n`, args.out);
    case "export": {
      if (!target) return usage(io, "missing <profile id or file.json>");
      let profile = getProfile(target);
      if (!profile && target.toLowerCase().endsWith(".json")) {
        const read = await readRulebookFile(path.resolve(io.cwd, target), args.lang);
        if (!read.ok) {
          io.stderr(read.lines.map((l) => `${l}\n`).join(""));
          return 1;
        }
        profile = read.profile;
      }
      if (!profile)
        return usage(
          io,
          `unknown rules profile "${target}" (${listProfiles()
            .map((p) => p.id)
            .join(", ")})`,
        );
      return emit(io, rulebookText(profile), args.out);
    }
    case "check": {
      if (!target) return usage(io, "missing <file.json>");
      const file = path.resolve(io.cwd, target);
      const read = await readRulebookFile(file, args.lang);
      if (!read.ok) {
        io.stderr(read.lines.map((l) => `${l}\n`).join(""));
        return 1;
      }
      io.stdout(
        OK_TEXT[args.lang](path.basename(file), read.profile.rules.length, read.profile.conditions.length),
      );
      return 0;
    }
    default:
      return usage(io, `unknown subcommand "${sub}"`);
  }
};
