/** Temp files of a killed run beside an output are removed by the next write to that output. */
import { spawnSync } from "child_process";
import fs from "fs";
import path from "path";
import { removeStaleTemps, tempPathFor } from "../../src/hosts/xlsx/tempFiles";
import { countySheets } from "../fixtures/county";
import { tempDir, xlsxBytes } from "../fixtures/workbook";
import { runCli } from "./run";

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
    encoding: "utf8",
  });
  return Number(child.stdout);
}

describe("stale temp files", () => {
  it("kaohe score removes a killed run's partial temp beside its output, and nothing else", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "county.xlsx"), await xlsxBytes(countySheets()));
    const dead = `.county.scored.xlsx.${deadPid()}.1733300000000.tmp`;
    const oldLive = `.county.scored.xlsx.${process.ppid}.1733300000001.tmp`;
    const freshLive = `.county.scored.xlsx.${process.ppid}.1733300000002.tmp`;
    const deadBackup = `.county.scored.xlsx.${deadPid()}.1733300000003.previous.tmp`;
    const others = [".other.xlsx.1.2.tmp", ".county.scored.xlsx.notes.tmp", "county.scored.xlsx.1.2.tmp"];
    for (const name of [dead, oldLive, freshLive, deadBackup, ...others])
      fs.writeFileSync(path.join(dir, name), "partial");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(path.join(dir, oldLive), twoHoursAgo, twoHoursAgo);

    const run = await runCli(["score", "county.xlsx"], dir);
    expect(run.code).toBe(0);
    // A live process's recent temp may be a run in progress: kept.
    expect(fs.readdirSync(dir).sort()).toEqual(
      ["county.scored.xlsx", "county.xlsx", freshLive, ...others].sort(),
    );
  });

  it("tempPathFor names a hidden file beside the target that removeStaleTemps recognises", async () => {
    const dir = tempDir();
    const target = path.join(dir, "out.xlsx");
    const tmp = tempPathFor(target);
    expect(path.dirname(tmp)).toBe(dir);
    expect(path.basename(tmp)).toMatch(new RegExp(`^\\.out\\.xlsx\\.${process.pid}\\.\\d+\\.tmp$`));
    fs.writeFileSync(tmp, "mine, in progress");
    const stale = tmp.replace(`.${process.pid}.`, `.${deadPid()}.`);
    fs.writeFileSync(stale, "a dead run's");
    expect(await removeStaleTemps(target)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual([path.basename(tmp)]);
    expect(await removeStaleTemps(path.join(dir, "missing-dir", "x.xlsx"))).toBe(0);
  });
});
