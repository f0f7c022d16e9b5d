import { execFileSync } from "child_process";
import * as path from "path";

/** 2025-09-28 (Sun, 调休 working day), 09-29 (Mon), 09-30 (Tue), 10-01..08 National Day + Mid-Autumn, 10-11 (Sat, 调休). */
const DATES = [
  "2025-09-27",
  "2025-09-28",
  "2025-09-29",
  "2025-09-30",
  ...["01", "02", "03", "04", "05", "06", "07", "08"].map((d) => `2025-10-${d}`),
  "2025-10-09",
  "2025-10-11",
  "2025-10-12",
];
const EXPECTED: Record<string, boolean> = {
  "2025-09-27": false,
  "2025-09-28": true,
  "2025-09-29": true,
  "2025-09-30": true,
  "2025-10-01": false,
  "2025-10-02": false,
  "2025-10-03": false,
  "2025-10-04": false,
  "2025-10-05": false,
  "2025-10-06": false,
  "2025-10-07": false,
  "2025-10-08": false,
  "2025-10-09": true,
  "2025-10-11": true,
  "2025-10-12": false,
};

function probe(tz: string) {
  const out = execFileSync(process.execPath, [path.join(__dirname, "tz-probe.cjs"), JSON.stringify(DATES)], {
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
  });
  return JSON.parse(out);
}

describe.each([
  ["America/Los_Angeles", 420],
  ["Asia/Shanghai", -480],
])("calendar under TZ=%s", (tz, offset) => {
  const result = probe(tz);

  it("really runs in that time zone", () => {
    expect(result.tz).toBe(tz);
    expect(result.offsetMinutes).toBe(offset);
  });

  it("gets National Day 2025 and its 调休 weekends right", () => {
    expect(result.isWorkday).toEqual(EXPECTED);
  });

  it("does day arithmetic without shifting", () => {
    // Fri 09-26 → next working day is the 调休 Sunday 09-28.
    expect(result.addWorkdays).toBe("2025-09-28");
    // Tue 09-30 → the holiday runs to 10-08, so Thu 10-09.
    expect(result.afterNationalDay).toBe("2025-10-09");
    // (09-26, 10-12]: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 = 6.
    expect(result.between).toBe(6);
  });

  it("parses Date cells and derives the overdue case on the same days", () => {
    // Due 10-10 (09-28, 09-29, 09-30, 10-09, 10-10); completed on the 调休 Saturday 10-11: 1 day late.
    expect(result.caseLog).toEqual({
      received: "2025-09-26",
      completed: "2025-10-11",
      incident: ["2025-10-11", 1],
    });
  });
});

it("the package's own Date API is wrong west of UTC (why we read its data table)", () => {
  expect(probe("America/Los_Angeles").packageApiSaysWorkday).toBe(false);
  expect(probe("Asia/Shanghai").packageApiSaysWorkday).toBe(true);
});
