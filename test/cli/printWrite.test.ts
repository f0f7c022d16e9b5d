/**
 * `kaohe print` with --out and --pdf writes both files or neither, and says which exist. The converter
 * is injected through $KAOHE_SOFFICE (a script standing in for LibreOffice, so a PDF exists to be
 * written or the conversion fails on demand); the write failures are real file-system errors.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import fs from "fs";
import path from "path";
import { tempDir } from "../fixtures/workbook";
import { runCli } from "./run";

const EXAMPLE = path.join(__dirname, "..", "..", "examples", "county-2025.xlsx");
const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/** A stand-in for soffice: writes <outdir>/print.pdf, or fails when told to. */
function converter(dir: string, fail: boolean): string {
  const script = path.join(dir, fail ? "failing-soffice" : "fake-soffice");
  const body = fail
    ? 'echo "Error: source file could not be loaded" >&2; exit 1'
    : 'while [ $# -gt 0 ]; do if [ "$1" = --outdir ]; then out="$2"; fi; shift; done\nprintf "%%PDF-1.4\\n%%%%EOF\\n" > "$out/print.pdf"';
  fs.writeFileSync(script, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return script;
}

async function print(dir: string, args: string[], soffice: string) {
  const saved = process.env.KAOHE_SOFFICE;
  process.env.KAOHE_SOFFICE = soffice;
  try {
    return await runCli(["print", "county.xlsx", "--period", "2025-Q1", "--who", "公安", ...args], dir);
  } finally {
    if (saved === undefined) delete process.env.KAOHE_SOFFICE;
    else process.env.KAOHE_SOFFICE = saved;
  }
}

/** Every file under dir (relative), hidden temp files included. */
function tree(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

function setup(): { dir: string; tools: string } {
  const dir = tempDir();
  const tools = tempDir();
  fs.copyFileSync(EXAMPLE, path.join(dir, "county.xlsx"));
  return { dir, tools };
}

describe("kaohe print: the .xlsx and the PDF, both or neither", () => {
  it("writes both when all goes well", async () => {
    const { dir, tools } = setup();
    const res = await print(dir, ["--out", "out/p.xlsx", "--pdf", "out/p.pdf"], converter(tools, false));
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("out/p.xlsx, out/p.pdf");
    expect(tree(dir)).toEqual(["county.xlsx", "out/p.pdf", "out/p.xlsx"]);
    expect(fs.readFileSync(path.join(dir, "out/p.pdf"), "latin1")).toMatch(/^%PDF-1\.4/);
  });

  it("a failing converter: nothing written, and the message says so", async () => {
    const { dir, tools } = setup();
    const res = await print(dir, ["--out", "p.xlsx", "--pdf", "p.pdf"], converter(tools, true));
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(
      "LibreOffice 转换 PDF 失败：Error: source file could not be loaded。未写入任何文件。",
    );
    expect(tree(dir)).toEqual(["county.xlsx"]);
  });

  it("the PDF's folder cannot be made (a file is in the way): the .xlsx is not written either", async () => {
    const { dir, tools } = setup();
    fs.writeFileSync(path.join(dir, "blocker"), "a file, not a folder");
    const res = await print(dir, ["--out", "p.xlsx", "--pdf", "blocker/p.pdf"], converter(tools, false));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/文件 blocker\/p\.pdf：无法写入（(EEXIST|ENOTDIR)），未写入任何内容/);
    expect(res.stderr).toContain("未写入任何文件（p.xlsx、blocker/p.pdf 均未生成或改动）。");
    expect(tree(dir)).toEqual(["blocker", "county.xlsx"]);
  });

  it("the PDF cannot be put in place after the .xlsx was: the .xlsx is put back as it was", async () => {
    const { dir, tools } = setup();
    fs.writeFileSync(path.join(dir, "p.xlsx"), "the previous print");
    // A folder of that name (not empty) cannot be replaced by a file: the rename fails.
    fs.mkdirSync(path.join(dir, "p.pdf"));
    fs.writeFileSync(path.join(dir, "p.pdf", "keep"), "x");
    const before = sha(path.join(dir, "p.xlsx"));
    const res = await print(
      dir,
      ["--out", "p.xlsx", "--pdf", "p.pdf", "--lang", "en"],
      converter(tools, false),
    );
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/file p\.pdf: cannot be written \((EISDIR|ENOTEMPTY|EEXIST)\)/);
    expect(res.stderr).toContain("Nothing was written (p.xlsx, p.pdf: none created or changed).");
    expect(sha(path.join(dir, "p.xlsx"))).toBe(before);
    expect(tree(dir)).toEqual(["county.xlsx", "p.pdf/keep", "p.xlsx"]);
  });

  it("the disk fills while writing (a 16 KB file-size limit, EFBIG): nothing written, no partial temp file", () => {
    const { dir, tools } = setup();
    const root = path.join(__dirname, "..", "..");
    const cli = `${process.execPath} -r ${root}/bench/register.js ${root}/src/cli/main.ts`;
    const command = `${cli} print county.xlsx --period 2025-Q1 --who 公安 --out p.xlsx --pdf p.pdf --lang en`;
    // SIGXFSZ ignored, so the write fails with EFBIG as on a full disk instead of killing the process.
    const run = spawnSync("bash", ["-c", `trap '' XFSZ; ulimit -f 16; ${command}`], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, KAOHE_SOFFICE: converter(tools, false) },
    });
    expect(run.stderr).toMatch(/file p\.xlsx: cannot be written \(EFBIG\)/);
    expect(run.stderr).toContain("Nothing was written (p.xlsx, p.pdf: none created or changed).");
    expect(run.status).toBe(1);
    expect(tree(dir)).toEqual(["county.xlsx"]);
  });

  it("--out and --pdf naming one file is a usage error", async () => {
    const { dir, tools } = setup();
    const res = await print(dir, ["--out", "same.xlsx", "--pdf", "./same.xlsx"], converter(tools, false));
    expect(res.code).toBe(2);
    expect(tree(dir)).toEqual(["county.xlsx"]);
  });
});
