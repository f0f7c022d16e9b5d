/** Builds the pages once and opens Debian's Chromium (never a downloaded browser). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

export const repo = path.resolve(__dirname, "../..");
export const artifacts = path.join(repo, "test-artifacts");

/** `webpack --mode development --env e2e` into a temporary directory; throws with webpack's output. */
export const PUBLIC_URL = "https://kaohe.example.gov.cn/addin";

export function buildPages(): string {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-e2e-build-"));
  const run = spawnSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "development",
      "--env",
      "e2e",
      "--env",
      `outDir=${out}`,
      "--env",
      `url=${PUBLIC_URL}`,
    ],
    { cwd: repo, encoding: "utf8", timeout: 240000 },
  );
  if (run.status !== 0) throw new Error(`webpack failed:\n${run.stdout}\n${run.stderr}`);
  return out;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

export function artifact(name: string): string {
  fs.mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}
