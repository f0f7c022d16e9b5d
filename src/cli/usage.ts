/** Usage text of every command: one synopsis line each, and the options explained under `--help`. */

const LANG = "[--lang zh-CN|zh-TW|en]";
const PROFILE = "[--profile tianyang-2008|tongshan]";

export const SYNOPSIS = {
  template: `kaohe template <file.xlsx> ${PROFILE} [--year 2025] [--township] [--force]`,
  score: `kaohe score <in.xlsx> [--out <file.xlsx>] [--period 2025-03|2025-Q1|2025] [--rules <file.json>] [--json] ${LANG} [--verbose]`,
  consolidate: `kaohe consolidate <files or folders…> --out <county.xlsx> [--json] [--year 2025] ${PROFILE} [--prefer <file>]… ${LANG}`,
  print: `kaohe print <in.xlsx> --period 2025-03|2025-Q1|2025 [--who windows|staff|township|all|name1,name2] [--out <file.xlsx>] [--pdf <file.pdf>] [--rules <file.json>] ${LANG}`,
  rules: `kaohe rules list | export <tianyang-2008|tongshan|file.json> [--out <f.json>] | check <file.json> | schema [--out <f>] ${LANG}`,
} as const;

export type CommandName = keyof typeof SYNOPSIS;

const OPTIONS: Record<CommandName, readonly [string, string][]> = {
  template: [
    ["--profile", "规则版本（默认 tianyang-2008） / rules profile (default tianyang-2008)"],
    ["--year", "填入考核年度（默认留空） / fill in the assessment year (default: left blank)"],
    ["--township", "镇街工作簿（含镇街指标） / a township workbook (with the checklist)"],
    ["--force", "覆盖已有文件 / overwrite an existing file"],
  ],
  score: [
    [
      "--out",
      "结果文件（默认 <in>.scored.xlsx，不得为输入文件） / output (default <in>.scored.xlsx; never the input)",
    ],
    ["--period", "只看一个期间：月、季度或年度 / one period: month, quarter or year"],
    ["--rules", "按此规则文件考核（覆盖规则版本） / score under this rulebook file (overrides 规则版本)"],
    ["--json", "在标准输出打印一个 JSON 文档（出错时也是） / one JSON document on stdout (errors too)"],
    ["--lang", "消息语言（默认 zh-CN） / language of messages (default zh-CN)"],
    [
      "--verbose",
      "在标准错误输出说明读写所用的途径 / say on stderr which reader and writer handled the file",
    ],
  ],
  consolidate: [
    ["--out", "县汇总工作簿（不得为输入文件之一） / the county workbook (never one of the inputs)"],
    [
      "--json",
      "打印 JSON 文档；只给 --json 时不写文件 / print a JSON document; with --json alone nothing is written",
    ],
    [
      "--year",
      "汇总年度（默认取文件中最多的年度） / year to consolidate (default: the files' most common year)",
    ],
    ["--profile", "规则版本（默认取文件中最多的版本） / rules profile (default: the files' most common one)"],
    [
      "--prefer",
      "同一镇街有多个文件时采用此文件（可重复） / the file that counts when a township is sent twice (repeatable)",
    ],
    ["--lang", "消息与结果表语言（默认 zh-CN） / language of messages and tabs (default zh-CN)"],
  ],
  print: [
    ["--period", "必填：月、季度或年度 / required: month, quarter or year"],
    [
      "--who",
      "打印对象（默认 all）：windows、staff、township、all 或名单 / who (default all), or a list of names",
    ],
    [
      "--out",
      "含打印表的工作簿（默认 <in>.print.xlsx） / workbook with the print tab (default <in>.print.xlsx)",
    ],
    ["--pdf", "同时用 LibreOffice 生成 PDF / also a PDF, made by LibreOffice"],
    ["--rules", "按此规则文件考核（覆盖规则版本） / score under this rulebook file (overrides 规则版本)"],
    ["--lang", "表格与消息语言（默认 zh-CN） / language of the forms and messages (default zh-CN)"],
  ],
  rules: [
    ["list", "列出内置规则版本 / list the built-in rulebooks"],
    ["export", "把内置规则或规则文件导出为 JSON / write a built-in rulebook or a file as JSON"],
    ["check", "检查规则文件，逐处指出问题 / check a rulebook file, naming each problem's place"],
    ["schema", "输出规则文件的 JSON Schema / write the rulebook JSON Schema"],
    ["--out", "写入文件而不是标准输出 / write to a file instead of stdout"],
    ["--lang", "消息语言（默认 zh-CN） / language of messages (default zh-CN)"],
  ],
};

/** `用法 / usage: <synopsis>` — printed after a usage error. */
export function usageLine(command: CommandName): string {
  return `用法 / usage: ${SYNOPSIS[command]}\n`;
}

/** The synopsis and every option explained — printed by `kaohe <command> --help`. */
export function commandHelp(command: CommandName): string {
  const width = Math.max(...OPTIONS[command].map(([o]) => o.length));
  const lines = OPTIONS[command].map(([o, text]) => `  ${o.padEnd(width)}  ${text}`);
  return `${usageLine(command)}${lines.join("\n")}\n`;
}

/** `kaohe --help`: every command's synopsis. */
export function mainUsage(): string {
  const commands = (Object.keys(SYNOPSIS) as CommandName[]).map((c) => `  ${SYNOPSIS[c]}`);
  return `用法 / usage:\n${commands.join("\n")}\n  kaohe <command> --help   每个命令的选项 / the options of one command\n`;
}
