/**
 * The standalone page's workbook worker in Chromium: the sample scored there equals the CLI's large-file
 * path part for part; progress only moves forward and reaches the end; 取消 stops opening and
 * downloading a 100,000-incident workbook, which then still scores and downloads as if nothing happened.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Browser, Page } from "playwright-core";
import { writeSyntheticWorkbook } from "../../bench/lib/synth";
import { localToday } from "../../src/calendar/today";
import { largeFileReader } from "../../src/hosts/xlsx/fast/open";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { entryText, readZip } from "../../src/hosts/xlsx/fast/zip";
import { runAssessment } from "../../src/pipeline";
import { artifact, buildPages, launch, repo } from "./browser";
import { serve } from "./server";

const example = path.join(repo, "examples", "county-2025.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-worker-e2e-"));
const large = path.join(dir, "county-100k.xlsx");
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;
let page: Page;
const errors: string[] = [];
const workers: string[] = [];

interface Seen {
  label: string;
  now: number;
  max: number;
}

/** Every value a progress bar showed, in order (a MutationObserver in the page). */
async function recordProgress(p: Page): Promise<void> {
  await p.addInitScript(() => {
    const seen: Seen[] = [];
    (window as unknown as { progressSeen: Seen[] }).progressSeen = seen;
    const look = () => {
      for (const bar of document.querySelectorAll('[role="progressbar"][aria-valuenow]')) {
        const entry = {
          label: bar.getAttribute("aria-label") ?? "",
          now: Number(bar.getAttribute("aria-valuenow")),
          max: Number(bar.getAttribute("aria-valuemax")),
        };
        const last = seen[seen.length - 1];
        if (!last || last.label !== entry.label || last.now !== entry.now) seen.push(entry);
      }
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  });
}

const progressSeen = (): Promise<Seen[]> =>
  page.evaluate(() => (window as unknown as { progressSeen: Seen[] }).progressSeen.splice(0));

/** Each label's values never go down. */
function expectMonotonic(seen: Seen[]): void {
  const last = new Map<string, number>();
  for (const s of seen) {
    expect(s.now).toBeGreaterThanOrEqual(last.get(s.label) ?? 0);
    expect(s.now).toBeLessThanOrEqual(s.max);
    last.set(s.label, s.now);
  }
}

function parts(bytes: Uint8Array): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, e] of readZip(Buffer.from(bytes))) out.set(name, entryText(e));
  return out;
}

/** The minute the page stamped its outputs with (生成于 in a printed header). */
function stampOf(mine: Map<string, string>): string | undefined {
  for (const text of mine.values()) {
    const m = /生成于 ([^\u3000]+)\u3000/.exec(text);
    if (m) return m[1];
  }
  return undefined;
}

/** The CLI's path over `file`, its outputs stamped with `producedAt` (the page's minute). */
async function cliParts(file: string, producedAt?: string): Promise<Map<string, string>> {
  const bytes = fs.readFileSync(file);
  const opened = await openWorkbook(bytes, path.basename(file), { largeFile: largeFileReader });
  if (!opened.workbook) throw new Error("the CLI's path did not open the file");
  const outcome = runAssessment(opened.workbook.sheets, {
    asOf: localToday(),
    ...(producedAt ? { producedAt } : {}),
  });
  const written = await opened.workbook.write(outcome.sheets, outcome.flags);
  if (!written.bytes || written.writer !== "large-file") throw new Error("the CLI's path did not write");
  return parts(written.bytes);
}

async function open(file: string): Promise<void> {
  await page.locator('input[type=file][aria-label="打开工作簿"]').setInputFiles(file);
}

async function download(): Promise<Uint8Array> {
  const [dl] = await Promise.all([
    page.waitForEvent("download", { timeout: 600000 }),
    page.getByRole("button", { name: "下载评分工作簿" }).click(),
  ]);
  const saved = path.join(dir, `dl-${Date.now()}.xlsx`);
  await dl.saveAs(saved);
  return fs.readFileSync(saved);
}

beforeAll(async () => {
  await writeSyntheticWorkbook(large, { incidents: 100_000, windows: 100, staff: 500, seed: 7 });
  site = await serve(buildPages());
  browser = await launch();
  page = await browser.newPage({
    viewport: { width: 800, height: 900 },
    locale: "zh-CN",
    acceptDownloads: true,
  });
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("worker", (w) => workers.push(w.url()));
  await recordProgress(page);
  await page.goto(`${site.url}/standalone.html`);
}, 600000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the standalone page's worker", () => {
  it("scores the sample in a worker, with the CLI's results part for part, progress only forwards", async () => {
    await open(example);
    await page.getByText("已打开 county-2025.xlsx").waitFor();
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 120000 });
    const bytes = await download();
    expect(workers.some((u) => u.endsWith("/kaohe-workbook.js"))).toBe(true);
    const mine = parts(bytes);
    const cli = await cliParts(example, stampOf(mine));
    expect([...mine.keys()]).toEqual([...cli.keys()]);
    for (const [name, text] of cli) expect({ name, text: mine.get(name) }).toEqual({ name, text });
    const seen = await progressSeen();
    expectMonotonic(seen);
    // Opening reports how far it got (the last value before the bar goes may never be painted).
    expect(seen.some((s) => s.label.startsWith("正在打开 county-2025.xlsx"))).toBe(true);
    expect(errors).toEqual([]);
  });

  it("cancels opening a large workbook: the open one stays, and the large one opens when asked again", async () => {
    await open(large);
    const cancel = page.getByRole("button", { name: "取消" });
    await cancel.click({ timeout: 60000 });
    await page.getByText("已取消打开 county-100k.xlsx。").waitFor();
    expect(await page.getByText("已打开 county-2025.xlsx").count()).toBe(1);
    expectMonotonic(await progressSeen());

    await open(large);
    await page.getByText("已打开 county-100k.xlsx").waitFor({ timeout: 600000 });
    const opening = (await progressSeen()).filter((s) => s.label.startsWith("正在打开"));
    expectMonotonic(opening);
    // Real progress: several steps between empty and full.
    expect(new Set(opening.map((s) => s.now)).size).toBeGreaterThan(3);
    expect(errors).toEqual([]);
  }, 900000);

  it("cancels a download; the workbook is as it was, and the next download equals the CLI's", async () => {
    await page.getByRole("button", { name: "开始考核" }).click();
    await page.getByText(/^已写入：/).waitFor({ timeout: 600000 });
    await page.screenshot({ path: artifact("standalone-worker-scored.png"), fullPage: true });
    await page.getByRole("button", { name: "下载评分工作簿" }).click();
    await page.getByRole("progressbar", { name: "正在生成评分工作簿…" }).waitFor();
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消，工作簿保持原样。").waitFor();
    expectMonotonic(await progressSeen());

    const mine = parts(await download());
    const cli = await cliParts(large, stampOf(mine));
    expect([...mine.keys()]).toEqual([...cli.keys()]);
    for (const [name, text] of cli)
      expect({ name, same: mine.get(name) === text }).toEqual({ name, same: true });
    expectMonotonic(await progressSeen());
    expect(errors).toEqual([]);
  }, 900000);
});
