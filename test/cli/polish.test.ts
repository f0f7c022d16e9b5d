/** CLI polish: display-width alignment, zh-TW grade names, complete usage per command, the Node.js check. */
import { spawnSync } from "child_process";
import { readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { gradeName } from "../../src/cli/gradeNames";
import { nodeVersionProblem, SUPPORTED_NODE } from "../../src/cli/nodeVersion";
import { SYNOPSIS } from "../../src/cli/usage";
import { alignColumns, displayWidth } from "../../src/cli/width";
import { writeTownship } from "../consolidate/support/townships";
import { countySheets } from "../fixtures/county";
import { tempDir, xlsxBytes } from "../fixtures/workbook";
import { runCli } from "./run";

const ROOT = path.join(__dirname, "..", "..");

describe("display width (East Asian Width)", () => {
  it.each<[string, number]>([
    ["2025-Q1", 7],
    ["期间", 4],
    ["窗口等次", 8],
    ["優秀 3 · 合格 5", 15],
    ["ＡＢ", 4],
    ["한국", 4],
    ["e\u0301", 1],
    ["a\u200bb", 2],
    ["😀", 2],
    ["𠀋", 2],
    ["", 0],
  ])("%j is %i columns", (text, width) => expect(displayWidth(text)).toBe(width));

  it("aligns columns by display width, not by UTF-16 length", () => {
    const lines = alignColumns(
      [
        ["期间", "窗口等次", "x"],
        ["2025-Q1", "优秀 3", "y"],
      ],
      " | ",
    );
    expect(lines).toEqual(["期间    | 窗口等次 | x", "2025-Q1 | 优秀 3   | y"]);
    expect(new Set(lines.map((l) => displayWidth(l.slice(0, l.lastIndexOf("|")))))).toEqual(new Set([19]));
  });
});

describe("kaohe score summary", () => {
  async function summary(lang: string): Promise<string[]> {
    const dir = tempDir();
    writeFileSync(path.join(dir, "county.xlsx"), await xlsxBytes(countySheets()));
    const run = await runCli(["score", "county.xlsx", "--lang", lang], dir);
    expect(run.code).toBe(0);
    return run.stdout.split("\n");
  }

  it.each(["zh-CN", "zh-TW", "en"])("%s: the period table's bars line up on screen", async (lang) => {
    const lines = await summary(lang);
    const start = lines.findIndex((l) => /^(期间|期間|period) /.test(l));
    const table = lines.slice(start, start + 6);
    expect(table).toHaveLength(6);
    for (const bar of [0, 1]) {
      const columns = table.map((l) => {
        const at = l
          .split("|")
          .slice(0, bar + 1)
          .join("|").length;
        return displayWidth(l.slice(0, at));
      });
      expect(new Set(columns).size).toBe(1);
    }
  });

  it("zh-TW writes grade names in Traditional characters", async () => {
    const text = (await summary("zh-TW")).join("\n");
    expect(text).toContain("優秀 3 · 合格 1");
    expect(text).toContain("並列待裁定");
    expect(text).toMatch(/稱職 5/);
    expect(text).not.toMatch(/优秀|称职|并列待裁定/);
    expect(gradeName("基本称职", "zh-TW")).toBe("基本稱職");
    expect(gradeName("不称职", "zh-CN")).toBe("不称职");
  });
});

describe("kaohe consolidate summary", () => {
  it("ranks the townships in columns aligned by display width, grades in the reader's script", async () => {
    const dir = tempDir();
    const self = [5, 10, 9.5, 10, 10, 15, 10, 5, 10, 15];
    await writeTownship(dir, "a.xlsx", { name: "那坡镇", self });
    await writeTownship(dir, "b.xlsx", { name: "Town B", self: self.map((x, i) => (i === 0 ? 4 : x)) });
    const run = await runCli(["consolidate", ".", "--out", "county.xlsx", "--lang", "zh-TW"], dir);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      "排名  鎮街    總分  等次  來源檔案",
      "1     那坡镇  99.5  優秀  a.xlsx",
      "2     Town B  98.5  優秀  b.xlsx",
      "已彙總 2 個鎮街（2025 年度），0 個檔案未彙總，問題 0 條；已寫入 county.xlsx",
    ]);
    // The last column (the file) starts at the same screen column on every line of the table.
    const starts = lines.slice(0, 3).map((l) => displayWidth(l.slice(0, l.lastIndexOf("  ") + 2)));
    expect(new Set(starts).size).toBe(1);
  });
});

describe("usage", () => {
  const OPTIONS: Record<string, string[]> = {
    template: ["--profile", "--year", "--township", "--force"],
    score: ["--out", "--period", "--json", "--lang"],
    consolidate: ["--out", "--json", "--year", "--profile", "--prefer", "--lang"],
    print: ["--period", "--who", "--out", "--pdf", "--lang"],
  };

  it("kaohe --help lists every command with every option", async () => {
    const run = await runCli(["--help"], tempDir());
    expect(run.code).toBe(0);
    for (const [command, options] of Object.entries(OPTIONS)) {
      const line = run.stdout.split("\n").find((l) => l.trim().startsWith(`kaohe ${command} `))!;
      for (const o of options) expect(line).toContain(o);
    }
  });

  it.each(Object.entries(OPTIONS))("kaohe %s --help explains each option", async (command, options) => {
    const run = await runCli([command, "--help"], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(SYNOPSIS[command as keyof typeof SYNOPSIS]);
    for (const o of options) expect(run.stdout).toMatch(new RegExp(`^  ${o} +\\S`, "m"));
  });
});

describe("the Node.js version", () => {
  it.each([
    ["20.14.0", false],
    ["20.15.0", true],
    ["20.20.2", true],
    ["21.7.3", false],
    ["22.1.0", false],
    ["22.2.0", true],
    ["24.0.0", true],
    ["18.20.4", false],
  ])("%s supported: %s", (version, ok) => {
    expect(nodeVersionProblem(version) === undefined).toBe(ok);
  });

  it("package.json's engines.node says the same", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      engines: { node: string };
    };
    expect(pkg.engines.node).toBe(SUPPORTED_NODE);
  });

  it("the CLI refuses an old Node.js at start with a clear message (exit 3), before any command runs", () => {
    const preload = path.join(tempDir(), "old-node.js");
    writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '20.14.0' });\n");
    const run = spawnSync(
      process.execPath,
      ["-r", "./bench/register.js", "-r", preload, "src/cli/main.ts", "score", "no-such.xlsx"],
      { cwd: ROOT, encoding: "utf8" },
    );
    expect(run.status).toBe(3);
    expect(run.stderr).toContain("需要 Node.js 20.15 或更高版本");
    expect(run.stderr).toContain("Node.js 20.14.0 is too old");
    expect(run.stdout).toBe("");
    const ok = spawnSync(process.execPath, ["-r", "./bench/register.js", "src/cli/main.ts", "--help"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("kaohe score");
  });
});
