import ExcelJS from "exceljs";
import { execFileSync } from "child_process";
import { promises as fs, mkdtempSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import type { CliIo } from "../../src/cli/io";
import { BAD, expectedTotal, goodSpecs, GOOD_COUNT, writeBad, writeGood } from "./support/corpus";
import { writeTownship } from "./support/townships";

let root: string;
let good: string;
let bad: string;
let out: string;

function io(cwd: string) {
  const text = { stdout: "", stderr: "" };
  const cli: CliIo = { cwd, stdout: (t) => void (text.stdout += t), stderr: (t) => void (text.stderr += t) };
  return { cli, text };
}

type Cells = (string | number | null)[][];

async function readTabs(file: string): Promise<Record<string, Cells>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const tabs: Record<string, Cells> = {};
  for (const ws of wb.worksheets) {
    const rows: Cells = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = row.values as unknown[];
      rows[n - 1] = Array.from(
        { length: ws.columnCount },
        (_, c) => (values[c + 1] ?? null) as string | number | null,
      );
    });
    tabs[ws.name] = rows;
  }
  return tabs;
}

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), "kaohe-consolidate-"));
  good = path.join(root, "good");
  bad = path.join(root, "bad");
  out = path.join(root, "out");
  await Promise.all([good, bad, out].map((d) => fs.mkdir(d)));
  await writeGood(good);
  await writeBad(bad);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("kaohe consolidate on real files", () => {
  let tabs: Record<string, Cells>;
  let stderr: string;
  let code: number;

  beforeAll(async () => {
    const { cli, text } = io(root);
    code = await main(["consolidate", "good", "bad", "--out", "out/county.xlsx"], cli);
    stderr = text.stderr;
    tabs = await readTabs(path.join(out, "county.xlsx"));
  });

  it("consolidates every good file and ranks them right", () => {
    expect(code).toBe(0);
    expect(Object.keys(tabs)).toEqual(["县汇总_镇街排名", "县汇总_问题", "县汇总_窗口"]);
    const [header, ...rows] = tabs["县汇总_镇街排名"]!;
    expect(header!.slice(0, 14)).toEqual([
      "镇街",
      "T1 领导重视",
      "T2 办公场所",
      "T3 设备配备",
      "T4 窗口设置",
      "T5 配合工作",
      "T6 办理事项办结率",
      "T7 为民办事全程代办工作情况",
      "T8 信息报送",
      "T9 群众投诉",
      "T10 明查暗访电子监察",
      "总分",
      "排名",
      "等次",
    ]);
    expect(header!.slice(-4)).toEqual(["T10差额", "差额合计", "未复核项", "来源文件"]);
    expect(rows).toHaveLength(GOOD_COUNT);
    // Every good township, its total summed independently of the product, sorted high to low.
    const expected = goodSpecs()
      .map(({ file, spec }) => [spec.name, expectedTotal(spec) / 10, file] as const)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    expect(rows.map((r) => [r[0], r[11], r[r.length - 1]])).toEqual(expected.map(([n, t, f]) => [n, t, f]));
    // Hand-checked rows.
    const byName = (n: string) => rows.find((r) => r[0] === n)!;
    expect(byName("满分镇").slice(11, 14)).toEqual([100, 1, "优秀"]);
    expect(byName("并列甲镇").slice(11, 14)).toEqual([93, byName("并列乙镇")[12], "合格"]);
    // 并列甲镇: reviewed T6 10 of 15, T10 13 of 15 → −5, −2, total −7; 并列乙镇: nothing reviewed.
    expect(byName("并列甲镇").slice(-4)).toEqual([-2, -7, 0, "02-并列甲镇.xlsx"]);
    expect(byName("并列乙镇").slice(-4)).toEqual([null, 0, 10, "03-并列乙镇.xlsx"]);
    // Competition ranks: 1, 2, 2, 4 … over the sorted totals.
    const totals = rows.map((r) => r[11] as number);
    rows.forEach((r, i) => expect(r[12]).toBe(totals.indexOf(totals[i]!) + 1));
  });

  it("the county tabs have a frozen header row", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, "county.xlsx"));
    for (const ws of wb.worksheets)
      expect([ws.name, ws.views[0]]).toEqual([
        ws.name,
        expect.objectContaining({ state: "frozen", ySplit: 1 }),
      ]);
  });

  it("reports every bad file, located, and leaves each out", () => {
    const [header, ...rows] = tabs["县汇总_问题"]!;
    expect(header).toEqual(["文件", "工作表", "单元格", "问题", "处理"]);
    for (const [file, { cell }] of Object.entries(BAD)) {
      const mine = rows.filter((r) => r[0] === file);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((r) => r[4] === "未汇总")).toBe(true);
      if (cell) expect(mine.map((r) => `${r[1]}!${r[2]}`)).toContain(cell);
      expect(stderr).toContain(file);
    }
    expect(rows.find((r) => r[0] === "oversize.xlsx")![3]).toBe(
      "文件 oversize.xlsx：文件过大（51 MB，上限 50 MB），未读取",
    );
    expect(rows.find((r) => r[0] === "tampered-max.xlsx")![3]).toBe(
      "指标 T2 分值为 12，与规则版本的 10 不符（疑似改动）",
    );
    expect(rows.find((r) => r[0] === "corrupt.xlsx")![3]).toBe(
      "文件 corrupt.xlsx：文件已损坏，无法作为 .xlsx 读取 (xl/worksheets/sheet1.xml)",
    );
    expect(rows.find((r) => r[0] === "year-2024.xlsx")![3]).toBe(
      "考核年度为 2024，与汇总年度 2025 不同，未汇总",
    );
    // The only good file with a problem: its window tab has an unknown code (reported, still counted).
    const notices = rows.filter((r) => r[4] !== "未汇总");
    expect(notices.length).toBeGreaterThan(0);
    expect(new Set(notices.map((r) => r[0]))).toEqual(new Set(["04-窗口有误镇.xlsx"]));
    expect(notices.map((r) => r[1])).toContain("事项记录");
  });

  it("each bad file gives its own problem code (JSON)", async () => {
    const { cli, text } = io(root);
    expect(await main(["consolidate", "bad", "good", "--json"], cli)).toBe(0);
    const doc = JSON.parse(text.stdout) as {
      problems: { file: string; code: string; sheet: string | null; cell: string | null; message: string }[];
      used: string[];
      excluded: string[];
      townships: { township: string; total: number; rank: number }[];
      out: null;
    };
    for (const [file, { code: c }] of Object.entries(BAD)) {
      expect([file, doc.problems.filter((p) => p.file === file).map((p) => p.code)]).toEqual([
        file,
        expect.arrayContaining([c]),
      ]);
    }
    expect(doc.excluded.sort()).toEqual(Object.keys(BAD).sort());
    expect(doc.used).toHaveLength(GOOD_COUNT);
    expect(doc.out).toBeNull();
    expect(doc.townships[0]).toMatchObject({ township: "满分镇", total: 100, rank: 1 });
  });

  it("summarises the townships' own windows", () => {
    const [header, ...rows] = tabs["县汇总_窗口"]!;
    expect(header).toEqual(["镇街", "窗口", "年度得分", "等次", "否决"]);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["满分镇", "民政"],
      ["满分镇", "社保"],
    ]);
    expect(String(rows[0]![4])).toMatch(/^20A\.1 /);
    expect(rows[1]![4]).toBeNull();
    expect(typeof rows[0]![2]).toBe("number");
  });

  it("is repeatable: the same files give identical tabs; one more file changes only its row and ranks", async () => {
    const { cli } = io(root);
    expect(await main(["consolidate", "bad", "good", "--out", "out/again.xlsx"], cli)).toBe(0);
    expect(await readTabs(path.join(out, "again.xlsx"))).toEqual(tabs);

    const extra = path.join(root, "extra");
    await fs.mkdir(extra);
    await writeTownship(extra, "新镇.xlsx", { name: "新镇", self: [5, 10, 10, 10, 10, 15, 10, 5, 10, 10] }); // 95.0
    expect(await main(["consolidate", "good", "bad", "extra", "--out", "out/more.xlsx"], cli)).toBe(0);
    const more = await readTabs(path.join(out, "more.xlsx"));
    expect(more["县汇总_问题"]).toEqual(tabs["县汇总_问题"]);
    expect(more["县汇总_窗口"]).toEqual(tabs["县汇总_窗口"]);
    const before = tabs["县汇总_镇街排名"]!;
    const after = more["县汇总_镇街排名"]!;
    expect(after.filter((r) => r[0] !== "新镇").map((r) => r.filter((_, c) => c !== 12))).toEqual(
      before.map((r) => r.filter((_, c) => c !== 12)),
    );
    const newRow = after.find((r) => r[0] === "新镇")!;
    const above = before.slice(1).filter((r) => (r[11] as number) > 95).length;
    expect(newRow.slice(11, 14)).toEqual([95, above + 1, "优秀"]);
    after
      .filter((r, i) => i > 0 && r[0] !== "新镇")
      .forEach((r) => {
        const old = before.find((b) => b[0] === r[0])!;
        expect(r[12]).toBe((old[12] as number) + ((r[11] as number) < 95 ? 1 : 0));
      });
  });

  it("--prefer picks which copy of a township counts", async () => {
    const { cli, text } = io(root);
    expect(
      await main(
        ["consolidate", "good", "bad/dup-b.xlsx", "bad/dup-a.xlsx", "--prefer", "dup-b.xlsx", "--json"],
        cli,
      ),
    ).toBe(0);
    const doc = JSON.parse(text.stdout) as {
      townships: { township: string; file: string; total: number }[];
      problems: { file: string; code: string }[];
    };
    expect(doc.townships.find((t) => t.township === "重复镇")).toMatchObject({
      file: "dup-b.xlsx",
      total: 90,
    });
    expect(new Set(doc.problems.map((p) => p.file))).toEqual(new Set(["04-窗口有误镇.xlsx", "dup-a.xlsx"]));
    expect(doc.problems.filter((p) => p.file.startsWith("dup"))).toEqual([
      expect.objectContaining({ file: "dup-a.xlsx", code: "duplicate-township-not-preferred" }),
    ]);
  });

  it("untrusted text is written as text, never as a formula; a --prefer naming no input is reported", async () => {
    const dir = path.join(root, "formula");
    await fs.mkdir(dir);
    await writeTownship(dir, "=cmd.xlsx", { name: '=HYPERLINK("http://x","y")' });
    await writeTownship(dir, "plus.xlsx", { name: "+1+1" });
    const { cli, text } = io(dir);
    expect(await main(["consolidate", ".", "--out", "county.xlsx", "--prefer", "nothing.xlsx"], cli)).toBe(0);
    expect(text.stderr).toBe("--prefer nothing.xlsx：不在输入文件中\n");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, "county.xlsx"));
    const ws = wb.getWorksheet("县汇总_镇街排名")!;
    const cells = [2, 3].flatMap((r) => [ws.getCell(r, 1).value, ws.getCell(r, 27).value]);
    expect(cells.sort()).toEqual(["+1+1", '=HYPERLINK("http://x","y")', "=cmd.xlsx", "plus.xlsx"].sort());
  });

  it("consolidateFiles (bytes, browser-safe) keeps two files of the same name apart", async () => {
    const { consolidateFiles } = await import("../../src/hosts/xlsx/consolidateFiles");
    const bytes = await fs.readFile(path.join(good, "05-镇5.xlsx"));
    const { result } = await consolidateFiles([
      { name: "t.xlsx", bytes },
      { name: "t.xlsx", bytes },
    ]);
    expect(result.townships).toEqual([]);
    expect(result.problems.map((p) => [p.file, p.issue.code])).toEqual([
      ["t.xlsx", "duplicate-township"],
      ["t.xlsx (2)", "duplicate-township"],
    ]);
  });

  it("exit 1 when no file can be used, the county workbook still written with its problems; exit 2 on usage errors", async () => {
    const { cli, text } = io(root);
    expect(
      await main(["consolidate", "bad/legacy.xls", "bad/zip-bomb.xlsx", "--out", "out/none.xlsx"], cli),
    ).toBe(1);
    const none = await readTabs(path.join(out, "none.xlsx"));
    expect(none["县汇总_镇街排名"]!.length).toBe(1);
    const files = none["县汇总_问题"]!.slice(1).map((r) => [r[0], r[4]]);
    expect(files).toEqual([
      ["legacy.xls", "未汇总"],
      ["zip-bomb.xlsx", "未汇总"],
    ]);
    expect(text.stderr).toContain("legacy.xls");
    expect(await main(["consolidate", "good", "--out", "no-such-dir/county.xlsx"], cli)).toBe(1);
    expect(text.stderr).toContain("no-such-dir/county.xlsx");
    expect(await main(["consolidate", "good"], cli)).toBe(2);
    expect(await main(["consolidate", "good", "--out", "x.csv"], cli)).toBe(2);
    expect(await main(["consolidate", "--out", "x.xlsx"], cli)).toBe(2);
    expect(await main(["consolidate", "good", "--json", "--year", "25"], cli)).toBe(2);
  });

  it("--year chooses the year and --lang en words the problems", async () => {
    const { cli, text } = io(root);
    expect(
      await main(
        ["consolidate", "good", "bad/year-2024.xlsx", "--year", "2024", "--json", "--lang", "en"],
        cli,
      ),
    ).toBe(0);
    const doc = JSON.parse(text.stdout) as {
      year: number;
      used: string[];
      problems: { file: string; message: string }[];
    };
    expect(doc.year).toBe(2024);
    expect(doc.used).toEqual(["year-2024.xlsx"]);
    expect(doc.problems.find((p) => p.file === "05-镇5.xlsx")!.message).toBe(
      "assessment year 2025 differs from the consolidated year 2024; left out",
    );
  });

  it("--profile chooses the profile; an unknown one is a usage error", async () => {
    const { cli, text } = io(root);
    expect(
      await main(["consolidate", "good", "bad/tongshan.xlsx", "--profile", "tongshan", "--json"], cli),
    ).toBe(0);
    const doc = JSON.parse(text.stdout) as { profile: string; used: string[] };
    expect(doc).toMatchObject({ profile: "tongshan", used: ["tongshan.xlsx"] });
    expect(await main(["consolidate", "good", "--json", "--profile", "nope"], cli)).toBe(2);
    expect(text.stderr).toContain('unknown rules profile "nope"');
  });

  it("LibreOffice reads the same ranking", () => {
    const lo = path.join(root, "lo");
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=file://${path.join(root, "lo-profile")}`,
        "--headless",
        "--convert-to",
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1",
        "--outdir",
        lo,
        path.join(out, "county.xlsx"),
      ],
      { stdio: "ignore", timeout: 120000 },
    );
    // With a sheet number, LibreOffice names the output after the sheet: county-县汇总_镇街排名.csv.
    return fs.readFile(path.join(lo, "county-县汇总_镇街排名.csv"), "utf8").then((csv) => {
      const lines = csv
        .trim()
        .split("\n")
        .map((l) => l.split(","));
      const ranking = tabs["县汇总_镇街排名"]!;
      expect(lines).toHaveLength(ranking.length);
      lines.slice(1).forEach((cells, i) => {
        const row = ranking[i + 1]!;
        expect([cells[0]!.replace(/"/g, ""), Number(cells[11]), Number(cells[12])]).toEqual([
          row[0],
          row[11],
          row[12],
        ]);
      });
    });
  });
});
