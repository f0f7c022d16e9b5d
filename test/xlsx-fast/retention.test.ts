/**
 * Memory behaviour of the large-file reader, checked structurally: after reading, no string of 64 kB or
 * more is left in the heap (no cell or shared string keeps the part's text, or a chunk of it, alive).
 * A heap snapshot needs a small heap and --expose-gc, hence a child process.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const ROOT = path.join(__dirname, "..", "..");

describe("large-file reader memory", () => {
  it("keeps no sheet-sized or chunk-sized string alive behind the cells it returns", () => {
    const run = spawnSync(
      process.execPath,
      ["--expose-gc", "-r", path.join(ROOT, "bench/register.js"), path.join(__dirname, "retentionRunner.ts")],
      { cwd: ROOT, encoding: "utf8", maxBuffer: 16 * 2 ** 20 },
    );
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as {
      rows: number;
      cells: unknown[];
      shared: number;
      retained: number[];
      control: number[];
      streamed: number;
      streamRetained: number[];
    };
    expect(result.rows).toBe(30000);
    expect(result.cells).toEqual([
      "BJ20250030000",
      "不动产登记（转移登记）第27号窗口受理",
      "城乡居民基本养老保险参保登记第0项",
      30000,
    ]);
    expect(result.shared).toBe(20000);
    // The detector sees a large string kept alive by a 20-character slice of it …
    expect(result.control.length).toBe(1);
    // … and the reader's cells keep none.
    expect(result.retained).toEqual([]);
    // Read a piece at a time through zlib's stream, nothing of it stays once the rows are dropped.
    expect(result.streamed).toBe(30000);
    expect(result.streamRetained).toEqual([]);
  });
});
