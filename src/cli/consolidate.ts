/**
 * `kaohe consolidate <files or folders…> --out county.xlsx [--json] [--year 2025] [--profile id]
 * [--prefer file]… [--lang zh-CN|zh-TW|en]`: one county workbook from many township workbooks.
 * Exit 0 when at least one township was consolidated, 1 when none could be, 2 on usage errors.
 */
import * as path from "path";
import { cellRef } from "../workbook/cells";
import { consolidateFiles, type ConsolidateFilesOutcome } from "../consolidate/files";
import { problemLine, problemText } from "../consolidate/messages";
import { expandPaths, readNamedFiles } from "../consolidate/node";
import { largeFileReader } from "../hosts/xlsx/fast/open";
import { writeFileAtomic } from "../hosts/xlsx/files";
import { XlsxHost } from "../hosts/xlsx/host";
import { fileIssueMessage } from "../hosts/xlsx/messages";
import type { Locale } from "../pipeline/types";
import { getProfile, listProfiles } from "../rules";
import type { Command, CliIo, ExitCode } from "./io";

const USAGE = `用法 / usage: kaohe consolidate <files or folders…> --out county.xlsx [--json] [--year 2025]
                   [--profile tianyang-2008|tongshan] [--prefer <file>]… [--lang zh-CN|zh-TW|en]\n`;

interface Args {
  inputs: string[];
  out?: string;
  json: boolean;
  year?: number;
  profile?: string;
  prefer: string[];
  locale: Locale;
}

const LOCALES: Locale[] = ["zh-CN", "zh-TW", "en"];

function parseArgs(argv: string[]): Args | string {
  const args: Args = { inputs: [], json: false, prefer: [], locale: "zh-CN" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === "--json") args.json = true;
    else if (a === "--out") args.out = value();
    else if (a === "--prefer") {
      const v = value();
      if (!v) return "--prefer needs a file name";
      args.prefer.push(v);
    } else if (a === "--year") {
      const v = value() ?? "";
      if (!/^\d{4}$/.test(v)) return `--year: "${v}" is not a year`;
      args.year = Number(v);
    } else if (a === "--profile") {
      const v = value() ?? "";
      if (!getProfile(v))
        return `--profile: unknown rules profile "${v}" (${listProfiles()
          .map((p) => p.id)
          .join(", ")})`;
      args.profile = v;
    } else if (a === "--lang") {
      const v = value() as Locale;
      if (!LOCALES.includes(v)) return `--lang: one of ${LOCALES.join(", ")}`;
      args.locale = v;
    } else if (a.startsWith("--")) return `unknown option ${a}`;
    else args.inputs.push(a);
  }
  if (args.inputs.length === 0) return "no input files or folders";
  if (!args.out && !args.json) return "--out <county.xlsx> is required (or --json)";
  if (args.out !== undefined && !/\.xlsx$/i.test(args.out)) return "--out must name an .xlsx file";
  return args;
}

const one = (p: number): number => Math.round(p) / 10;

function jsonDocument(outcome: ConsolidateFilesOutcome, out: string | undefined, locale: Locale): unknown {
  const { result } = outcome;
  return {
    ok: result.townships.length > 0,
    year: result.year ?? null,
    profile: result.profile ?? null,
    out: out ?? null,
    townships: result.townships.map((t) => ({
      township: t.township,
      file: t.file,
      rank: t.rank,
      grade: t.grade,
      total: one(t.total),
      indicators: Object.fromEntries(result.indicatorIds.map((id) => [id, one(t.counted[id]!)])),
      difference: Object.fromEntries(
        result.indicatorIds.map((id) => [id, t.difference[id] === undefined ? null : one(t.difference[id]!)]),
      ),
      differenceTotal: one(t.differenceTotal),
      unreviewed: t.unreviewed,
    })),
    windows: result.windows.map((w) => ({ ...w, score: one(w.score) })),
    problems: result.problems.map(({ file, issue, excluded }) => ({
      file,
      sheet: issue.sheet ?? null,
      cell: issue.sheet && issue.row !== undefined ? cellRef(issue.row, issue.column) : null,
      severity: issue.severity,
      code: issue.code,
      message: problemText(issue, locale),
      excluded,
    })),
    used: result.used,
    excluded: result.excluded,
  };
}

function summary(outcome: ConsolidateFilesOutcome, out: string | undefined, locale: Locale): string {
  const { result } = outcome;
  const n = result.townships.length;
  const left = result.excluded.length;
  if (locale === "en") {
    return `consolidated ${n} township(s) (year ${result.year ?? "-"}), ${left} file(s) left out, ${result.problems.length} problem(s)${out ? `; written to ${out}` : ""}\n`;
  }
  const w = locale === "zh-TW" ? "彙總" : "汇总";
  return `已${w} ${n} 个镇街（${result.year ?? "-"} 年度），${left} 个文件未${w}，问题 ${result.problems.length} 条${out ? `；已写入 ${out}` : ""}\n`;
}

async function run(args: Args, io: CliIo): Promise<ExitCode> {
  const inputs = args.inputs.map((p) => path.resolve(io.cwd, p));
  const { files, missing } = await expandPaths(inputs);
  const out = args.out === undefined ? undefined : path.resolve(io.cwd, args.out);
  const outcome = await consolidateFiles(
    (async function* () {
      for (const m of missing) {
        const name = path.relative(io.cwd, m) || m;
        yield {
          name,
          bytes: new Uint8Array(0),
          issues: [{ severity: "error" as const, code: "file-not-found", params: { file: name } }],
        };
      }
      // The output of a previous run is never read back as a township.
      yield* readNamedFiles(
        files.filter((f) => f !== out),
        io.cwd,
      );
    })(),
    {
      prefer: args.prefer,
      locale: args.locale,
      largeFile: largeFileReader,
      ...(args.year ? { year: args.year } : {}),
      ...(args.profile ? { profile: args.profile } : {}),
    },
  );
  for (const p of outcome.problems) io.stderr(problemLine(p, args.locale) + "\n");
  const names = [...outcome.result.used, ...outcome.result.excluded].map((n) => path.basename(n));
  for (const p of args.prefer.filter((p) => !names.includes(path.basename(p)))) {
    io.stderr(
      args.locale === "en" ? `--prefer ${p}: not among the input files\n` : `--prefer ${p}：不在输入文件中\n`,
    );
  }
  const ok = outcome.result.townships.length > 0;
  let written: string | undefined;
  if (ok && out) {
    const host = XlsxHost.empty();
    await host.writeOutputs(outcome.sheets);
    const shown = path.relative(io.cwd, out) || out;
    try {
      await writeFileAtomic(out, await host.toBuffer(), true);
    } catch (error) {
      const detail = (error as NodeJS.ErrnoException).code ?? String(error);
      io.stderr(
        fileIssueMessage(
          { severity: "error", code: "file-write-failed", params: { file: shown, detail } },
          args.locale,
        ) + "\n",
      );
      return 1;
    }
    written = shown;
  }
  if (args.json) io.stdout(JSON.stringify(jsonDocument(outcome, written, args.locale), null, 2) + "\n");
  else io.stdout(summary(outcome, written, args.locale));
  return ok ? 0 : 1;
}

export const consolidateCommand: Command = async (argv, io) => {
  const args = parseArgs(argv);
  if (typeof args === "string") {
    io.stderr(`kaohe consolidate: ${args}\n${USAGE}`);
    return 2;
  }
  return run(args, io);
};
