/** `kaohe template <file.xlsx> [--profile tianyang-2008] [--year 2025] [--township] [--force]`: the blank workbook. */
import { promises as fs } from "fs";
import * as path from "path";
import { writeFileAtomic } from "../hosts/xlsx/files";
import { XlsxHost } from "../hosts/xlsx/host";
import { buildTemplate } from "../pipeline";
import { getProfile, listProfiles } from "../rules";
import type { Command } from "./io";
import { commandHelp, usageLine } from "./usage";

export const TEMPLATE_USAGE = usageLine("template");

interface TemplateArgs {
  file: string;
  profile: string;
  year?: number;
  township: boolean;
  force: boolean;
}

function parseTemplateArgs(argv: string[]): TemplateArgs | string {
  const args: Partial<TemplateArgs> = { profile: "tianyang-2008", township: false, force: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--force") args.force = true;
    else if (arg === "--township") args.township = true;
    else if (arg === "--profile" || arg === "--year") {
      const value = argv[++i];
      if (value === undefined) return `${arg} needs a value`;
      if (arg === "--profile") args.profile = value;
      else if (/^\d{4}$/.test(value)) args.year = Number(value);
      else return `--year "${value}" is not a year`;
    } else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else if (args.file === undefined) args.file = arg;
    else return `unexpected argument "${arg}"`;
  }
  if (args.file === undefined) return "missing <file.xlsx>";
  if (!/\.xlsx$/i.test(args.file)) return `"${args.file}" must end in .xlsx`;
  return args as TemplateArgs;
}

export const templateCommand: Command = async (argv, io) => {
  if (argv.includes("--help") || argv.includes("-h")) {
    io.stdout(commandHelp("template"));
    return 0;
  }
  const args = parseTemplateArgs(argv);
  if (typeof args === "string") {
    io.stderr(`kaohe template: ${args}\n${TEMPLATE_USAGE}`);
    return 2;
  }
  const profile = getProfile(args.profile);
  if (!profile) {
    const known = listProfiles()
      .map((p) => p.id)
      .join(", ");
    io.stderr(`kaohe template: 未知规则版本 / unknown profile "${args.profile}" (${known})\n`);
    return 2;
  }
  const target = path.resolve(io.cwd, args.file);
  const host = XlsxHost.empty();
  const options = {
    ...(args.year ? { year: args.year } : {}),
    unitType: args.township ? "镇街" : "县中心",
  } as const;
  await host.addTemplateTabs(buildTemplate(profile, options));
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await writeFileAtomic(target, await host.toBuffer(), args.force);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") {
      io.stderr(
        `kaohe template: 文件已存在，未覆盖（用 --force 覆盖） / ${args.file} exists; use --force to overwrite\n`,
      );
      return 1;
    }
    io.stderr(`kaohe template: 无法写入 / cannot write ${args.file}: ${code ?? String(error)}\n`);
    return 1;
  }
  io.stdout(`已写入空白考核工作簿 / blank workbook written: ${args.file}\n`);
  return 0;
};
