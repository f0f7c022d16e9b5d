/**
 * `kaohe consolidate <files or folders…> --out county.xlsx [--json] [--year 2025] [--profile id]
 * [--prefer file]… [--lang zh-CN|zh-TW|en]`: one county workbook from many township workbooks.
 * Exit 0 when at least one township was consolidated, 1 when none could be (the county workbook is still
 * written, with its 县汇总_问题 list to send back), 2 on usage errors.
 */
import * as path from "path";
import { cellRef } from "../workbook/cells";
import {
  consolidateFiles,
  type ConsolidateFilesOutcome,
  type NamedBytes,
} from "../hosts/xlsx/consolidateFiles";
import { problemLine, problemText } from "../consolidate/messages";
import { expandPaths, readNamedFiles } from "../hosts/xlsx/consolidateDisk";
import { streamedFileReader } from "../hosts/xlsx/fast/openStreamed";
import { writeFileAtomic } from "../hosts/xlsx/files";
import { XlsxHost } from "../hosts/xlsx/host";
import { fileIssueMessage } from "../workbook/messages/fileMessages";
import type { IssueCode, Locale } from "../core";
import { getProfile, listProfiles } from "../rules";
import { outputClash } from "./consolidateOut";
import type { Command, CliIo, ExitCode } from "./io";
import { gradeName } from "./gradeNames";
import { commandHelp, usageLine } from "./usage";
import { alignColumns } from "./width";

const USAGE = usageLine("consolidate");

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

function parseArgs(argv: string[]): Args | string | "help" {
  const args: Args = { inputs: [], json: false, prefer: [], locale: "zh-CN" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string | undefined => argv[++i];
    if (a === "--help" || a === "-h") return "help";
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

const SUMMARY: Record<
  Locale,
  (n: number, year: string, left: number, problems: number, out?: string) => string
> = {
  "zh-CN": (n, y, left, p, out) =>
    `已汇总 ${n} 个镇街（${y} 年度），${left} 个文件未汇总，问题 ${p} 条${out ? `；已写入 ${out}` : ""}\n`,
  "zh-TW": (n, y, left, p, out) =>
    `已彙總 ${n} 個鎮街（${y} 年度），${left} 個檔案未彙總，問題 ${p} 條${out ? `；已寫入 ${out}` : ""}\n`,
  en: (n, y, left, p, out) =>
    `consolidated ${n} township(s) (year ${y}), ${left} file(s) left out, ${p} problem(s)${out ? `; written to ${out}` : ""}\n`,
};

const NOT_AN_INPUT: Record<Locale, (file: string) => string> = {
  "zh-CN": (f) => `--prefer ${f}：不在输入文件中\n`,
  "zh-TW": (f) => `--prefer ${f}：不在輸入檔案中\n`,
  en: (f) => `--prefer ${f}: not among the input files\n`,
};

const RANKING_HEADER: Record<Locale, string[]> = {
  "zh-CN": ["排名", "镇街", "总分", "等次", "来源文件"],
  "zh-TW": ["排名", "鎮街", "總分", "等次", "來源檔案"],
  en: ["rank", "township", "total", "grade", "file"],
};

/** The ranking as a table aligned by display width, then one line of counts. */
function summary(outcome: ConsolidateFilesOutcome, out: string | undefined, locale: Locale): string {
  const { result } = outcome;
  const year = String(result.year ?? "-");
  const rows = result.townships.map((t) => [
    String(t.rank),
    t.township,
    one(t.total).toFixed(1),
    gradeName(t.grade, locale),
    t.file,
  ]);
  const table = rows.length ? alignColumns([RANKING_HEADER[locale], ...rows]).map((l) => `${l}\n`) : [];
  const counts = SUMMARY[locale](
    result.townships.length,
    year,
    result.excluded.length,
    result.problems.length,
    out,
  );
  return table.join("") + counts;
}

/** A path as the user would type it: relative when inside the working folder, else absolute. */
function shownPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

async function run(args: Args, io: CliIo): Promise<ExitCode> {
  const inputs = args.inputs.map((p) => path.resolve(io.cwd, p));
  const { files, missing, refused } = await expandPaths(inputs);
  const out = args.out === undefined ? undefined : path.resolve(io.cwd, args.out);
  const clash = out ? await outputClash(out, files, inputs) : ({ kind: "none" } as const);
  if (clash.kind === "input") {
    const issue = {
      severity: "error" as const,
      code: "output-is-input" as const,
      params: { file: shownPath(io.cwd, clash.file) },
    };
    io.stderr(`kaohe consolidate: ${problemText(issue, args.locale)}\n${USAGE}`);
    return 2;
  }
  const unread = (file: string, code: IssueCode): NamedBytes => {
    const name = shownPath(io.cwd, file);
    return { name, bytes: new Uint8Array(0), issues: [{ severity: "error", code, params: { file: name } }] };
  };
  const outcome = await consolidateFiles(
    (async function* () {
      for (const m of missing) yield unread(m, "file-not-found");
      for (const r of refused) yield unread(r.path, r.code);
      // A previous run's output lying among the inputs is replaced, never read back as a township.
      yield* readNamedFiles(
        files.filter((f) => clash.kind !== "previous-output" || f !== clash.file),
        io.cwd,
      );
    })(),
    {
      prefer: args.prefer,
      locale: args.locale,
      largeFile: streamedFileReader,
      ...(args.year ? { year: args.year } : {}),
      ...(args.profile ? { profile: args.profile } : {}),
    },
  );
  for (const p of outcome.problems) io.stderr(problemLine(p, args.locale) + "\n");
  const names = [...outcome.result.used, ...outcome.result.excluded].map((n) => path.basename(n));
  for (const p of args.prefer.filter((p) => !names.includes(path.basename(p)))) {
    io.stderr(NOT_AN_INPUT[args.locale](p));
  }
  const ok = outcome.result.townships.length > 0;
  let written: string | undefined;
  // Even when every file is refused: the county office needs the problem list to send back.
  if (out) {
    const host = XlsxHost.empty();
    await host.writeOutputs(outcome.sheets);
    const shown = shownPath(io.cwd, out);
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
  if (args === "help") {
    io.stdout(commandHelp("consolidate"));
    return 0;
  }
  if (typeof args === "string") {
    io.stderr(`kaohe consolidate: ${args}\n${USAGE}`);
    return 2;
  }
  return run(args, io);
};
