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
const { evaluateCases, deriveOverdueIncidents } = require("../../src/caselog");
const { parseCaseLog } = require("../../src/workbook/parse/caseLogTab");
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
  caseLog: caseLogProbe(cal),
};
process.stdout.write(JSON.stringify(out));

/** A case received Fri 2025-09-26 (a UTC-midnight Date cell, as ExcelJS gives it), 5 days, done 10-11. */
function caseLogProbe(calendar) {
  const header = ["办件编号", "窗口", "办件类型", "受理日期", "承诺时限", "办结日期"];
  const row = ["N1", "公安", "承诺件", new Date(Date.UTC(2025, 8, 26)), 5, new Date(Date.UTC(2025, 9, 11))];
  const { cases } = parseCaseLog({ name: "办件台账", rows: [header, row] });
  const ev = evaluateCases(cases, calendar, { year: 2025 });
  const [incident] = deriveOverdueIncidents(cases, calendar, { year: 2025, code: "15.7" }, ev);
  return {
    received: cases[0].received,
    completed: cases[0].completed,
    incident: [incident.date, incident.days],
  };
}
