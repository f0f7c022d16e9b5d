/** Argument parsing for `kaohe score` (usage errors → exit 2). */
import type { Locale } from "../core";

export interface ScoreArgs {
  input: string;
  out?: string;
  period?: string;
  json: boolean;
  lang: Locale;
  /** A rulebook file that governs the workbook instead of its 规则版本. */
  rules?: string;
  /** Say on stderr which reader and writer handled the file. */
  verbose?: boolean;
}

export type ParsedArgs =
  { ok: true; args: ScoreArgs } | { ok: false; error: string; json: boolean; help?: boolean };

const LOCALES: readonly Locale[] = ["zh-CN", "zh-TW", "en"];
const PERIOD = /^(\d{4})(?:-(0[1-9]|1[0-2])|-[Qq]([1-4]))?$/;

/** `2025-q1` → `2025-Q1`; undefined when not a month, quarter or year. */
export function normalizePeriodArg(text: string): string | undefined {
  const m = PERIOD.exec(text.trim());
  if (!m) return undefined;
  if (m[2]) return `${m[1]}-${m[2]}`;
  if (m[3]) return `${m[1]}-Q${m[3]}`;
  return m[1];
}

/** Reads `<in.xlsx> [--out f] [--period p] [--json] [--lang l]`; `--opt=value` is accepted too. */
export function parseScoreArgs(argv: string[]): ParsedArgs {
  const json = argv.includes("--json");
  const fail = (error: string): ParsedArgs => ({ ok: false, error, json });
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--json" || arg === "--verbose") continue;
    if (arg === "-h" || arg === "--help") return { ok: false, error: "", json, help: true };
    if (!arg.startsWith("--") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!["out", "period", "lang", "rules"].includes(name)) return fail(`unknown option --${name}`);
    if (values[name] !== undefined) return fail(`--${name} given twice`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "" || (eq < 0 && value.startsWith("--"))) {
      return fail(`--${name} needs a value`);
    }
    values[name] = value;
  }
  if (positional.length === 0) return fail("missing <in.xlsx>");
  if (positional.length > 1) return fail(`unexpected argument "${positional[1]}"`);
  const args: ScoreArgs = { input: positional[0]!, json, lang: "zh-CN" };
  if (values.lang !== undefined) {
    if (!LOCALES.includes(values.lang as Locale)) return fail(`--lang must be one of ${LOCALES.join(", ")}`);
    args.lang = values.lang as Locale;
  }
  if (values.period !== undefined) {
    const period = normalizePeriodArg(values.period);
    if (!period)
      return fail(`--period "${values.period}" is not a month (2025-03), quarter (2025-Q1) or year (2025)`);
    args.period = period;
  }
  if (values.out !== undefined) args.out = values.out;
  if (values.rules !== undefined) args.rules = values.rules;
  if (argv.includes("--verbose")) args.verbose = true;
  return { ok: true, args };
}
