/**
 * Run by fuzz.test.ts in a child process (a synchronous endless loop must end in a timeout, not hang
 * jest): scores seeded byte-mutations of a real workbook and prints a JSON summary on stdout.
 */
import { existsSync, readFileSync, writeFileSync } from "fs";
import * as path from "path";
import { main } from "../../src/cli/main";
import { countySheets } from "../fixtures/county";
import { tempDir, xlsxBytes } from "../fixtures/workbook";

async function fuzz(count: number, seed: number): Promise<void> {
  const base = await xlsxBytes(countySheets());
  let s = seed;
  const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const codes: Record<string, number> = {};
  const failures: string[] = [];
  const dir = tempDir("kaohe-fuzz-");
  for (let n = 0; n < count; n++) {
    const bytes = Buffer.from(base);
    const flips = 1 + Math.floor(rnd() * 8);
    for (let i = 0; i < flips; i++) bytes[Math.floor(rnd() * bytes.length)] = Math.floor(rnd() * 256);
    const input = path.join(dir, `m${n}.xlsx`);
    const output = path.join(dir, `m${n}.out.xlsx`);
    writeFileSync(input, bytes);
    let stdout = "";
    const io = { stdout: (t: string) => void (stdout += t), stderr: () => undefined, cwd: dir };
    try {
      const code = await main(["score", input, "--out", output, "--json"], io);
      codes[code] = (codes[code] ?? 0) + 1;
      JSON.parse(stdout);
      if (code !== 0 && code !== 1) failures.push(`#${n}: exit ${code}`);
      if (code === 1 && existsSync(output)) failures.push(`#${n}: exit 1 but an output was written`);
      if (!readFileSync(input).equals(bytes)) failures.push(`#${n}: input changed`);
    } catch (error) {
      failures.push(`#${n}: threw ${String(error).slice(0, 200)}`);
    }
  }
  process.stdout.write(JSON.stringify({ codes, failures }));
}

void fuzz(Number(process.argv[2] ?? 60), Number(process.argv[3] ?? 42));
