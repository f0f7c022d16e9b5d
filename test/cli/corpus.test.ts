/**
 * The bad-input corpus: each case is a real file; `kaohe score` must exit 1 with a located message,
 * write nothing (no output, no temp file) and leave the input byte-identical.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { countySheets, INCIDENT_HEADER, townshipSheets, withCell } from "../fixtures/county";
import {
  corruptCentralDirectory,
  encryptedXlsxBytes,
  plainZipBytes,
  sofficeConvert,
  xlsmFrom,
} from "../fixtures/files";
import { sha256, tempDir, xlsxBytes, type SheetSpec } from "../fixtures/workbook";
import { listFiles, runCli } from "./run";

interface Case {
  name: string;
  /** Writes the input file into `dir` and returns its name. */
  make: (dir: string) => Promise<string>;
  code: string;
  /** Expected location in the message: `事项记录!D3`, or the file name for file-level problems. */
  where: string;
  args?: string[];
}

const county = countySheets;
const xlsx =
  (sheets: SheetSpec[], name = "in.xlsx") =>
  async (dir: string) => {
    writeFileSync(path.join(dir, name), await xlsxBytes(sheets));
    return name;
  };
const bytes = (make: () => Buffer | Promise<Buffer>, name: string) => async (dir: string) => {
  writeFileSync(path.join(dir, name), await make());
  return name;
};
const without = (sheets: SheetSpec[], tab: string) => sheets.filter((s) => s.name !== tab);
const incident = (row: number, col: number, value: unknown) =>
  withCell(county(), "事项记录", row, col, value as string);
const settingsWithout = (item: string) =>
  county().map((s) => (s.name === "考核设置" ? { ...s, rows: s.rows.filter((r) => r[0] !== item) } : s));

const CASES: Case[] = [
  { name: "missing tab", make: xlsx(without(county(), "事项记录")), code: "missing-tab", where: "事项记录" },
  {
    name: "missing roster tab",
    make: xlsx(without(county(), "人员名册")),
    code: "missing-tab",
    where: "人员名册",
  },
  { name: "missing header", make: xlsx(incident(1, 4, "说明")), code: "missing-header", where: "事项记录!" },
  { name: "unknown code", make: xlsx(incident(3, 4, "14.99")), code: "unknown-rule", where: "事项记录!D3" },
  {
    name: "impossible date",
    make: xlsx(incident(2, 1, "2025-02-30")),
    code: "impossible-date",
    where: "事项记录!A2",
  },
  { name: "not a date", make: xlsx(incident(2, 1, "下周一")), code: "bad-date", where: "事项记录!A2" },
  { name: "zero quantity", make: xlsx(incident(3, 5, 0)), code: "bad-quantity", where: "事项记录!E3" },
  { name: "negative quantity", make: xlsx(incident(3, 5, -2)), code: "bad-quantity", where: "事项记录!E3" },
  {
    name: "fractional quantity",
    make: xlsx(incident(3, 5, 1.5)),
    code: "bad-quantity",
    where: "事项记录!E3",
  },
  {
    name: "分值 outside range",
    make: xlsx(incident(6, 7, 9)),
    code: "points-out-of-range",
    where: "事项记录!G6",
  },
  {
    name: "分值 on a fixed rule",
    make: xlsx(incident(2, 7, 1)),
    code: "points-not-allowed",
    where: "事项记录!G2",
  },
  {
    name: "unknown window",
    make: xlsx(incident(4, 2, "交警")),
    code: "unknown-window",
    where: "事项记录!B4",
  },
  { name: "unknown staff", make: xlsx(incident(4, 3, "赵六")), code: "unknown-staff", where: "事项记录!C4" },
  {
    name: "duplicate roster names",
    // Two rows of one person whose stays share a day (a person may move, one window at a time).
    make: xlsx(withCell(county(), "人员名册", 4, 1, "王芳")),
    code: "staff-rows-overlap",
    where: "人员名册!E4",
  },
  {
    name: "duplicate window",
    make: xlsx(withCell(county(), "窗口名册", 4, 1, "公安")),
    code: "duplicate-window",
    where: "窗口名册!A4",
  },
  {
    name: "checklist score above max",
    make: xlsx(withCell(townshipSheets(), "镇街指标", 2, 5, 6)),
    code: "indicator-out-of-range",
    where: "镇街指标!E2",
  },
  {
    name: "checklist score not a number",
    make: xlsx(withCell(townshipSheets(), "镇街指标", 3, 4, "满分")),
    code: "not-a-number",
    where: "镇街指标!D3",
  },
  {
    name: "empty workbook",
    make: xlsx([{ name: "Sheet1", rows: [] }]),
    code: "empty-workbook",
    where: "in.xlsx：",
  },
  {
    name: "missing settings",
    make: xlsx(settingsWithout("考核年度")),
    code: "missing-setting",
    where: "考核设置",
  },
  {
    name: "bad year",
    make: xlsx(withCell(county(), "考核设置", 4, 2, "明年")),
    code: "bad-year",
    where: "考核设置!B4",
  },
  {
    name: "unknown profile",
    make: xlsx(withCell(county(), "考核设置", 5, 2, "beijing-2030")),
    code: "unknown-profile",
    where: "考核设置!B5",
  },
  {
    name: "bad unit type",
    make: xlsx(withCell(county(), "考核设置", 3, 2, "市中心")),
    code: "bad-unit-type",
    where: "考核设置!B3",
  },
  { name: "bad 核实", make: xlsx(incident(2, 9, "可能")), code: "bad-verified", where: "事项记录!I2" },
  {
    name: "bad role",
    make: xlsx(withCell(county(), "人员名册", 3, 3, "科长")),
    code: "bad-role",
    where: "人员名册!C3",
  },
  {
    // Blank 窗口 and no person (beside a person, a blank 窗口 is the window the person served that day).
    name: "empty window cell",
    make: xlsx(withCell(withCell(county(), "事项记录", 3, 3, null), "事项记录", 3, 2, null)),
    code: "missing-value",
    where: "事项记录!B3",
  },
  {
    name: "period outside the year",
    make: xlsx(county()),
    code: "period-not-in-year",
    where: "2024-Q1",
    args: ["--period", "2024-Q1"],
  },
  {
    name: "a .csv renamed .xlsx",
    make: bytes(() => Buffer.from(`${INCIDENT_HEADER.join(",")}\n2025-03-05,公安,王芳,14.7\n`), "csv.xlsx"),
    code: "file-text",
    where: "csv.xlsx",
  },
  {
    name: "a legacy .xls (converted by LibreOffice) renamed .xlsx",
    make: async (dir) => {
      const src = path.join(dir, "legacy-src.xlsx");
      writeFileSync(src, await xlsxBytes(county()));
      const xls = sofficeConvert(src, "xls", dir, "xls");
      const { renameSync, rmSync } = await import("fs");
      renameSync(xls, path.join(dir, "legacy.xlsx"));
      rmSync(src);
      return "legacy.xlsx";
    },
    code: "file-xls",
    where: "legacy.xlsx",
  },
  {
    name: "an encrypted workbook",
    make: bytes(encryptedXlsxBytes, "secret.xlsx"),
    code: "file-encrypted",
    where: "secret.xlsx",
  },
  {
    name: "an .xlsm",
    make: bytes(async () => xlsmFrom(await xlsxBytes(county())), "macro.xlsm"),
    code: "file-xlsm",
    where: "macro.xlsm",
  },
  {
    name: "a corrupt zip",
    make: bytes(async () => corruptCentralDirectory(await xlsxBytes(county())), "corrupt.xlsx"),
    code: "file-corrupt",
    where: "corrupt.xlsx",
  },
  {
    name: "a truncated file",
    make: bytes(async () => {
      const full = await xlsxBytes(county());
      return full.subarray(0, Math.floor(full.length / 2));
    }, "cut.xlsx"),
    code: "file-truncated",
    where: "cut.xlsx",
  },
  {
    name: "an empty file",
    make: bytes(() => Buffer.alloc(0), "zero.xlsx"),
    code: "file-empty",
    where: "zero.xlsx",
  },
  {
    name: "a PNG renamed .xlsx",
    make: bytes(() => Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"), "image.xlsx"),
    code: "file-unknown",
    where: "image.xlsx",
  },
  {
    name: "a zip without a workbook",
    make: bytes(plainZipBytes, "doc.xlsx"),
    code: "file-not-workbook",
    where: "doc.xlsx",
  },
];

describe("bad-input corpus", () => {
  it("has at least 25 error cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
  });

  it.each(CASES.map((c) => [c.name, c] as const))(
    "%s: exit 1, located message, nothing written",
    async (_n, c) => {
      const dir = tempDir();
      const input = await c.make(dir);
      const hash = sha256(path.join(dir, input));
      const files = listFiles(dir);
      const out = path.join(dir, "out.scored.xlsx");

      const human = await runCli(["score", input, "--out", out, ...(c.args ?? [])], dir);
      expect(human.code).toBe(1);
      expect(human.stdout).toBe("");
      expect(human.stderr).toContain(c.where);

      const json = await runCli(["score", input, "--json", "--lang", "en", ...(c.args ?? [])], dir);
      expect(json.code).toBe(1);
      const doc = JSON.parse(json.stdout) as {
        issues: { code: string; severity: string; message: string }[];
      };
      expect(doc).toMatchObject({ windows: [], staff: [], townships: [] });
      expect(doc.issues.filter((i) => i.severity === "error").map((i) => i.code)).toContain(c.code);
      expect(doc.issues.every((i) => i.message.length > 0 && !i.message.startsWith("file-"))).toBe(true);

      expect(listFiles(dir)).toEqual(files);
      expect(sha256(path.join(dir, input))).toBe(hash);
    },
  );
});

describe("located messages in three languages", () => {
  it("names sheet and cell in zh-CN, zh-TW and en", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "in.xlsx"), await xlsxBytes(incident(3, 4, "14.99")));
    const zhCN = await runCli(["score", "in.xlsx"], dir);
    const zhTW = await runCli(["score", "in.xlsx", "--lang", "zh-TW"], dir);
    const en = await runCli(["score", "in.xlsx", "--lang", "en"], dir);
    expect(zhCN.stderr).toContain("事项记录!D3：");
    expect(zhCN.stderr).toContain("14.99");
    expect(zhTW.stderr).toContain("事项记录!D3");
    expect(en.stderr).toContain('事项记录!D3: unknown rule code "14.99"');
    expect(listFiles(dir)).toEqual(["in.xlsx"]);
  });

  it("reports a missing input file as exit 1 without writing", async () => {
    const dir = tempDir();
    const run = await runCli(["score", "nope.xlsx", "--json"], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).issues[0]).toMatchObject({ code: "file-not-found", severity: "error" });
    expect(listFiles(dir)).toEqual([]);
  });

  it("a date typed as text with full-width digits still reads (not an error)", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "in.xlsx"), await xlsxBytes(incident(2, 1, "２０２５-０１-０７")));
    expect((await runCli(["score", "in.xlsx"], dir)).code).toBe(0);
  });
});
