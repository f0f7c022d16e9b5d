/*
 * Child-process probe: loads the calendar (TypeScript, compiled on the fly by @swc/core) under whatever
 * TZ the parent set, and prints its answers as JSON. Used by timezone.test.ts.
 */
const fs = require("fs");
const Module = require("module");
const { transformSync } = require("@swc/core");

Module._extensions[".ts"] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};

const { createCalendar } = require("../../src/calendar");
const chineseDays = require("chinese-days");

const cal = createCalendar();
const dates = JSON.parse(process.argv[2]);
const out = {
  tz: process.env.TZ,
  offsetMinutes: new Date(Date.UTC(2025, 8, 29)).getTimezoneOffset(),
  isWorkday: Object.fromEntries(dates.map((d) => [d, cal.isWorkday(d)])),
  addWorkdays: cal.addWorkdays("2025-09-26", 1),
  afterNationalDay: cal.addWorkdays("2025-09-30", 1),
  between: cal.workdaysBetween("2025-09-26", "2025-10-12"),
  packageApiSaysWorkday: chineseDays.isWorkday("2025-09-29"),
};
process.stdout.write(JSON.stringify(out));
