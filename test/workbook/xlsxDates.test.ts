/** Dates typed into a real .xlsx (date cells, serials, text) read as the same days west and east of UTC. */
import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

describe.each([
  ["America/Los_Angeles", 480],
  ["Asia/Shanghai", -480],
])("dates from a real .xlsx under TZ=%s", (tz, offset) => {
  it("reads date cells, serials and text as the same calendar days", () => {
    const stdout = execFileSync(
      process.execPath,
      ["-r", path.join(root, "bench/register.js"), path.join(__dirname, "tzProbe.ts")],
      { cwd: root, env: { ...process.env, TZ: tz }, encoding: "utf8" },
    );
    expect(JSON.parse(stdout)).toEqual({
      offset,
      errors: [],
      dates: ["2025-09-29", "2025-09-29", "2025-09-28", "2025-10-08"],
    });
  });
});
