/** The guard in a real Chromium (DecompressionStream there, no Node APIs): same verdicts as in Node. */
import { transformSync } from "@swc/core";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser, type Page } from "playwright-core";
import { writeZipBomb } from "./support/zipBomb";
import { corruptDeflate, townshipBytes } from "./support/townships";

let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-guard-browser-"));
  const source = readFileSync(path.join(__dirname, "../../src/hosts/xlsx/guard.ts"), "utf8");
  const { code } = transformSync(source, {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "es6" },
  });
  expect(code).not.toMatch(/^import /m); // nothing to resolve: the guard stands alone
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
  });
  page = await browser.newPage();
  await page.setContent("<html><body></body></html>");
  await page.addScriptTag({ content: `${code.replace(/\bexport /g, "")}\nwindow.guardXlsx = guardXlsx;` });
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function guardInPage(bytes: Uint8Array): Promise<{ code: string } | null> {
  const b64 = Buffer.from(bytes).toString("base64");
  return page.evaluate(async (data) => {
    const raw = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const g = (
      window as unknown as { guardXlsx: (b: Uint8Array, f: string) => Promise<{ code: string } | undefined> }
    ).guardXlsx;
    return (await g(raw, "x.xlsx")) ?? null;
  }, b64);
}

describe("guardXlsx in Chromium", () => {
  it("passes a real workbook and rejects corrupt, lying and cell bombs", async () => {
    expect(await guardInPage(await townshipBytes({ name: "甲镇" }))).toBeNull();
    expect(await guardInPage(corruptDeflate(await townshipBytes({ name: "甲镇" })))).toMatchObject({
      code: "file-corrupt",
    });
    const liar = path.join(dir, "liar.xlsx");
    writeZipBomb(liar, { unit: "<row></row>", megabytes: 256, declaredSize: 1000 });
    expect(await guardInPage(readFileSync(liar))).toMatchObject({ code: "file-size-mismatch" });
    const cells = path.join(dir, "cells.xlsx");
    // Many cells to a row, so that the cell bound trips before the row bound.
    const row = `<row>${"<c><v>1</v></c>".repeat(16)}</row>`;
    writeZipBomb(cells, { unit: row, megabytes: 512, declaredSize: 150 * 2 ** 20 });
    expect(await guardInPage(readFileSync(cells))).toMatchObject({ code: "file-too-many-cells" });
  });
});
