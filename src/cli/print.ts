/**
 * `kaohe print <in.xlsx> --period 2025-Q1 [--who windows|staff|township|all|name1,name2] [--out file.xlsx]
 * [--pdf file.pdf] [--rules file.json] [--lang zh-CN|zh-TW|en]`: the input workbook plus a `打印_考核表` tab, and with --pdf that
 * tab alone as a PDF made by LibreOffice. Exit 0 ok; 1 input errors (located messages, nothing written);
 * 2 usage errors. Everything is produced in memory or a temp folder first, then written atomically.
 */
import { execFile } from "child_process";
import { promises as fs } from "fs";
import os from "os";
import * as path from "path";
import type { Issue, Locale } from "../core";
import { XlsxHost } from "../hosts/xlsx";
import { CLI_LIMITS, defaultOutputPath, openWorkbookFile, sameFile } from "../hosts/xlsx/files";
import { runAssessment, runWithRulebook } from "../pipeline";
import type { Profile } from "../rules";
import {
  localStamp,
  mergeStamps,
  readStamps,
  STAMP_TAB,
  stampSheet,
  stampsOfSheet,
  staleness,
  type OutputStamp,
} from "../pipeline/fingerprint";
import type { SheetModel } from "../workbook/types";
import {
  buildPrintSheetWithIndex,
  describePrintIssue,
  formatPeriod,
  PRINT_SHEET_NAME,
  selectForPrint,
  type PrintWho,
} from "../print";
import { localToday, type CliIo, type Command, type ExitCode } from "./io";
import { readRulebookFile } from "./rulebookFile";
import { normalizePeriodArg } from "./scoreArgs";
import { errorText } from "./scoreReport";
import { writeAllOrNothing, WriteAllError, type Output } from "./writeAll";
import { commandHelp, usageLine } from "./usage";

export const PRINT_USAGE = usageLine("print");

export interface PrintArgs {
  input: string;
  period: string;
  who: PrintWho;
  out?: string;
  pdf?: string;
  /** A rulebook file to score under instead of the workbook's 规则版本. */
  rules?: string;
  lang: Locale;
}

const LOCALES: readonly Locale[] = ["zh-CN", "zh-TW", "en"];
const KINDS = ["windows", "staff", "township", "all"] as const;

/** Reads the arguments; a string is a usage error. `--opt=value` is accepted too. */
export function parsePrintArgs(argv: string[]): PrintArgs | string | "help" {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") return "help";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    if (!["period", "who", "out", "pdf", "rules", "lang"].includes(name)) return `unknown option --${name}`;
    if (values[name] !== undefined) return `--${name} given twice`;
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value.trim() === "" || (eq < 0 && value.startsWith("--")))
      return `--${name} needs a value`;
    values[name] = value;
  }
  if (positional.length === 0) return "missing <in.xlsx>";
  if (positional.length > 1) return `unexpected argument "${positional[1]}"`;
  if (values.period === undefined) return "--period is required (e.g. 2025-Q1)";
  const period = normalizePeriodArg(values.period);
  if (!period)
    return `--period "${values.period}" is not a month (2025-03), quarter (2025-Q1) or year (2025)`;
  const lang = (values.lang ?? "zh-CN") as Locale;
  if (!LOCALES.includes(lang)) return `--lang must be one of ${LOCALES.join(", ")}`;
  const whoText = values.who ?? "all";
  const who: PrintWho = (KINDS as readonly string[]).includes(whoText)
    ? (whoText as PrintWho)
    : whoText
        .split(/[,，、]/)
        .map((n) => n.trim())
        .filter((n) => n !== "");
  if (Array.isArray(who) && who.length === 0) return `--who "${whoText}" names nobody`;
  const args: PrintArgs = { input: positional[0]!, period, who, lang };
  if (values.out !== undefined) args.out = values.out;
  if (values.pdf !== undefined) args.pdf = values.pdf;
  if (values.rules !== undefined) args.rules = values.rules;
  return args;
}

const SOFFICE_MISSING: Record<Locale, string> = {
  "zh-CN":
    "未找到 LibreOffice（soffice），无法生成 PDF：请安装 LibreOffice（Debian: apt install libreoffice-calc-nogui），或去掉 --pdf 只生成 .xlsx。未写入任何文件。",
  "zh-TW":
    "未找到 LibreOffice（soffice），無法產生 PDF：請安裝 LibreOffice，或去掉 --pdf 只產生 .xlsx。未寫入任何檔案。",
  en: "LibreOffice (soffice) was not found, so no PDF can be made: install LibreOffice (Debian: apt install libreoffice-calc-nogui) or drop --pdf to write the .xlsx only. Nothing was written.",
};

const PDF_FAILED: Record<Locale, (detail: string) => string> = {
  "zh-CN": (d) => `LibreOffice 转换 PDF 失败：${d}。未写入任何文件。`,
  "zh-TW": (d) => `LibreOffice 轉換 PDF 失敗：${d}。未寫入任何檔案。`,
  en: (d) => `LibreOffice could not convert to PDF: ${d}. Nothing was written.`,
};

const NONE_WRITTEN: Record<Locale, (files: string[]) => string> = {
  "zh-CN": (f) => `未写入任何文件（${f.join("、")} 均未生成或改动）。`,
  "zh-TW": (f) => `未寫入任何檔案（${f.join("、")} 均未產生或變更）。`,
  en: (f) => `Nothing was written (${f.join(", ")}: none created or changed).`,
};

const SOME_WRITTEN: Record<Locale, (kept: string[], missing: string[]) => string> = {
  "zh-CN": (k, m) => `已写入 ${k.join("、")}，但 ${m.join("、")} 未写入；请删除已写入的文件后重试。`,
  "zh-TW": (k, m) => `已寫入 ${k.join("、")}，但 ${m.join("、")} 未寫入；請刪除已寫入的檔案後重試。`,
  en: (k, m) => `${k.join(", ")} written, but ${m.join(", ")} not; delete the written file(s) and retry.`,
};

const RESCORED: Record<Locale, string> = {
  "zh-CN": "输入表在上次考核后已修改：已先重新考核，结果表已更新。\n",
  "zh-TW": "輸入表在上次考核後已修改：已先重新考核，結果表已更新。\n",
  en: "The input tabs changed since the last scoring: scored again first; the result tabs are updated.\n",
};

const DONE: Record<Locale, (n: number, pages: number, period: string, files: string) => string> = {
  "zh-CN": (n, p, period, f) => `已生成 ${n} 份考核表（${period}，共 ${p} 页）：${f}\n`,
  "zh-TW": (n, p, period, f) => `已產生 ${n} 份考核表（${period}，共 ${p} 頁）：${f}\n`,
  en: (n, p, period, f) => `Printed ${n} assessment forms (${period}, ${p} pages): ${f}\n`,
};

/** The soffice executable: $KAOHE_SOFFICE, else the first `soffice`/`libreoffice` on PATH. */
export async function findSoffice(env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const candidates = env.KAOHE_SOFFICE
    ? [env.KAOHE_SOFFICE]
    : (env.PATH ?? "")
        .split(path.delimiter)
        .filter((d) => d !== "")
        .flatMap((d) => [path.join(d, "soffice"), path.join(d, "libreoffice")]);
  for (const file of candidates) {
    try {
      await fs.access(file, fs.constants.X_OK);
      return file;
    } catch {
      // not this one
    }
  }
  return undefined;
}

/** Converts an .xlsx to PDF with LibreOffice headless and its own throw-away profile; returns the PDF bytes. */
export async function convertToPdf(soffice: string, xlsx: Uint8Array): Promise<Uint8Array> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kaohe-pdf-"));
  try {
    const file = path.join(dir, "print.xlsx");
    await fs.writeFile(file, xlsx);
    const profile = path.join(dir, "profile");
    const args = [
      `-env:UserInstallation=file://${profile}`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      file,
    ];
    await new Promise<void>((resolve, reject) => {
      execFile(soffice, args, { timeout: 300_000 }, (error, _stdout, stderr) =>
        error ? reject(new Error(String(stderr).trim() || error.message)) : resolve(),
      );
    });
    return await fs.readFile(path.join(dir, "print.pdf"));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function shown(io: CliIo, file: string): string {
  const rel = path.relative(io.cwd, file);
  return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : file;
}

function fail(io: CliIo, issues: Issue[], lang: Locale, extra = ""): ExitCode {
  const text = errorText(issues, lang);
  io.stderr(text + extra);
  return 1;
}

export const printCommand: Command = async (argv, io) => {
  const args = parsePrintArgs(argv);
  if (args === "help") {
    io.stdout(commandHelp("print"));
    return 0;
  }
  if (typeof args === "string") {
    io.stderr(`kaohe print: ${args}\n${PRINT_USAGE}`);
    return 2;
  }
  const input = path.resolve(io.cwd, args.input);
  const out =
    args.out || !args.pdf
      ? path.resolve(io.cwd, args.out ?? defaultOutputPath(input, ".print.xlsx"))
      : undefined;
  const pdf = args.pdf ? path.resolve(io.cwd, args.pdf) : undefined;
  for (const target of [out, pdf]) {
    if (target && (await sameFile(input, target))) {
      io.stderr(`kaohe print: --out/--pdf must not be the input file\n${PRINT_USAGE}`);
      return 2;
    }
  }
  if (out && pdf && (await sameFile(out, pdf))) {
    io.stderr(`kaohe print: --out and --pdf must name different files\n${PRINT_USAGE}`);
    return 2;
  }

  let run = runAssessment;
  let profile: Profile | undefined;
  if (args.rules) {
    // A county's own rulebook governs the workbook; a broken one stops here, nothing read or written.
    const rulebook = await readRulebookFile(path.resolve(io.cwd, args.rules), args.lang);
    if (!rulebook.ok) {
      io.stderr(rulebook.lines.map((l) => `${l}\n`).join(""));
      return 1;
    }
    profile = rulebook.profile;
    run = runWithRulebook(profile);
  }
  const opened = await openWorkbookFile(input, CLI_LIMITS);
  const workbook = opened.workbook;
  if (!workbook) return fail(io, opened.issues, args.lang);
  const raw = workbook.sheets;
  const at = localStamp();
  const outcome = run(raw, {
    period: args.period,
    asOf: localToday(),
    producedAt: at,
    locale: args.lang,
  });
  if (!outcome.ok || !outcome.result || !outcome.input) return fail(io, outcome.issues, args.lang);
  // Result tabs made from other inputs are made again first (for the period they were made for).
  const stale = staleness(raw);
  let stamps = readStamps(raw);
  let rescored: { sheets: SheetModel[]; flags: typeof outcome.flags } | undefined;
  if (stale.stale) {
    const scope = stamps.find((s) => s.tab !== PRINT_SHEET_NAME && s.period !== "")?.period;
    const again = run(raw, {
      asOf: localToday(),
      producedAt: at,
      locale: args.lang,
      ...(scope && !stamps.some((s) => s.tab !== PRINT_SHEET_NAME && s.period === "")
        ? { period: scope }
        : {}),
    });
    if (!again.ok) return fail(io, again.issues, args.lang);
    const stampTab = again.sheets.find((s) => s.name === STAMP_TAB);
    if (stampTab) stamps = stampsOfSheet(stampTab);
    const sheets = again.sheets.filter((s) => s.name !== STAMP_TAB && s.name !== PRINT_SHEET_NAME);
    rescored = { sheets, flags: again.flags };
  }
  const stamp = { at, fingerprint: stale.current };
  const options = {
    period: args.period,
    who: args.who,
    locale: args.lang,
    stamp,
    ...(profile ? { profile } : {}),
  };
  const { issues } = selectForPrint(outcome.result, options);
  if (issues.length > 0) {
    io.stderr(issues.map((i) => `${describePrintIssue(i, args.lang)}\n`).join(""));
    return 1;
  }
  const { sheet, entities } = buildPrintSheetWithIndex(outcome.result, outcome.input, options);

  // Everything is made before anything is written, so a failure leaves no file behind.
  let pdfBytes: Uint8Array | undefined;
  if (pdf) {
    const soffice = await findSoffice();
    if (!soffice) {
      io.stderr(`${SOFFICE_MISSING[args.lang]}\n`);
      return 1;
    }
    const alone = XlsxHost.empty();
    await alone.writeOutputs([sheet]);
    try {
      pdfBytes = await convertToPdf(soffice, await alone.toBuffer());
    } catch (error) {
      io.stderr(`${PDF_FAILED[args.lang](error instanceof Error ? error.message : String(error))}\n`);
      return 1;
    }
  }
  let xlsxBytes: Uint8Array | undefined;
  if (out) {
    const printed: OutputStamp = {
      tab: PRINT_SHEET_NAME,
      ...stamp,
      period: args.period,
      who: Array.isArray(args.who) ? args.who.join("、") : args.who,
      locale: args.lang,
    };
    const record = stampSheet(mergeStamps(stamps, [printed]));
    const copy = rescored
      ? await workbook.write([...rescored.sheets, sheet, record], rescored.flags)
      : await workbook.write([sheet, record]);
    if (!copy.bytes) return fail(io, copy.issues, args.lang);
    xlsxBytes = copy.bytes;
  }
  const outputs: Output[] = [];
  if (out && xlsxBytes) outputs.push({ file: out, bytes: xlsxBytes });
  if (pdf && pdfBytes) outputs.push({ file: pdf, bytes: pdfBytes });
  try {
    await writeAllOrNothing(outputs);
  } catch (error) {
    if (!(error instanceof WriteAllError)) throw error;
    const reason = error.reason as NodeJS.ErrnoException | undefined;
    const detail = reason?.code ?? (reason instanceof Error ? reason.message : String(reason));
    const issue: Issue = {
      severity: "error",
      code: "file-write-failed",
      params: { file: shown(io, error.file), detail },
    };
    const all = outputs.map((o) => shown(io, o.file));
    const kept = error.written.map((f) => shown(io, f));
    const missing = all.filter((f) => !kept.includes(f));
    const outcome = kept.length === 0 ? NONE_WRITTEN[args.lang](all) : SOME_WRITTEN[args.lang](kept, missing);
    return fail(io, [issue], args.lang, `${outcome}\n`);
  }
  const written = outputs.map((o) => shown(io, o.file));
  const pages = (sheet.pageSetup?.rowBreaks.length ?? 0) + 1;
  if (rescored) io.stdout(RESCORED[args.lang]);
  io.stdout(
    DONE[args.lang](entities.length, pages, formatPeriod(args.period, args.lang), written.join(", ")),
  );
  return 0;
};
