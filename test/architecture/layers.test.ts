/** The layers of architecture.json hold in the tree: every import goes down, and no folders import each other. */
import { readdirSync } from "fs";
import * as path from "path";
import {
  edgesOf,
  EXCEPTIONS,
  folderCycles,
  folderOf,
  HOST_MODULES,
  LAYERS,
  repositoryFiles,
  ROOT,
  specifiers,
  wrongArrows,
} from "./imports";

const edges = edgesOf(repositoryFiles());

describe("the folder-level import graph", () => {
  it("places every folder of src/ in a layer", () => {
    const folders = readdirSync(path.join(ROOT, "src")).flatMap((name) =>
      name === "hosts" ? readdirSync(path.join(ROOT, "src/hosts")).map((h) => `hosts/${h}`) : [name],
    );
    expect(folders.filter((f) => !LAYERS.flat().includes(f))).toEqual([]);
  });

  it("finds the imports it checks (the scan is not empty)", () => {
    expect(edges.some((e) => e.from === "engine" && e.to === "core")).toBe(true);
    expect(edges.some((e) => e.from === "taskpane" && e.to === "hosts/excel")).toBe(true);
  });

  it("has every import pointing to a lower layer", () => {
    expect(wrongArrows(edges).map((e) => `${e.file}: ${e.specifier} (${e.from} → ${e.to})`)).toEqual([]);
  });

  it("has no cycle between folders", () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it("lists exceptions only for files in the table that import a folder or host module it knows", () => {
    for (const x of EXCEPTIONS) {
      expect([x.file, LAYERS.flat().includes(folderOf(x.file) ?? "")]).toEqual([x.file, true]);
      expect([x.imports, LAYERS.flat().includes(x.imports) || HOST_MODULES.includes(x.imports)]).toEqual([
        x.imports,
        true,
      ]);
    }
  });
});

describe("the checks themselves", () => {
  const wrong = [
    { file: "src/calendar/days.ts", text: 'import type { Issue } from "../engine/types";\n' },
    { file: "src/engine/assess.ts", text: 'import { isWorkday } from "../calendar/calendar";\n' },
    { file: "src/workbook/render/results.ts", text: 'export { run } from "../../pipeline/run";\n' },
    { file: "src/hosts/excel/read.ts", text: 'const x = await import("../xlsx/host");\n' },
  ];

  it("reads static imports, re-exports, import() and require()", () => {
    const text =
      'import a from "./a";\nimport type { B } from "./b";\nexport * from "./c";\nimport("./d");\nrequire("./e");\n';
    expect(specifiers(text)).toEqual(["./a", "./b", "./c", "./d", "./e"]);
  });

  it("reports an upward import and a sibling import as wrong arrows", () => {
    const found = wrongArrows(edgesOf(wrong)).map((e) => `${e.from} → ${e.to}`);
    expect(found).toEqual(["calendar → engine", "workbook → pipeline", "hosts/excel → hosts/xlsx"]);
  });

  it("reports a cycle between two folders", () => {
    expect(folderCycles(edgesOf(wrong))).toEqual([["calendar", "engine"]]);
  });
});
