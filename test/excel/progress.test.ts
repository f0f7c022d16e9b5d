/** The Excel host reports progress across its syncs: rows read, then data syncs written, only forwards. */
import type { Progress } from "../../src/workbook/progress";
import type { SheetModel } from "../../src/workbook/types";
import { emulatedHost, gridSeed } from "../emulation/excel/host";

const ROWS = 60_000;
const rows = Array.from({ length: ROWS }, (_, i) => [
  "2025-03-04",
  `窗口${i % 100}`,
  `工作人员${i % 500}`,
  "14.2",
  `一条相当长的情况说明，第 ${i} 行，用来让每一行都有一百多个字节`,
]);

function expectForwardToEnd(seen: Progress[], step: Progress["step"]): void {
  const mine = seen.filter((p) => p.step === step);
  expect(mine.length).toBeGreaterThan(2);
  for (let i = 1; i < mine.length; i++) {
    expect(mine[i]!.done).toBeGreaterThanOrEqual(mine[i - 1]!.done);
    expect(mine[i]!.total).toBe(mine[0]!.total);
  }
  const last = mine[mine.length - 1]!;
  expect(last.done).toBe(last.total);
}

describe("the Excel host's progress", () => {
  it("reads a large tab over several syncs and says how many rows it has", async () => {
    const { emu, host } = emulatedHost({
      apiVersion: "1.4",
      sheets: [gridSeed("事项记录", [["日期", "窗口", "姓名", "代码", "说明"], ...rows])],
    });
    const seen: Progress[] = [];
    host.onProgress((p) => seen.push(p));
    const sheets = await host.readSheets();
    expect(sheets[0]!.rows.length).toBe(ROWS + 1);
    expectForwardToEnd(seen, "read");
    expect(seen[seen.length - 1]!.total).toBe(ROWS + 1);
    // One report after the heads and one per further sync.
    expect(seen.length).toBe(emu.stats.syncs - 1);
  });

  it("writes a large output tab over several syncs, reporting each", async () => {
    const { host } = emulatedHost({ apiVersion: "1.4", sheets: [gridSeed("说明", [["x"]])] });
    const model: SheetModel = {
      name: "考核明细",
      columns: ["期间", "窗口", "姓名", "代码", "说明"].map((header) => ({ header })),
      rows,
    };
    const seen: Progress[] = [];
    host.onProgress((p) => seen.push(p));
    await host.writeOutputs([model]);
    expectForwardToEnd(seen, "write");
    const before = seen.length;
    host.onProgress(undefined);
    await host.writeOutputs([model]);
    expect(seen.length).toBe(before);
  });
});
