import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "fs";
import * as path from "path";
import { defaultOutputPath, openWorkbookFile, sameFile, writeFileAtomic } from "../../src/hosts/xlsx/files";
import { countySheets } from "../fixtures/county";
import { tempDir, xlsxBytes } from "../fixtures/workbook";

describe("writeFileAtomic", () => {
  it("replaces with overwrite, refuses without it, and never leaves a temp file", async () => {
    const dir = tempDir();
    const target = path.join(dir, "out.xlsx");
    await writeFileAtomic(target, Buffer.from("one"), false);
    await expect(writeFileAtomic(target, Buffer.from("two"), false)).rejects.toMatchObject({
      code: "EEXIST",
    });
    expect(readFileSync(target, "utf8")).toBe("one");
    await writeFileAtomic(target, Buffer.from("three"), true);
    expect(readFileSync(target, "utf8")).toBe("three");
    mkdirSync(path.join(dir, "dir.xlsx"));
    await expect(writeFileAtomic(path.join(dir, "dir.xlsx"), Buffer.from("x"), true)).rejects.toBeDefined();
    await expect(
      writeFileAtomic(path.join(dir, "no/such/dir.xlsx"), Buffer.from("x"), true),
    ).rejects.toBeDefined();
    expect(readdirSync(dir).sort()).toEqual(["dir.xlsx", "out.xlsx"]);
  });
});

describe("paths", () => {
  it("puts <name>.scored.xlsx beside the input and recognises the same file through a link", async () => {
    const dir = tempDir();
    expect(defaultOutputPath(path.join(dir, "县中心 2025.xlsx"))).toBe(
      path.join(dir, "县中心 2025.scored.xlsx"),
    );
    const file = path.join(dir, "a.xlsx");
    writeFileSync(file, "x");
    symlinkSync(file, path.join(dir, "link.xlsx"));
    expect(await sameFile(file, path.join(dir, "link.xlsx"))).toBe(true);
    expect(await sameFile(file, path.join(dir, "./sub/../a.xlsx"))).toBe(true);
    expect(await sameFile(file, path.join(dir, "b.xlsx"))).toBe(false);
  });
});

describe("openWorkbookFile", () => {
  it("opens a workbook, and names the file for a missing path or a folder", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "ok.xlsx"), await xlsxBytes(countySheets()));
    const ok = await openWorkbookFile(path.join(dir, "ok.xlsx"));
    expect(ok.issues).toEqual([]);
    expect(ok.workbook!.path).toBe("large-file");
    expect(ok.workbook!.sheets.map((s) => s.name)).toContain("事项记录");
    const missing = await openWorkbookFile(path.join(dir, "gone.xlsx"));
    expect(missing.issues[0]).toMatchObject({ code: "file-not-found", params: { file: "gone.xlsx" } });
    mkdirSync(path.join(dir, "folder.xlsx"));
    const folder = await openWorkbookFile(path.join(dir, "folder.xlsx"));
    expect(folder.issues[0]).toMatchObject({ code: "file-unreadable", params: { file: "folder.xlsx" } });
    expect(existsSync(path.join(dir, "ok.xlsx"))).toBe(true);
  });
});
