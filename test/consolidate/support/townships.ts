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

/**
 * The entries of a zip re-stored (method 0) with extra entries added: e.g. an .xlsm's vbaProject.bin.
 * With `zip64`, sizes, offsets and counts go to zip64 extra fields and end records (as some writers do).
 */
export function rezip(bytes: Uint8Array, extra: { name: string; data: Buffer }[], zip64 = false): Buffer {
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
    c.writeUInt16LE(zip64 ? 45 : 20, 4);
    c.writeUInt16LE(zip64 ? 45 : 20, 6);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(zip64 ? 0xffffffff : data.length, 20);
    c.writeUInt32LE(zip64 ? 0xffffffff : data.length, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(zip64 ? 0xffffffff : offset, 42);
    const x = Buffer.alloc(zip64 ? 28 : 0);
    if (zip64) {
      x.writeUInt16LE(1, 0);
      x.writeUInt16LE(24, 2);
      x.writeBigUInt64LE(BigInt(data.length), 4); // uncompressed
      x.writeBigUInt64LE(BigInt(data.length), 12); // compressed
      x.writeBigUInt64LE(BigInt(offset), 20);
      c.writeUInt16LE(x.length, 30);
    }
    central.push(c, n, x);
    parts.push(local, n, data);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(central);
  const count = entries.length + extra.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(zip64 ? 0xffffffff : cd.length, 12);
  end.writeUInt32LE(zip64 ? 0xffffffff : offset, 16);
  if (!zip64) return Buffer.concat([...parts, cd, end]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(cd.length), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
  locator.writeUInt32LE(1, 16);
  return Buffer.concat([...parts, cd, record, locator, end]);
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
