/**
 * `kaohe score <in.xlsx> [--out <file>] [--period 2025-03|2025-Q1|2025] [--json] [--lang zh-CN|zh-TW|en]`.
 * Exit 0: scored and written; 1: input errors (located messages, nothing written, input untouched);
 * 2: usage errors. The input file is only ever read; the output is written to a temp file and renamed.
 */
import { promises as fs } from "fs";
import * as path from "path";
import type { Issue, Locale } from "../core";
import { XlsxHost } from "../hosts/xlsx";
import { scoreFast } from "../hosts/xlsx/fast";
import { defaultOutputPath, readWorkbookBytes, sameFile, writeFileAtomic } from "../hosts/xlsx/files";
import { guardXlsx, type GuardLimits } from "../hosts/xlsx/guard";
import { sniffIssue } from "../hosts/xlsx/sniff";
import { runAssessment, runWithRulebook } from "../pipeline";
import { localStamp } from "../pipeline/fingerprint";
import type { RunOutcome } from "../pipeline/types";
import { localToday, type CliIo, type Command, type ExitCode } from "./io";
import { readRulebookFile } from "./rulebookFile";
import { parseScoreArgs } from "./scoreArgs";
import { errorText, jsonDocument, summaryText } from "./scoreReport";
import { commandHelp, usageLine } from "./usage";

export const SCORE_USAGE = usageLine("score");

const EXCELJS_LIMITS: GuardLimits = {
  maxFileBytes: 200 * 2 ** 20,
  maxUnzippedBytes: 2 ** 30,
  maxCells: 20_000_000,
};

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
  const read = await readWorkbookBytes(input);
  if (!read.bytes) return inputErrors(io, failedOutcome(read.issues), args.lang, args.json, input);
  const bytes = read.bytes;
  const name = path.basename(input);
  // The large-file path reads and writes the package directly; the ExcelJS host takes over whatever it
  // declines (unreadable packages, which it reports precisely, and outputs only it can write).
  const sniffed = sniffIssue(bytes, name);
  if (sniffed) return inputErrors(io, failedOutcome([sniffed]), args.lang, args.json, input);
  const fast = scoreFast(bytes, name, (sheets) => run(sheets, options));
  let outcome = fast?.outcome;
  if (outcome && !outcome.ok) return inputErrors(io, outcome, args.lang, args.json, input);
  let written: Uint8Array | undefined = fast?.output;
  let host: XlsxHost | undefined;
  let hostWarnings: Issue[] = [];
  if (!outcome || !written) {
    // ExcelJS inflates whole packages in memory: bound what it may be handed (zip bombs end here).
    const unsafe = await guardXlsx(bytes, name, EXCELJS_LIMITS);
    if (unsafe) return inputErrors(io, failedOutcome([unsafe]), args.lang, args.json, input);
    const opened = await XlsxHost.open(bytes, name);
    if (!opened.host) return inputErrors(io, failedOutcome(opened.issues), args.lang, args.json, input);
    host = opened.host;
    hostWarnings = opened.issues;
    outcome ??= run(await host.readSheets(), options);
    if (!outcome.ok) return inputErrors(io, outcome, args.lang, args.json, input);
  }

  try {
    if (!written && host) {
      await host.writeOutputs(outcome.sheets, outcome.flags);
      written = await host.toBuffer();
      // ExcelJS drops charts, pivot tables …: say so (the input keeps them).
      outcome = { ...outcome, issues: [...hostWarnings, ...outcome.issues] };
    }
    if (!written) throw new Error("nothing to write");
    await fs.mkdir(path.dirname(output), { recursive: true });
    await writeFileAtomic(output, written, true);
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
