/**
 * What `kaohe consolidate` takes as input: --out never names an input (by any path), links are followed,
 * FIFOs and devices are refused by name without blocking, links to nothing are reported — real files.
 */
import { execFileSync } from "child_process";
import { createHash } from "crypto";
import { promises as fs, mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { expandPaths } from "../../src/hosts/xlsx/consolidateDisk";
import { townshipBytes, writeTownship } from "./support/townships";

let root: string;
const sha = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

async function run(args: string[], cwd: string) {
  const text = { stdout: "", stderr: "" };
  const io: CliIo = { cwd, stdout: (t) => void (text.stdout += t), stderr: (t) => void (text.stderr += t) };
  const code = await main(["consolidate", ...args], io);
  return { code, ...text };
}

async function rankingTownships(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet("县汇总_镇街排名")!;
  const names: string[] = [];
  ws.eachRow((row, n) => void (n > 1 && names.push(String(row.getCell(1).value))));
  return names.sort();
}

async function folder(name: string, townships: string[]): Promise<string> {
  const dir = path.join(root, name);
  await fs.mkdir(dir, { recursive: true });
  for (const t of townships) await writeTownship(dir, `${t}.xlsx`, { name: t });
  return dir;
}

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "kaohe-inputs-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("--out naming an input is refused (exit 2), the township's file untouched", () => {
  it.each([
    ["the same relative path", (_dir: string) => "a/镇1.xlsx"],
    ["another spelling of the path", (_dir: string) => "./a/../a/镇1.xlsx"],
    ["an absolute path", (dir: string) => path.join(dir, "镇1.xlsx")],
  ])("%s", async (_name, outOf) => {
    const dir = await folder("a", ["镇1", "镇2"]);
    const before = sha(path.join(dir, "镇1.xlsx"));
    const res = await run(["a/镇1.xlsx", "a/镇2.xlsx", "--out", outOf(dir)], root);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("--out a/镇1.xlsx 是输入文件之一，不会覆盖它");
    expect(res.stdout).toBe("");
    expect(sha(path.join(dir, "镇1.xlsx"))).toBe(before);
    expect((await fs.readdir(dir)).sort()).toEqual(["镇1.xlsx", "镇2.xlsx"]);
  });

  it("a link to an input, a hard link to one, or an input inside a named folder", async () => {
    const dir = await folder("b", ["镇1", "镇2"]);
    const before = sha(path.join(dir, "镇1.xlsx"));
    await fs.symlink(path.join(dir, "镇1.xlsx"), path.join(root, "soft.xlsx"));
    await fs.link(path.join(dir, "镇1.xlsx"), path.join(root, "hard.xlsx"));
    for (const out of ["soft.xlsx", "hard.xlsx", "b/镇2.xlsx"]) {
      const res = await run(["b", "--out", out, "--lang", "en"], root);
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/--out b\/镇[12]\.xlsx is one of the input files and is never overwritten/);
    }
    expect(sha(path.join(dir, "镇1.xlsx"))).toBe(before);
    expect((await fs.lstat(path.join(root, "soft.xlsx"))).isSymbolicLink()).toBe(true);
  });

  it("a previous run's county workbook inside the folder is replaced, never read as a township", async () => {
    const dir = await folder("c", ["镇1", "镇2"]);
    const first = await run([".", "--out", "county.xlsx"], dir);
    expect(first.code).toBe(0);
    const again = await run([".", "--out", "county.xlsx"], dir);
    expect(again.stderr).toBe("");
    expect(again.stdout).toContain(
      "已汇总 2 个镇街（2025 年度），0 个文件未汇总，问题 0 条；已写入 county.xlsx",
    );
    expect(await rankingTownships(path.join(dir, "county.xlsx"))).toEqual(["镇1", "镇2"]);
  });
});

describe("links, FIFOs and devices in the inputs", () => {
  it("follows a linked township file and a linked folder; a link to nothing is a named problem", async () => {
    const shared = await folder("shared", ["镇3", "镇4"]);
    const dir = await folder("d", ["镇1"]);
    await fs.symlink(path.join(shared, "镇3.xlsx"), path.join(dir, "镇3-link.xlsx"));
    await fs.mkdir(path.join(dir, "sub"));
    await fs.symlink(shared, path.join(dir, "sub", "shared-link"));
    await fs.symlink(path.join(dir, "gone.xlsx"), path.join(dir, "broken.xlsx"));
    // A loop back to the folder itself is walked once.
    await fs.symlink(dir, path.join(dir, "sub", "loop"));
    const res = await run(["d", "--out", "out-d.xlsx", "--json"], root);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as { used: string[]; problems: { file: string; code: string }[] };
    // 镇3 is reached twice (the link beside it and the linked folder): read once, not a duplicate township.
    expect(await rankingTownships(path.join(root, "out-d.xlsx"))).toEqual(["镇1", "镇3", "镇4"]);
    expect(doc.problems).toEqual([
      expect.objectContaining({ file: "d/broken.xlsx", code: "file-broken-link" }),
    ]);
    expect(res.stderr).toBe("文件 d/broken.xlsx：是符号链接，但指向的文件不存在，未汇总\n");
  });

  it("a FIFO named on the command line or found in a folder is refused by name and never blocks", async () => {
    const dir = await folder("e", ["镇1"]);
    execFileSync("mkfifo", [path.join(dir, "pipe.xlsx"), path.join(root, "named-pipe")]);
    const res = await run(["e", "named-pipe", "/dev/null", "--out", "out-e.xlsx", "--lang", "en"], root);
    expect(res.code).toBe(0);
    expect(res.stderr.split("\n").sort()).toEqual(
      [
        "",
        "file e/pipe.xlsx: not a regular file (a FIFO, device or socket); not read",
        "file named-pipe: not a regular file (a FIFO, device or socket); not read",
        "file /dev/null: not a regular file (a FIFO, device or socket); not read",
      ].sort(),
    );
    expect(await rankingTownships(path.join(root, "out-e.xlsx"))).toEqual(["镇1"]);
  });

  it("expandPaths lists by lstat/stat only: FIFOs, devices and broken links apart from the files", async () => {
    const dir = path.join(root, "f");
    await fs.mkdir(dir);
    execFileSync("mkfifo", [path.join(dir, "x.xlsx")]);
    await fs.writeFile(path.join(dir, "a.xlsx"), "x");
    await fs.writeFile(path.join(dir, "notes.txt"), "x");
    await fs.symlink(path.join(dir, "nowhere"), path.join(dir, "b.xlsx"));
    const listed = await expandPaths([dir, "/dev/zero", path.join(root, "missing.xlsx")]);
    expect(listed.files).toEqual([path.join(dir, "a.xlsx")]);
    expect(listed.missing).toEqual([path.join(root, "missing.xlsx")]);
    expect(listed.refused).toEqual([
      { path: path.join(dir, "b.xlsx"), code: "file-broken-link" },
      { path: path.join(dir, "x.xlsx"), code: "file-not-regular" },
      { path: "/dev/zero", code: "file-not-regular" },
    ]);
  });
});

describe("a township workbook with two checklist tabs", () => {
  it("is left out with a problem naming both tabs, never read from the first silently", async () => {
    const dir = await folder("g", ["镇1"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await townshipBytes({ name: "镇2" })) as unknown as ArrayBuffer);
    const copy = wb.addWorksheet("indicators");
    wb.getWorksheet("镇街指标")!.eachRow((row) => void copy.addRow(row.values as unknown[]));
    await wb.xlsx.writeFile(path.join(dir, "镇2.xlsx"));
    const res = await run(["g", "--json"], root);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout) as {
      excluded: string[];
      problems: { file: string; sheet: string; code: string; message: string }[];
    };
    expect(doc.excluded).toEqual(["镇2.xlsx"]);
    expect(doc.problems).toEqual([
      expect.objectContaining({
        file: "镇2.xlsx",
        sheet: "indicators",
        code: "duplicate-tab",
        message: "有两个工作表都是“镇街指标”：“镇街指标”和“indicators”，请保留一个（重命名或删除另一个）",
      }),
    ]);
  });
});
