/** Damaged workbooks (seeded byte flips in a real .xlsx): exit 0 or 1, never a crash or a hang. */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.resolve(__dirname, "../..");

it("scores 400 mutated workbooks without a crash, a hang, a written file on errors or a changed input", () => {
  const run = spawnSync(
    process.execPath,
    ["-r", path.join(ROOT, "bench/register.js"), path.join(__dirname, "fuzzRunner.ts"), "400", "7"],
    { cwd: ROOT, encoding: "utf8", timeout: 240000, maxBuffer: 16 * 1024 * 1024 },
  );
  expect(run.error).toBeUndefined(); // a timeout (endless loop) ends here
  expect(run.status).toBe(0);
  const summary = JSON.parse(run.stdout) as { codes: Record<string, number>; failures: string[] };
  expect(summary.failures).toEqual([]);
  expect((summary.codes["0"] ?? 0) + (summary.codes["1"] ?? 0)).toBe(400);
  expect(summary.codes["1"]).toBeGreaterThan(200);
}, 300000);
