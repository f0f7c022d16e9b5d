/**
 * Child process of retention.test.ts (run with --expose-gc): reads a sheet part and a shared-strings part
 * of several MB, keeps only the cells, and lists the strings of 64 kB or more that appeared in the heap
 * meanwhile (by heap-snapshot node id). A cell cut from the part's text as a V8 slice would keep the whole
 * text alive and show here. A control slice proves the detector sees such a string.
 */
import { getHeapSnapshot } from "v8";
import { deflateRawSync } from "zlib";
import { inflatePieces } from "../../src/hosts/xlsx/fast/inflateStream";
import { readSheetBytes, SheetPartReader } from "../../src/hosts/xlsx/fast/sheetReader";
import { sharedStrings } from "../../src/hosts/xlsx/fast/xml";

const LIMIT = 64 * 1024;
const gc = (globalThis as { gc?: () => void }).gc as () => void;

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
}

async function bigStrings(): Promise<Map<number, number>> {
  gc();
  gc();
  let json = "";
  for await (const chunk of getHeapSnapshot()) json += String(chunk);
  const snap = JSON.parse(json) as Snapshot;
  json = "";
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [type, id, size] = ["type", "id", "self_size"].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const out = new Map<number, number>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const t = types[snap.nodes[i + type] as number] ?? "";
    const bytes = snap.nodes[i + size] as number;
    if (t.includes("string") && bytes >= LIMIT) out.set(snap.nodes[i + id] as number, bytes);
  }
  return out;
}

function fresh(before: Map<number, number>, after: Map<number, number>): number[] {
  return [...after].filter(([id]) => !before.has(id)).map(([, bytes]) => bytes);
}

function sheetPart(rows: number): Buffer {
  const parts = ['<?xml version="1.0"?><worksheet><sheetData>'];
  for (let r = 1; r <= rows; r++) {
    parts.push(
      `<row r="${r}"><c r="A${r}" t="str"><v>BJ2025${String(r).padStart(7, "0")}</v></c>` +
        `<c r="B${r}" t="inlineStr"><is><t>不动产登记（转移登记）第${r % 97}号窗口受理</t></is></c>` +
        `<c r="C${r}" t="s"><v>${r % 500}</v></c><c r="D${r}"><v>${r}</v></c></row>`,
    );
  }
  parts.push("</sheetData></worksheet>");
  return Buffer.from(parts.join(""), "utf8");
}

function sharedPart(count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<si><t>城乡居民基本养老保险参保登记第${i}项</t></si>`,
  );
  return `<sst count="${count}">${items.join("")}</sst>`;
}

/** Streamed: the part inflated a piece at a time and read as it comes; only the row count is kept (in
 * its own frame, so that no register of the caller holds the reader). */
async function streamedRead(strings: string[]): Promise<number> {
  const part = sheetPart(30000);
  const raw = deflateRawSync(part);
  const entry = { name: "s.xml", method: 8, crc: 0, compressedSize: raw.length, size: part.length, raw };
  const reader = new SheetPartReader({ strings, dateStyles: [], date1904: false });
  await inflatePieces(entry, (bytes) => reader.push(bytes));
  return reader.finish().length;
}

async function main(): Promise<void> {
  const before = await bigStrings();
  const kept: { strings: string[]; rows: unknown[][]; control?: string; streamed?: number } = {
    strings: [],
    rows: [],
  };
  {
    kept.strings = sharedStrings(sharedPart(20000));
    const part = sheetPart(30000);
    kept.rows = readSheetBytes(part, { strings: kept.strings, dateStyles: [], date1904: false });
  }
  const afterRead = await bigStrings();
  {
    // Control: a 20-character slice of a large string keeps all of it.
    const text = sharedPart(20000);
    kept.control = text.slice(100, 120);
  }
  const afterControl = await bigStrings();
  kept.streamed = await streamedRead(kept.strings);
  // Nothing of the streamed read may stay: not its pieces' text, through the zlib stream or a closure.
  const afterStream = await bigStrings();
  const result = {
    streamed: kept.streamed,
    streamRetained: fresh(afterControl, afterStream),
    rows: kept.rows.length,
    cells: kept.rows[29999],
    shared: kept.strings.length,
    retained: fresh(before, afterRead),
    control: fresh(afterRead, afterControl),
  };
  process.stdout.write(JSON.stringify(result));
}

void main();
