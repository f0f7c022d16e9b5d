/**
 * `kaohe score <in.xlsx> [--out <file>] [--period 2025-03|2025-Q1|2025] [--json] [--lang zh-CN|zh-TW|en]`.
 * Exit 0: scored and written; 1: input errors (located messages, nothing written, input untouched);
 * 2: usage errors. The input file is only ever read; the output is written to a temp file and renamed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Issue, Locale } from "../core";
import { streamedFileReader } from "../hosts/xlsx/fast/openStreamed";
import {
  CLI_LIMITS,
  defaultOutputPath,
  readWorkbookBytes,
  sameFile,
  writeFileAtomic,
} from "../hosts/xlsx/files";
import { openWorkbook } from "../hosts/xlsx/open";
import { runAssessment, runWithRulebook } from "../pipeline";
import { localStamp } from "../pipeline/fingerprint";
import type { RunOutcome } from "../pipeline/types";
import { localToday, type CliIo, type Command, type ExitCode } from "./io";
import { readRulebookFile } from "./rulebookFile";
import { parseScoreArgs } from "./scoreArgs";
import { errorText, jsonDocument, summaryText } from "./scoreReport";
import { commandHelp, usageLine } from "./usage";

export const SCORE_USAGE = usageLine("score");

const failedOutcome = (issues: Issue[]): RunOutcome => ({ ok: false, issues, sheets: [], flags: [] });

function usageError(io: CliIo, message: string, json: boolean): ExitCode {
  io.stderr(`kaohe score: ${message}\n${SCORE_USAGE}`);
  if (json) {
    const doc = { unit: null, year: null, profile: null, windows: [], staff: [], townships: [] };
    const issue = { severity: "error", code: "usage", message };
    io.stdout(`${JSON.stringify({ ...doc, issues: [issue] }, null, 2)}\n`);
  }
  return 2;
}

function inputErrors(io: CliIo, outcome: RunOutcome, locale: Locale, json: boolean, file: string): ExitCode {
  if (json) io.stdout(`${JSON.stringify(jsonDocument(outcome, locale), null, 2)}\n`);
  else io.stderr(errorText(outcome.issues, locale, path.basename(file)));
  return 1;
}

function shown(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

export const scoreCommand: Command = async (argv, io) => {
  const parsed = parseScoreArgs(argv);
  if (!parsed.ok) {
    if (parsed.help) {
      io.stdout(commandHelp("score"));
      return 0;
    }
    return usageError(io, parsed.error, parsed.json);
  }
  const { args } = parsed;
  const input = path.resolve(io.cwd, args.input);
  const output = args.out ? path.resolve(io.cwd, args.out) : defaultOutputPath(input);
  if (await sameFile(input, output)) return usageError(io, "--out must not be the input file", args.json);

  const options = {
    ...(args.period ? { period: args.period } : {}),
    asOf: localToday(),
    producedAt: localStamp(),
    locale: args.lang,
  };
  let run = runAssessment;
  if (args.rules) {
    // A county's own rulebook governs the workbook; a broken one stops here, nothing read or written.
    const rulebook = await readRulebookFile(path.resolve(io.cwd, args.rules), args.lang);
    if (!rulebook.ok) {
      io.stderr(rulebook.lines.map((l) => `${l}\n`).join(""));
      if (args.json) {
        const doc = { unit: null, year: null, profile: null, windows: [], staff: [], townships: [] };
        const issues = rulebook.lines.map((message) => ({ severity: "error", code: "rulebook", message }));
        io.stdout(`${JSON.stringify({ ...doc, issues }, null, 2)}\n`);
      }
      return 1;
    }
    run = runWithRulebook(rulebook.profile);
  }
  const read = await readWorkbookBytes(input, CLI_LIMITS);
  if (!read.bytes) return inputErrors(io, failedOutcome(read.issues), args.lang, args.json, input);
  const name = path.basename(input);
  const opened = await openWorkbook(read.bytes, name, {
    largeFile: streamedFileReader,
    limits: CLI_LIMITS,
    guard: "before-exceljs",
  });
  const workbook = opened.workbook;
  if (!workbook) return inputErrors(io, failedOutcome(opened.issues), args.lang, args.json, input);
  if (args.verbose) io.stderr(`kaohe score: ${name} read by the ${workbook.path} reader\n`);
  // The grids are not needed for writing: they go before the output is built.
  let outcome = workbook.consume((sheets) => run(sheets, options));
  if (!outcome.ok) return inputErrors(io, outcome, args.lang, args.json, input);
  const written = await workbook.write(outcome.sheets, outcome.flags);
  if (!written.bytes) return inputErrors(io, failedOutcome(written.issues), args.lang, args.json, input);
  if (args.verbose) io.stderr(`kaohe score: written by the ${written.writer} writer\n`);
  // ExcelJS drops charts, pivot tables …: say so (the input keeps them).
  if (written.writer === "exceljs")
    outcome = { ...outcome, issues: [...workbook.warnings, ...outcome.issues] };

  try {
    await fs.mkdir(path.dirname(output), { recursive: true });
    await writeFileAtomic(output, written.bytes, true);
  } catch (error) {
    const detail =
      (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    const issue: Issue = {
      severity: "error",
      code: "file-write-failed",
      params: { file: shown(io, output), detail },
    };
    return inputErrors(io, failedOutcome([...outcome.issues, issue]), args.lang, args.json, input);
  }
  const where = shown(io, output);
  if (args.json) io.stdout(`${JSON.stringify(jsonDocument(outcome, args.lang, where), null, 2)}\n`);
  else io.stdout(summaryText(outcome, args.lang, where));
  return 0;
};
