/** `kaohe score` on zip bombs: a located error, nothing written, memory bounded, on either path. */
import { spawnSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { writeZipBomb } from "../consolidate/support/zipBomb";

const root = join(__dirname, "..", "..");
const dir = mkdtempSync(join(tmpdir(), "kaohe-bomb-"));

function score(file: string): { status: number | null; stderr: string; rssMb: number } {
  const script = `require(${JSON.stringify(join(root, "bench", "register.js"))});
    require(${JSON.stringify(join(root, "src", "cli", "main.ts"))}).main(["score", ${JSON.stringify(file)}, "--lang", "en"])
      .then((code) => { process.stderr.write("RSS " + process.resourceUsage().maxRSS + "\\n"); process.exit(code); });`;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8", timeout: 120000 });
  const rss = /RSS (\d+)/.exec(run.stderr);
  return { status: run.status, stderr: run.stderr, rssMb: rss ? Number(rss[1]) / 1024 : Infinity };
}

describe("kaohe score and zip bombs", () => {
  it.each([
    ["lies about its size", { megabytes: 1500, declaredSize: 1 << 20 }],
    ["declares more than the bound", { megabytes: 1100 }],
  ])("a sheet that %s is refused with bounded memory", (_name, options) => {
    const file = join(dir, `bomb-${options.megabytes}.xlsx`);
    writeZipBomb(file, { unit: '<row r="1"><c r="A1"><v>1</v></c></row>', ...options });
    const run = score(file);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/zip bomb|inflates|unzips to more than/);
    expect(run.rssMb).toBeLessThan(400);
    expect(existsSync(join(dir, `bomb-${options.megabytes}.scored.xlsx`))).toBe(false);
  });
});
