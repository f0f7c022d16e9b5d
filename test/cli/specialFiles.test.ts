/** `kaohe score` and `kaohe print` given a FIFO or a device: refused by name at once, never opened. */
import { execFileSync } from "child_process";
import * as path from "path";
import { tempDir } from "../fixtures/workbook";
import { listFiles, runCli } from "./run";

it.each([
  ["score", []],
  ["print", ["--period", "2025-Q1"]],
])("kaohe %s: a FIFO or /dev/zero is refused by name (exit 1), nothing written", async (command, extra) => {
  const dir = tempDir();
  execFileSync("mkfifo", [path.join(dir, "pipe.xlsx")]);
  const fifo = await runCli([command, "pipe.xlsx", ...extra], dir);
  expect(fifo.code).toBe(1);
  expect(fifo.stderr).toContain("文件 pipe.xlsx：不是普通文件（是命名管道、设备或套接字），未读取");
  const device = await runCli([command, "/dev/zero", ...extra, "--lang", "en", "--out", "out.xlsx"], dir);
  expect(device.code).toBe(1);
  expect(device.stderr).toContain("file zero: not a regular file (a FIFO, device or socket); not read");
  expect(listFiles(dir)).toEqual(["pipe.xlsx"]);
});
