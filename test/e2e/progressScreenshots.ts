/**
 * Screenshots of the progress bar and 取消 for docs/img (not a test): the standalone page opening and
 * downloading a county-year (318,000 cases + 50,000 incidents: long enough to catch the bar), at 1280 and
 * 320 px, in Chinese and English.
 * `node -r ./bench/register.js test/e2e/progressScreenshots.ts` (builds the pages first, unless
 * KAOHE_BUILT names a build).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeSyntheticWorkbook } from "../../bench/lib/synth";
import { buildPages, launch, repo } from "./browser";
import { serve } from "./server";

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-shots-"));
  const file = path.join(dir, "county-318k.xlsx");
  await writeSyntheticWorkbook(file, {
    cases: 318_000,
    incidents: 50_000,
    windows: 100,
    staff: 500,
    seed: 11,
  });
  const site = await serve(process.env.KAOHE_BUILT ?? buildPages());
  const browser = await launch();
  const img = (name: string) => path.join(repo, "docs", "img", name);
  try {
    for (const locale of ["zh-CN", "en"] as const) {
      const zh = locale === "zh-CN";
      const page = await browser.newPage({
        viewport: { width: 1280, height: 560 },
        locale,
        acceptDownloads: true,
      });
      await page.goto(`${site.url}/standalone.html`);
      await page
        .locator(`input[type=file][aria-label="${zh ? "打开工作簿" : "Open workbook"}"]`)
        .setInputFiles(file);
      // The bar once it shows a share done.
      await page.locator('[role="progressbar"][aria-valuenow]').first().waitFor({ timeout: 120000 });
      await page.waitForFunction(
        () =>
          Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow") ?? 0) > 0.2,
      );
      await page.screenshot({
        path: img(`progress-open-1280-${zh ? "zh" : "en"}.png`),
        animations: "disabled",
      });
      await page
        .getByText(zh ? "已打开 county-318k.xlsx" : "Opened county-318k.xlsx")
        .waitFor({ timeout: 300000 });
      await page.getByRole("button", { name: zh ? "开始考核" : "Run assessment" }).click();
      await page.getByText(zh ? /^已写入：/ : /^Written: /).waitFor({ timeout: 300000 });
      await page.getByRole("button", { name: zh ? "下载评分工作簿" : "Download scored workbook" }).click();
      await page.waitForFunction(
        () =>
          Number(document.querySelector('[role="progressbar"]')?.getAttribute("aria-valuenow") ?? 0) > 0.1,
        undefined,
        { timeout: 120000 },
      );
      await page.setViewportSize({ width: 320, height: 560 });
      await page.screenshot({
        path: img(`progress-download-320-${zh ? "zh" : "en"}.png`),
        animations: "disabled",
      });
      await page.getByRole("button", { name: zh ? "取消" : "Cancel" }).click();
      await page.close();
    }
  } finally {
    await browser.close();
    await site.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
