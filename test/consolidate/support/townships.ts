/** Writes real township workbooks (ExcelJS) and the bad files of the consolidation corpus. */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { crc32, inflateRawSync } from "zlib";
import { entryData, readZipDirectory } from "../../../src/hosts/xlsx/guard";

export const INDICATORS: [string, string, number][] = [
  ["T1", "领导重视", 5],
  ["T2", "办公场所", 10],
  ["T3", "设备配备", 10],
  ["T4", "窗口设置", 10],
  ["T5", "配合工作", 10],
  ["T6", "办理事项办结率", 15],
  ["T7", "为民办事全程代办", 10],
  ["T8", "信息报送", 5],
  ["T9", "群众投诉", 10],
  ["T10", "明查暗访电子监察", 15],
];

type Score = number | string | null;

export interface TownshipSpec {
  name: string;
  year?: number;
  profile?: string;
  unitType?: string;
  /** Ten self scores (points); default: the maxima. */
  self?: Score[];
  /** Ten reviewed scores; null = not reviewed (未复核). Default: same as self. */
  reviewed?: Score[];
  /** Replace an indicator's name or maximum (tampering). */
  names?: Record<string, string>;
  maxima?: Record<string, Score>;
  omitChecklist?: boolean;
  /** Window tabs with a few incidents (for 县汇总_窗口). */
  windows?: { name: string; incidents: [string, string][] }[];
}

/** Scores for township `i` (1-based), deterministic: self a little below max, reviewed a little below self. */
export function generatedScores(i: number): { self: number[]; reviewed: (number | null)[] } {
  const self = INDICATORS.map(([, , max], j) => max - ((i * (j + 3)) % 5) * 0.5);
  const reviewed = self.map((s, j) => ((i + j) % 7 === 0 ? null : Math.max(0, s - ((i + 2 * j) % 3) * 0.5)));
  return { self, reviewed };
}

export async function townshipBytes(spec: TownshipSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const settings = wb.addWorksheet("考核设置");
  settings.addRow(["项目", "值"]);
  settings.addRow(["单位名称", spec.name]);
  settings.addRow(["单位类型", spec.unitType ?? "镇街"]);
  settings.addRow(["考核年度", spec.year ?? 2025]);
  settings.addRow(["规则版本", spec.profile ?? "tianyang-2008"]);
  settings.addRow(["所属县", "田阳县"]);
  const windows = wb.addWorksheet("窗口名册");
  windows.addRow(["窗口", "派驻单位", "备注"]);
  const staff = wb.addWorksheet("人员名册");
  staff.addRow(["姓名", "窗口", "职务", "岗位", "进驻日期", "离开日期"]);
  const incidents = wb.addWorksheet("事项记录");
  incidents.addRow(["日期", "窗口", "人员", "条款", "数量", "天数", "分值", "办件编号", "核实", "备注"]);
  for (const [k, w] of (spec.windows ?? []).entries()) {
    windows.addRow([w.name, `${w.name}局`, null]);
    staff.addRow([`${spec.name}${k}号`, w.name, "首席代表", "A", null, null]);
    for (const [date, code] of w.incidents)
      incidents.addRow([date, w.name, null, code, 1, null, null, null, "是", null]);
  }
  if (!spec.omitChecklist) {
    const checklist = wb.addWorksheet("镇街指标");
    checklist.addRow(["序号", "指标", "分值", "自评分", "复核分", "说明"]);
    INDICATORS.forEach(([id, name, max], j) => {
      const self = spec.self ? spec.self[j]! : max;
      const reviewed = spec.reviewed ? spec.reviewed[j]! : self;
      checklist.addRow([id, spec.names?.[id] ?? name, spec.maxima?.[id] ?? max, self, reviewed, null]);
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function writeTownship(dir: string, file: string, spec: TownshipSpec): Promise<string> {
  const full = path.join(dir, file);
  await fs.writeFile(full, await townshipBytes(spec));
  return full;
}

/** The entries of a zip re-stored (method 0) with extra entries added: e.g. an .xlsm's vbaProject.bin. */
export function rezip(bytes: Uint8Array, extra: { name: string; data: Buffer }[]): Buffer {
  const entries = readZipDirectory(bytes)!.map((e) => {
    const raw = Buffer.from(entryData(bytes, e)!);
    return { name: e.name, data: e.method === 8 ? inflateRawSync(raw) : raw };
  });
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of [...entries, ...extra]) {
    const n = Buffer.from(name, "utf8");
    const crc = crc32(data) >>> 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, n);
    parts.push(local, n, data);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length + extra.length, 8);
  end.writeUInt16LE(entries.length + extra.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** A compound file (OLE/CFB) header with a directory entry naming `stream` (UTF-16LE), as .xls and encrypted OOXML have. */
export function cfbBytes(stream: string): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24);
  b.writeUInt16LE(3, 26);
  b.writeUInt16LE(0xfffe, 28);
  b.writeUInt16LE(9, 30);
  Buffer.from("Root Entry", "utf16le").copy(b, 1024);
  Buffer.from(stream, "utf16le").copy(b, 1024 + 128);
  return b;
}

/** A valid workbook whose first worksheet's deflate stream is overwritten in the middle. */
export function corruptDeflate(bytes: Uint8Array): Buffer {
  const out = Buffer.from(bytes);
  const sheet = readZipDirectory(bytes)!.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
  const data = entryData(bytes, sheet)!;
  const start = data.byteOffset - bytes.byteOffset;
  out.fill(0xff, start + 2, start + Math.max(3, data.length - 2));
  return out;
}
