/** Makes sure dist/ (the built CLI) is at least as new as src/ before a benchmark spawns `kaohe`. */
import { spawnSync } from "child_process";
import { existsSync, readdirSync, statSync } from "fs";
import path from "path";

export const ROOT = path.join(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "src", "cli", "main.js");

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Builds with tsconfig.build.json when dist is missing or older than a source file; says what it did. */
export function ensureCliBuilt(): string {
  const src = newest(path.join(ROOT, "src"));
  if (existsSync(CLI) && newest(path.join(ROOT, "dist", "src")) >= src) return "dist/ was up to date";
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  // --noCheck: emit only (type errors are the test suite's business); the bench measures what was built.
  if (run.status !== 0 || !existsSync(CLI)) throw new Error(`build failed: ${run.stdout.slice(0, 500)}`);
  return "dist/ rebuilt";
}
