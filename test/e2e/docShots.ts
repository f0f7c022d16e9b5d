/**
 * Screenshots for docs/addin.md (not a test): the ranking view, the trend picture and the county flow of the
 * standalone page at 320 and 1280 px, in zh-CN and en. Run: node -r ./bench/register.js test/e2e/docShots.ts
 */
import * as path from "path";
import { buildPages, launch, repo } from "./browser";
import { serve } from "./server";
import { townshipFiles } from "./ui";

const OUT = path.join(repo, "docs", "img");

const WORDS = {
  "zh-CN": {
    open: "打开工作簿",
    kind: "考核期间",
    run: "开始考核",
    explain: "查看 公安 的得分说明",
    county: "汇总镇街",
  },
  en: {
    open: "Open workbook",
    kind: "Period",
    run: "Run assessment",
    explain: "Explain 公安",
    county: "Consolidate townships",
  },
} as const;

async function main(): Promise<void> {
  const site = await serve(process.env.BUILT ?? buildPages());
  const browser = await launch();
  const { files } = await townshipFiles();
  for (const locale of ["zh-CN", "en"] as const) {
    const w = WORDS[locale];
    const tag = locale === "en" ? "en" : "zh";
    for (const width of [1280, 320]) {
      const page = await browser.newPage({ viewport: { width, height: 800 }, locale });
      await page.goto(`${site.url}/standalone.html`);
      await page
        .locator(`input[type=file][aria-label="${w.open}"]`)
        .setInputFiles(path.join(repo, "examples", "county-2025.xlsx"));
      await page.waitForFunction(
        () => !(document.querySelector("option[value=quarter]") as HTMLOptionElement | null)?.disabled,
      );
      await page.getByRole("combobox", { name: w.kind }).selectOption("quarter");
      await page.getByRole("button", { name: w.run }).click();
      await page.getByTestId("rank-row").first().waitFor({ timeout: 60000 });
      await page.waitForFunction(() => document.querySelector("main")?.getAttribute("aria-busy") === "false");
      // No hover or half-finished transition in the pictures: the pointer off the page, transitions ended.
      await page.mouse.move(0, 0);
      await page
        .locator("main")
        .screenshot({ path: path.join(OUT, `ranking-${tag}-${width}.png`), animations: "disabled" });
      await page.getByRole("button", { name: w.explain }).click();
      await page
        .getByTestId("trend")
        .screenshot({ path: path.join(OUT, `trend-${tag}-${width}.png`), animations: "disabled" });
      await page.getByRole("tab", { name: w.county }).click();
      await page.locator("input[type=file][multiple]:not([webkitdirectory])").first().setInputFiles(files);
      await page.getByTestId("county-ranking").waitFor({ timeout: 60000 });
      await page.getByRole("radio").first().check();
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="county-ranking"] tbody tr').length === 2,
      );
      await page.mouse.move(0, 0);
      await page
        .locator("#page-panel-county")
        .screenshot({ path: path.join(OUT, `county-${tag}-${width}.png`), animations: "disabled" });
      await page.close();
    }
  }
  await browser.close();
  await site.close();
}

void main();
