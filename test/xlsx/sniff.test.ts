import { readdirSync, readFileSync } from "fs";
import * as path from "path";
import {
  fileIssueMessage,
  FILE_MESSAGE_CODES,
  lostFeaturesIssue,
  sniffBytes,
  sniffIssue,
  XlsxHost,
  FILE_ISSUE_CODES,
} from "../../src/hosts/xlsx";
import type { IssueCode } from "../../src/core";
import { countySheets } from "../fixtures/county";
import {
  cfbBytes,
  corruptCentralDirectory,
  encryptedXlsxBytes,
  plainZipBytes,
  xlsmFrom,
} from "../fixtures/files";
import { xlsxBytes } from "../fixtures/workbook";

describe("sniffBytes", () => {
  it("tells real workbooks from look-alikes by content, never by name", async () => {
    const xlsx = await xlsxBytes(countySheets());
    expect(sniffBytes(xlsx).kind).toBe("xlsx");
    expect(sniffBytes(xlsx).entries).toContain("xl/workbook.xml");
    expect(sniffBytes(new Uint8Array()).kind).toBe("empty");
    expect(sniffBytes(Buffer.from("日期,窗口\r\n2025-03-05,公安\r\n")).kind).toBe("text");
    expect(sniffBytes(Buffer.from([0xff, 0xfe, 0x65, 0x00, 0x0a, 0x00])).kind).toBe("text"); // UTF-16 CSV
    expect(sniffBytes(Buffer.from("<html><table><tr><td>1</td></tr></table></html>")).kind).toBe("text");
    expect(sniffBytes(encryptedXlsxBytes()).kind).toBe("encrypted");
    expect(sniffBytes(cfbBytes([{ name: "Workbook", size: 5000 }])).kind).toBe("xls");
    expect(sniffBytes(cfbBytes([{ name: "WordDocument", size: 5000 }])).kind).toBe("cfb");
    expect(sniffBytes(await xlsmFrom(xlsx)).kind).toBe("xlsm");
    expect(sniffBytes(await plainZipBytes()).kind).toBe("zip-not-workbook");
    expect(sniffBytes(corruptCentralDirectory(xlsx)).kind).toBe("corrupt");
    expect(sniffBytes(xlsx.subarray(0, xlsx.length - 10)).kind).toBe("truncated");
    expect(sniffBytes(xlsx.subarray(0, 100)).kind).toBe("truncated");
    expect(sniffBytes(Buffer.from([0x50, 0x4b, 0x07, 0x08, 1, 2])).kind).toBe("corrupt");
    expect(sniffBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])).kind).toBe(
      "unknown",
    );
  });

  it("never throws on random bytes", () => {
    let seed = 7;
    for (let n = 0; n < 300; n++) {
      const bytes = new Uint8Array((n * 37) % 2000);
      for (let i = 0; i < bytes.length; i++) bytes[i] = (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
      if (n % 3 === 0 && bytes.length > 4) bytes.set([0x50, 0x4b, 0x03, 0x04]);
      if (n % 5 === 0 && bytes.length > 30) bytes.set([0x50, 0x4b, 0x05, 0x06], bytes.length - 22);
      expect(() => sniffBytes(bytes)).not.toThrow();
    }
  });
});

describe("XlsxHost.open", () => {
  it("gives an issue naming the file instead of throwing", async () => {
    const { host, issues } = await XlsxHost.open(encryptedXlsxBytes(), "秘密.xlsx");
    expect(host).toBeUndefined();
    expect(issues).toEqual([{ severity: "error", code: "file-encrypted", params: { file: "秘密.xlsx" } }]);
    expect(sniffIssue(await xlsxBytes(countySheets()), "ok.xlsx")).toBeUndefined();
  });

  it("turns an ExcelJS load failure on a structurally valid zip into file-corrupt", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await xlsxBytes(countySheets()));
    zip.file("xl/workbook.xml", "<workbook><sheets><sheet name=");
    zip.file("xl/_rels/workbook.xml.rels", "not xml at all <<<");
    const { host, issues } = await XlsxHost.open(await zip.generateAsync({ type: "uint8array" }), "bad.xlsx");
    expect(host).toBeUndefined();
    expect(issues[0]).toMatchObject({
      severity: "error",
      code: "file-corrupt",
      params: { file: "bad.xlsx" },
    });
  });
});

describe("parts ExcelJS does not carry over", () => {
  it("are named in a warning; the workbook still opens", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(await xlsxBytes(countySheets()));
    zip.file("xl/charts/chart1.xml", "<c:chartSpace/>");
    zip.file("xl/pivotTables/pivotTable1.xml", "<pivotTableDefinition/>");
    const { host, issues } = await XlsxHost.open(await zip.generateAsync({ type: "uint8array" }), "图.xlsx");
    expect(host).toBeDefined();
    expect(issues).toEqual([
      {
        severity: "warning",
        code: "file-features-lost",
        params: { file: "图.xlsx", features: "charts, pivot tables" },
      },
    ]);
    expect(fileIssueMessage(issues[0]!, "zh-CN")).toContain("图表、数据透视表");
    expect(fileIssueMessage(issues[0]!, "en")).toContain("charts, pivot tables");
    expect(lostFeaturesIssue(["xl/workbook.xml", "xl/drawings/drawing1.xml"], "a.xlsx")).toBeUndefined();
  });
});

describe("file messages", () => {
  it("exist in zh-CN, zh-TW and en for every code the host raises, naming the file", () => {
    const codes: IssueCode[] = [
      ...Object.values(FILE_ISSUE_CODES),
      "file-not-found",
      "file-unreadable",
      "file-write-failed",
      "file-features-lost",
      // the size and zip-bomb guard (guard.ts) and the large-file path
      "file-too-large",
      "file-unzipped-too-large",
      "file-too-many-cells",
      "file-size-mismatch",
      "file-too-many-rows",
      // the readers (XML, cells) and the writer of the large-file path
      "file-bad-xml",
      "file-doctype",
      "file-cell-out-of-grid",
      "file-bad-cell",
      "file-formula-no-value",
      "file-cannot-write",
      "file-prefixed-xml",
      "file-bad-flag-record",
    ];
    expect(new Set(codes)).toEqual(new Set(FILE_MESSAGE_CODES));
    for (const code of codes) {
      for (const locale of ["zh-CN", "zh-TW", "en"] as const) {
        const text = fileIssueMessage(
          { severity: "error", code, params: { file: "x.xlsx", detail: "EACCES" } },
          locale,
        );
        expect(text).toContain("x.xlsx");
        expect(text).not.toMatch(/\{\w+\}/);
      }
    }
    expect(fileIssueMessage({ severity: "error", code: "unknown-rule" })).toBeUndefined();
  });
});

describe("browser safety", () => {
  it("the host modules import no Node built-ins (only files.ts does)", () => {
    const dir = path.resolve(__dirname, "../../src/hosts/xlsx");
    const mine = ["host.ts", "sniff.ts", "read.ts", "write.ts", "fileFlags.ts", "validations.ts", "index.ts"];
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(mine));
    for (const file of mine) {
      const text = readFileSync(path.join(dir, file), "utf8");
      const imports = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
      expect(imports.filter((i) => !i!.startsWith(".") && i !== "exceljs")).toEqual([]);
      expect(imports).not.toContain("./files");
    }
  });
});
