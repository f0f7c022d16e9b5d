/** The consolidation corpus on disk: 20 good township workbooks and one bad file per check. */
import { promises as fs } from "fs";
import * as path from "path";
import { writeZipBomb } from "./zipBomb";
import {
  cfbBytes,
  corruptDeflate,
  generatedScores,
  INDICATORS,
  rezip,
  townshipBytes,
  writeTownship,
  type TownshipSpec,
} from "./townships";

export const GOOD_COUNT = 20;

/** Good township specs: three set by hand, the rest generated. */
export function goodSpecs(): { file: string; spec: TownshipSpec }[] {
  const max = INDICATORS.map(([, , m]) => m);
  const out: { file: string; spec: TownshipSpec }[] = [
    // 100.0, 优秀, with two windows (one vetoed by 20A.1).
    {
      file: "01-满分镇.xlsx",
      spec: {
        name: "满分镇",
        self: max,
        windows: [
          {
            name: "民政",
            incidents: [
              ["2025-03-05", "14.7"],
              ["2025-04-01", "20A.1"],
            ],
          },
          { name: "社保", incidents: [["2025-06-10", "14.2"]] },
        ],
      },
    },
    // Both 88.0 (T6 reviewed 10 of self 15; T10 reviewed 13 of 15): a tie.
    {
      file: "02-并列甲镇.xlsx",
      spec: { name: "并列甲镇", self: max, reviewed: max.map((m, j) => (j === 5 ? 10 : j === 9 ? 13 : m)) },
    },
    {
      file: "03-并列乙镇.xlsx",
      spec: {
        name: "并列乙镇",
        self: max.map((m, j) => (j === 5 ? 10 : j === 9 ? 13 : m)),
        reviewed: max.map(() => null),
      },
    },
    // Window tab with an unknown code: its windows are not scored, the checklist still counts.
    {
      file: "04-窗口有误镇.xlsx",
      spec: {
        name: "窗口有误镇",
        ...generatedScores(4),
        windows: [{ name: "国土", incidents: [["2025-05-05", "99.9"]] }],
      },
    },
  ];
  for (let i = 5; i <= GOOD_COUNT; i++) {
    out.push({
      file: `${String(i).padStart(2, "0")}-镇${i}.xlsx`,
      spec: { name: `第${i}镇`, ...generatedScores(i) },
    });
  }
  return out;
}

/** Expected counted total (tenths) of a spec, summed independently of the product. */
export function expectedTotal(spec: TownshipSpec): number {
  return INDICATORS.reduce((sum, [, , m], j) => {
    const self = spec.self ? spec.self[j] : m;
    const reviewed = spec.reviewed ? spec.reviewed[j] : self;
    return sum + Math.round(Number(reviewed ?? self) * 10);
  }, 0);
}

/** Bad file name → the problem code it must produce (and where, when the problem has a cell). */
export const BAD: Record<string, { code: string; cell?: string }> = {
  "csv-renamed.xlsx": { code: "file-text" },
  "legacy.xls": { code: "file-xls" },
  "macro.xlsm": { code: "file-xlsm" },
  "encrypted.xlsx": { code: "file-encrypted" },
  "corrupt.xlsx": { code: "file-corrupt" },
  "truncated.xlsx": { code: "file-truncated" },
  "no-checklist.xlsx": { code: "missing-checklist" },
  "dup-a.xlsx": { code: "duplicate-township", cell: "考核设置!B2" },
  "dup-b.xlsx": { code: "duplicate-township", cell: "考核设置!B2" },
  "year-2024.xlsx": { code: "other-year", cell: "考核设置!B4" },
  "tongshan.xlsx": { code: "other-profile", cell: "考核设置!B5" },
  "tampered-max.xlsx": { code: "checklist-max-changed", cell: "镇街指标!C3" },
  "out-of-range.xlsx": { code: "checklist-out-of-range", cell: "镇街指标!D7" },
  "oversize.xlsx": { code: "file-too-large" },
  // One cell per row: the row bound (600,000) stops it before the cell bound.
  "zip-bomb.xlsx": { code: "file-too-many-rows" },
};

export async function writeGood(dir: string): Promise<void> {
  for (const { file, spec } of goodSpecs()) await writeTownship(dir, file, spec);
}

export async function writeBad(dir: string): Promise<void> {
  const put = (name: string, bytes: Uint8Array) => fs.writeFile(path.join(dir, name), bytes);
  const good = await townshipBytes({ name: "坏文件镇" });
  await put("csv-renamed.xlsx", Buffer.from("项目,值\n单位名称,甲镇\n考核年度,2025\n", "utf8"));
  await put("legacy.xls", cfbBytes("Workbook"));
  await put("macro.xlsm", rezip(good, [{ name: "xl/vbaProject.bin", data: Buffer.from("VBA macros") }]));
  await put("encrypted.xlsx", cfbBytes("EncryptedPackage"));
  await put("corrupt.xlsx", corruptDeflate(good));
  await put("truncated.xlsx", good.subarray(0, Math.floor(good.length / 2)));
  await writeTownship(dir, "no-checklist.xlsx", { name: "无清单镇", omitChecklist: true });
  await writeTownship(dir, "dup-a.xlsx", { name: "重复镇" });
  await writeTownship(dir, "dup-b.xlsx", { name: "重复镇", self: INDICATORS.map(([, , m]) => m - 1) });
  await writeTownship(dir, "year-2024.xlsx", { name: "去年镇", year: 2024 });
  await writeTownship(dir, "tongshan.xlsx", { name: "铜山镇", profile: "tongshan" });
  await writeTownship(dir, "tampered-max.xlsx", { name: "改分值镇", maxima: { T2: 12 } });
  await writeTownship(dir, "out-of-range.xlsx", {
    name: "超分镇",
    self: INDICATORS.map(([id, , m]) => (id === "T6" ? 16 : m)),
    reviewed: INDICATORS.map(() => null),
  });
  const big = path.join(dir, "oversize.xlsx");
  await put("oversize.xlsx", good);
  await fs.truncate(big, 51 * 2 ** 20); // sparse: 51 MB on paper, nothing on disk
  // Gigabytes of rows of cells that declare 100 MB: stopped while streaming by the row bound.
  writeZipBomb(path.join(dir, "zip-bomb.xlsx"), {
    unit: "<row><c><v>1</v></c></row>",
    megabytes: 2048,
    declaredSize: 100 * 2 ** 20,
  });
}
