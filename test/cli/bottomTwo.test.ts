/**
 * 铜山 bottom two on a real .xlsx: January 公安 90, 税务 95, 人社 95, 民政 100 (12.5, −1 per unit, window only).
 * 公安 is in; 税务 and 人社 tie for the last place: 并列待裁定 until a 人工裁定 row (末两位) settles it, after
 * which both rows read 并列已裁定 and nothing says 待人工裁定.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { countySheets, d } from "../fixtures/county";
import { tempDir, xlsxBytes, type SheetSpec } from "../fixtures/workbook";
import { runCli } from "./run";

function tongshan(decisions: (string | null)[][]): SheetSpec[] {
  const sheets = countySheets().map((s) => {
    if (s.name === "考核设置")
      return { ...s, rows: s.rows.map((r) => (r[0] === "规则版本" ? [r[0], "tongshan"] : r)) };
    if (s.name !== "事项记录") return s;
    const row = (window: string, n: number) => [
      d("2025-01-15"),
      window,
      null,
      "12.5",
      n,
      null,
      null,
      null,
      "是",
      null,
    ];
    return { ...s, rows: [s.rows[0]!, row("公安", 10), row("税务", 5), row("人社", 5)] };
  });
  if (decisions.length)
    sheets.push({ name: "人工裁定", rows: [["对象", "期间", "项目", "值", "理由", "裁定人"], ...decisions] });
  return sheets;
}

async function january(decisions: (string | null)[][]): Promise<Record<string, string[]>> {
  const dir = tempDir();
  writeFileSync(path.join(dir, "t.xlsx"), await xlsxBytes(tongshan(decisions)));
  const run = await runCli(["score", "t.xlsx", "--json"], dir);
  expect(run.code).toBe(0);
  const doc = JSON.parse(run.stdout) as { windows: { window: string; period: string; reasons: string[] }[] };
  return Object.fromEntries(
    doc.windows.filter((w) => w.period === "2025-01").map((w) => [w.window, w.reasons]),
  );
}

describe("kaohe score, profile tongshan: bottom two and its 人工裁定", () => {
  it("leaves an overflowing tie pending, then settles it from the 人工裁定 tab", async () => {
    const pending = await january([]);
    expect(pending["公安"]).toEqual([expect.stringMatching(/^约谈整改/)]);
    expect(pending["税务"]).toEqual(["并列待裁定 末两位边界得分并列,待人工裁定"]);
    expect(pending["人社"]).toEqual(["并列待裁定 末两位边界得分并列,待人工裁定"]);
    expect(pending["民政"]).toEqual([]);

    const settled = await january([["人社", "2025年1月", "末两位", "是", "服务评议最低", "中心主任"]]);
    expect(settled["人社"]).toEqual([
      "并列已裁定 末两位边界得分并列,已人工裁定",
      expect.stringMatching(/^人工裁定 末两位 → 是/),
      expect.stringMatching(/^约谈整改/),
    ]);
    expect(settled["税务"]).toEqual(["并列已裁定 末两位边界得分并列,已人工裁定"]);
    expect(Object.values(settled).flat().join()).not.toContain("待人工裁定");
  });
});
