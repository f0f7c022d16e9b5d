/** The linter keeps the layers: a deliberately wrong import, linted through ESLint's API, is an error. */
import { execFileSync } from "child_process";
import * as path from "path";
import { ROOT } from "./imports";

const cases: { filePath: string; text: string }[] = [
  // 0: a deliberately wrong import: the engine reaching up to the CLI
  { filePath: "src/engine/wrong.ts", text: 'export { main } from "../cli/main";\n' },
  { filePath: "src/calendar/wrong.ts", text: 'export type { CaseRow } from "../engine/types";\n' },
  {
    filePath: "src/workbook/render/wrong.ts",
    text: 'export type { RunOutcome } from "../../pipeline/types";\n',
  },
  { filePath: "src/hosts/excel/wrong.ts", text: 'export { XlsxHost } from "../xlsx/host";\n' },
  { filePath: "taskpane/wrong.ts", text: 'export { main } from "../src/cli/main";\n' },
  { filePath: "src/print/wrong.ts", text: 'export { readFileSync } from "node:fs";\n' },
  { filePath: "src/workbook/wrong.ts", text: 'export { Workbook } from "exceljs";\n' },
  // 7…: allowed by the layers
  { filePath: "src/engine/right.ts", text: 'export type { IsoDate } from "../core";\n' },
  { filePath: "src/cli/right.ts", text: 'export { XlsxHost } from "../hosts/xlsx/host";\n' },
  { filePath: "src/hosts/xlsx/right.ts", text: 'export { readFileSync } from "fs";\n' },
  { filePath: "src/workbook/right.ts", text: 'export { parseCaseLog } from "./caseLog";\n' },
];

const results: string[][] = JSON.parse(
  execFileSync(process.execPath, [path.join(__dirname, "lintCases.mjs")], {
    cwd: ROOT,
    input: JSON.stringify(cases.map((c) => ({ ...c, filePath: path.join(ROOT, c.filePath) }))),
    encoding: "utf8",
  }),
);

describe("the layer rule in eslint.config.mjs", () => {
  it("fails the engine importing the CLI, naming the rule's reason", () => {
    expect(results[0]).toEqual([
      "'../cli/main' import is restricted from being used by a pattern. engine imports only from lower layers (architecture.json); cli is not one of them.",
    ]);
  });

  it("fails type-only upward imports, a sibling host, and file access in a pure layer", () => {
    for (const i of [1, 2, 3, 4, 5, 6])
      expect([cases[i].filePath, results[i].length]).toEqual([cases[i].filePath, 1]);
  });

  it("lets imports through where the layers allow them", () => {
    for (const i of [7, 8, 9, 10]) expect([cases[i].filePath, results[i]]).toEqual([cases[i].filePath, []]);
  });
});
