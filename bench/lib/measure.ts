/** Timing helpers for benchmarks: medians of in-process runs, and child processes with wall time, peak RSS
 * and a timeout (a slow step is reported as such instead of stalling `npm run bench`). */
import { spawn } from "child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";

declare const gc: (() => void) | undefined;

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};
export const secs = (ms: number, digits = 2): string => `${(ms / 1000).toFixed(digits)} s`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const count = (n: number): string => n.toLocaleString("en");

export interface Timed<T> {
  /** Wall-clock milliseconds of each run. */
  ms: number[];
  /** CPU (user + system) milliseconds of each run: steadier than wall time on a shared machine. */
  cpu: number[];
  value: T;
}

/** Runs `f` once to warm up, then `runs` times after a GC. */
export async function timeRuns<T>(runs: number, f: () => T | Promise<T>): Promise<Timed<T>> {
  let value = await f();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (typeof gc === "function") gc();
    const c = process.cpuUsage();
    const t = performance.now();
    value = await f();
    ms.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms, cpu, value };
}

/** `median (min–max)` in seconds. */
export const spread = (xs: readonly number[], digits = 3): string =>
  `${secs(median(xs), digits)} (${secs(Math.min(...xs), digits)}–${secs(Math.max(...xs), digits)})`;

export interface ProcessRun {
  /** Exit code; null when killed (timeout) or by a signal. */
  code: number | null;
  timedOut: boolean;
  wallMs: number;
  /** CPU (user + system) milliseconds of the measured process (sampled until stopped on timeout). */
  cpuMs: number;
  /** Peak resident set size of the measured process in bytes (0 when unknown). */
  peakBytes: number;
  stdout: string;
  stderr: string;
}

const TIME = "/usr/bin/time";

/** Peak RSS so far of a live process (Linux VmHWM), 0 when unavailable. */
function highWater(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU (user + system) milliseconds so far of a live process, from /proc (clock ticks of 10 ms). */
function cpuSoFar(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The process and all its descendants (soffice runs soffice.bin as a grandchild, from another thread). */
function tree(pid: number): number[] {
  const all = [pid];
  for (let k = 0; k < all.length; k++) {
    const p = all[k] as number;
    try {
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${task}/children`, "utf8").trim();
        if (kids) all.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // exited meanwhile
    }
  }
  return all;
}

/**
 * Runs a command; peak RSS from `/usr/bin/time -f %M` when installed (exact), else the largest VmHWM
 * sampled over the process tree.
 * On timeout its process group is killed and the peak seen until then is reported.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<ProcessRun> {
  const useTime = existsSync(TIME);
  const dir = mkdtempSync(path.join(os.tmpdir(), "kaohe-bench-run-"));
  const report = path.join(dir, "time.txt");
  const [cmd, argv] = useTime
    ? [TIME, ["-o", report, "-f", "%e %M %U %S", command, ...args]]
    : [command, args];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    let peak = 0;
    let cpuSampled = 0;
    const sample = () => {
      const pids = tree(child.pid as number);
      for (const pid of pids) peak = Math.max(peak, highWater(pid));
      cpuSampled = Math.max(
        cpuSampled,
        pids.map(cpuSoFar).reduce((a, b) => a + b, 0),
      );
    };
    const sampler = setInterval(sample, 50);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      sample();
      // The whole process group: soffice runs soffice.bin as a grandchild.
      process.kill(-(child.pid as number), "SIGKILL");
    }, options.timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      const wallMs = performance.now() - started;
      clearInterval(sampler);
      clearTimeout(timer);
      let cpuMs = cpuSampled;
      if (useTime && !timedOut && existsSync(report)) {
        const m = /([\d.]+) (\d+) ([\d.]+) ([\d.]+)\s*$/.exec(readFileSync(report, "utf8").trim());
        if (m) {
          peak = Number(m[2]) * 1024;
          cpuMs = (Number(m[3]) + Number(m[4])) * 1000;
        }
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ code: timedOut ? null : code, timedOut, wallMs, cpuMs, peakBytes: peak, stdout, stderr });
    });
  });
}

/** Runs a TypeScript helper under bench/ in its own Node process (as bench/run.js runs benchmarks). */
export function runBenchScript(
  script: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<ProcessRun> {
  const bench = path.join(__dirname, "..");
  return runProcess(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=8192", "-r", path.join(bench, "register.js"), script, ...args],
    { timeoutMs },
  );
}

/** One line for a step that failed or ran out of time. */
export function failure(run: ProcessRun, timeoutMs: number): string {
  if (run.timedOut) return `not finished within ${secs(timeoutMs, 0)} (stopped)`;
  const first = run.stderr.trim().split("\n")[0] ?? "";
  return `failed (exit ${run.code}): ${first.slice(0, 160).replace(/\|/g, "/")}`;
}
