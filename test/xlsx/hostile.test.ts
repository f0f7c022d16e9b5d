/**
 * Hostile and odd inputs found by probing the readers: each is refused naming the file (and the cell or
 * part), or read as LibreOffice and Excel read it — never a crash, an abort for memory, or a silent blank.
 */
import { spawnSync } from "child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FastWorkbook } from "../../src/hosts/xlsx/fast";
import { largeFileReader } from "../../src/hosts/xlsx/fast/open";
import { READ_BOUNDS } from "../../src/hosts/xlsx/fast/sheetReader";
import { openWorkbook, WorkbookRefusedError } from "../../src/hosts/xlsx/open";
import { readWorksheet } from "../../src/hosts/xlsx/read";
import { runCli } from "../cli/run";
import { writeZipBomb } from "../consolidate/support/zipBomb";
import { countySheets } from "../fixtures/county";
import { rewritePackage } from "../fixtures/rewrites";
import { xlsxBytes } from "../fixtures/workbook";

const ROOT = path.join(__dirname, "../..");
const SAMPLE = readFileSync(path.join(ROOT, "examples/county-2025.xlsx"));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "kaohe-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The package with the XML of tab `sheet` passed through `edit`. */
function editSheet(bytes: Uint8Array, sheet: string, edit: (xml: string) => string): Buffer {
  const part = FastWorkbook.fromBuffer(Buffer.from(bytes)).sheets.find((s) => s.name === sheet)!.path;
  return rewritePackage(bytes, (name, xml) => (name === part ? edit(xml) : undefined));
}

/** Runs the CLI in a child process (so that an abort for memory shows) and reports its peak RSS. */
function cli(args: string[]): { status: number | null; stderr: string; stdout: string; rssMb: number } {
  const script = `require(${JSON.stringify(path.join(ROOT, "bench", "register.js"))});
    require(${JSON.stringify(path.join(ROOT, "src", "cli", "main.ts"))}).main(${JSON.stringify(args)})
      .then((code) => { process.stderr.write("RSS " + process.resourceUsage().maxRSS + "\\n"); process.exit(code); });`;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 180000, cwd: dir });
  const rss = /RSS (\d+)/.exec(run.stderr);
  return {
    status: run.status,
    stderr: run.stderr,
    stdout: run.stdout,
    rssMb: rss ? Number(rss[1]) / 1024 : Infinity,
  };
}

async function score(name: string, bytes: Uint8Array, ...args: string[]) {
  writeFileSync(path.join(dir, name), bytes);
  return runCli(["score", name, ...(args.includes("--lang") ? [] : ["--lang", "en"]), ...args], dir);
}

/** The JSON report without the output's name. */
const report = (stdout: string): unknown => ({ ...(JSON.parse(stdout) as object), output: undefined });
const sampleJson = async () => report((await score("sample.xlsx", SAMPLE, "--json")).stdout);

describe("XML that is not data", () => {
  it("an incident row inside an XML comment is not read (LibreOffice and Excel see nothing there)", async () => {
    const veto =
      '<!-- <row r="69"><c r="A69" t="inlineStr"><is><t>2025-03-03</t></is></c><c r="B69" t="inlineStr"><is><t>公安</t></is></c><c r="D69" t="inlineStr"><is><t>20B.3</t></is></c></row> -->';
    const bytes = editSheet(SAMPLE, "事项记录", (xml) => xml.replace("</sheetData>", `${veto}</sheetData>`));
    const run = await score("comment.xlsx", bytes, "--json");
    expect(run.code).toBe(0);
    expect(report(run.stdout)).toEqual(await sampleJson());
  });

  it("a DOCTYPE is refused, never expanded, naming the file and the part; nothing is written", async () => {
    const bomb = '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>';
    const bytes = editSheet(SAMPLE, "事项记录", (xml) => xml.replace("<worksheet", `${bomb}<worksheet`));
    const run = await score("doctype.xlsx", bytes);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/doctype\.xlsx: xl\/worksheets\/sheet4\.xml declares a DOCTYPE/);
    expect(existsSync(path.join(dir, "doctype.scored.xlsx"))).toBe(false);
  });
});

describe("cells whose value cannot be known", () => {
  it("a formula saved without its result in a tab the contract reads is an error naming the cell", async () => {
    const quantity = editSheet(SAMPLE, "事项记录", (xml) =>
      xml.replace('<c r="E2"><v>1</v></c>', '<c r="E2"><f>2*3</f></c>'),
    );
    const run = await score("uncached.xlsx", quantity);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("uncached.xlsx: 事项记录!E2 is a formula saved without its result");
    const verified = editSheet(SAMPLE, "事项记录", (xml) =>
      xml.replace('<c r="I2" t="s"><v>66</v></c>', '<c r="I2" t="str"><f>IF(1,"否","是")</f></c>'),
    );
    const again = await score("uncached2.xlsx", verified, "--lang", "zh-CN");
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("事项记录!I2 是公式，但文件中没有保存其计算结果");
  });

  it('t="d" cells (ISO 8601 dates) are dates', async () => {
    const bytes = editSheet(SAMPLE, "事项记录", (xml) =>
      xml.replace('<c r="A2" s="2"><v>45663</v></c>', '<c r="A2" s="2" t="d"><v>2025-01-06T00:00:00</v></c>'),
    );
    const run = await score("d-cells.xlsx", bytes, "--json");
    expect(run.code).toBe(0);
    expect(report(run.stdout)).toEqual(await sampleJson());
  });
});

describe("far and many cells", () => {
  const withTab = async (edit: (xml: string) => string): Promise<Buffer> =>
    editSheet(await xlsxBytes([...countySheets(), { name: "附表", rows: [["x"]] }]), "附表", edit);

  it("a cell beyond Excel's grid (A99999999) is refused naming the tab, by score and print, in bounded memory", async () => {
    const bytes = await withTab((xml) =>
      xml.replace(/<row r="1"([^>]*)><c r="A1"/, '<row r="99999999"$1><c r="A99999999"'),
    );
    writeFileSync(path.join(dir, "far.xlsx"), bytes);
    for (const command of ["score", "print"]) {
      const run = cli([command, "far.xlsx", "--lang", "en", "--period", "2025"]);
      expect([command, run.status]).toEqual([command, 1]);
      expect(run.stderr).toMatch(/far\.xlsx: 附表 refers to a cell outside Excel's grid \(row 99999999/);
      expect(run.rssMb).toBeLessThan(500);
    }
    // The ExcelJS reader, where it still reads (the page), refuses it too instead of padding 100 million rows.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(() => readWorksheet(wb.getWorksheet("附表")!, "far.xlsx")).toThrow(WorkbookRefusedError);
  });

  it("a legal tab with text only in XFD1 and A1048576 is scored and printed in bounded memory", async () => {
    const bytes = await withTab((xml) =>
      xml.replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData><row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>y</t></is></c></row></sheetData>',
      ),
    );
    writeFileSync(path.join(dir, "corners.xlsx"), bytes);
    for (const command of ["score", "print"]) {
      const run = cli([command, "corners.xlsx", "--lang", "en", "--period", "2025"]);
      expect([command, run.status, run.stderr.replace(/RSS \d+\n/, "")]).toEqual([command, 0, ""]);
      expect(run.rssMb).toBeLessThan(800);
    }
  });

  it("1,048,576 formatted empty rows: score reads past them; print refuses them by name instead of aborting", async () => {
    const rows = Array.from({ length: 1048576 }, (_, i) => `<row r="${i + 1}" s="0" customFormat="1"/>`).join(
      "",
    );
    const bytes = await withTab((xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData>${rows}</sheetData>`),
    );
    writeFileSync(path.join(dir, "rows.xlsx"), bytes);
    const scored = cli(["score", "rows.xlsx", "--lang", "en"]);
    expect(scored.status).toBe(0);
    expect(scored.rssMb).toBeLessThan(800);
    const printed = cli(["print", "rows.xlsx", "--lang", "en", "--period", "2025"]);
    expect(printed.status).toBe(1);
    expect(printed.stderr).toMatch(/rows\.xlsx: more than 1000000 rows/);
    expect(printed.rssMb).toBeLessThan(800);
  }, 120000);

  it("the large-file reader bounds cells while streaming", async () => {
    const saved = READ_BOUNDS.maxCells;
    READ_BOUNDS.maxCells = 100;
    try {
      const opened = await openWorkbook(SAMPLE, "sample.xlsx", { largeFile: largeFileReader });
      expect(opened.issues).toEqual([
        { severity: "error", code: "file-too-many-cells", params: { file: "sample.xlsx", max: 100 } },
      ]);
    } finally {
      READ_BOUNDS.maxCells = saved;
    }
  });
});

describe("zip bombs and junk on every path", () => {
  it("print refuses a lying 1.5 GB package (16 MB on disk) in bounded memory, as score does", () => {
    writeZipBomb(path.join(dir, "bomb.xlsx"), {
      unit: '<row r="1"><c r="A1"><v>1</v></c></row>',
      megabytes: 1500,
      declaredSize: 1 << 20,
    });
    for (const command of ["score", "print"]) {
      const run = cli([command, "bomb.xlsx", "--lang", "en", "--period", "2025"]);
      expect([command, run.status]).toEqual([command, 1]);
      expect(run.stderr).toMatch(/bomb\.xlsx: .*(zip bomb|unzips to more than)/);
      expect(run.rssMb).toBeLessThan(400);
    }
  }, 120000);

  it("a 1.9 GB file is refused on its size before a byte is read", () => {
    const file = path.join(dir, "junk.xlsx");
    const fd = openSync(file, "w");
    closeSync(fd);
    spawnSync("truncate", ["-s", String(1900 * 2 ** 20), file]);
    const run = cli(["score", "junk.xlsx", "--lang", "en"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/junk\.xlsx: too large \(1900 MB, limit 200 MB\)/);
    expect(run.rssMb).toBeLessThan(200);
    rmSync(file);
  });
});

describe("the ExcelJS reader (the page) and other writers' encodings", () => {
  it("refuses a prefixed package by name instead of reading it as empty", async () => {
    const { prefixed } = await import("../fixtures/rewrites");
    const opened = await openWorkbook(prefixed(SAMPLE), "prefixed.xlsx");
    expect(opened.issues).toEqual([
      { severity: "error", code: "file-prefixed-xml", params: { file: "prefixed.xlsx" } },
    ]);
    expect((await openWorkbook(SAMPLE, "sample.xlsx")).workbook?.path).toBe("exceljs");
  });
});

describe("the flag record of an earlier run", () => {
  it("a tampered record is refused naming its cell; a second run's record has blanks where the first had", async () => {
    expect((await score("first.xlsx", SAMPLE)).code).toBe(0);
    const scored = readFileSync(path.join(dir, "first.scored.xlsx"));
    const tampered = editSheet(scored, "_kaohe_flags", (xml) =>
      xml.replace(/<c r="B2"[^>]*?(\/>|>.*?<\/c>)/, '<c r="B2" t="inlineStr"><is><t>abc</t></is></c>'),
    );
    const run = await score("tampered.xlsx", tampered);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("tampered.xlsx: the flag record cell _kaohe_flags!B2 was edited or damaged");
    expect(existsSync(path.join(dir, "tampered.scored.xlsx"))).toBe(false);

    const again = await runCli(["score", "first.scored.xlsx", "--out", "second.xlsx"], dir);
    expect(again.code).toBe(0);
    const record = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(dir, file));
      const rows: unknown[][] = [];
      wb.getWorksheet("_kaohe_flags")!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
      return rows.map((r) => r.slice(0, 3).concat(r.slice(4)));
    };
    expect(await record("second.xlsx")).toEqual(await record("first.scored.xlsx"));
  });
});
