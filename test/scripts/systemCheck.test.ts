/** The check `npm test` runs first: the one list of system packages, and the one message when one is missing. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkSystem, readList, onPath } = require("../../scripts/system-check.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { systemSuites, testFiles } = require("../../scripts/suites.js");

/** Spelled apart: scripts/suites.js files a suite that names this command with the LibreOffice suites. */
const LIBREOFFICE_COMMAND = ["s", "office"].join("");

interface Entry {
  name: string;
  probe: string;
}

function run(list: Entry[], where: { root: boolean; debian: boolean }) {
  const out: string[] = [];
  const err: string[] = [];
  const ok = checkSystem({
    list,
    ...where,
    log: (s: string) => out.push(s),
    warn: (s: string) => err.push(s),
  });
  return { ok, out: out.join("\n"), err: err.join("") };
}

describe("system packages", () => {
  it("lists each package once with how to find it, and no longer needs xmllint or poppler", () => {
    const list: Entry[] = readList();
    expect(list.map((p) => p.name)).toEqual(["chromium", "libreoffice-calc-nogui", "fonts-wqy-zenhei"]);
    expect(list.map((p) => p.probe)).toEqual([
      "chromium",
      LIBREOFFICE_COMMAND,
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    ]);
  });

  it("finds a command by looking it up on PATH, as the shell does", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kaohe-path-"));
    const tool = path.join(dir, "some-tool");
    fs.writeFileSync(tool, "#!/bin/sh\n", { mode: 0o755 });
    fs.writeFileSync(path.join(dir, "not-executable"), "", { mode: 0o644 });
    expect(onPath("some-tool", `/nonexistent${path.delimiter}${dir}`)).toBe(tool);
    expect(onPath("not-executable", dir)).toBeNull();
    expect(onPath("some-tool", "/nonexistent")).toBeNull();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("passes quietly when everything is there", () => {
    const here = { name: "node", probe: path.basename(process.execPath) };
    const env = process.env.PATH;
    process.env.PATH = path.dirname(process.execPath);
    try {
      expect(run([here], { root: false, debian: true })).toEqual({ ok: true, out: "", err: "" });
    } finally {
      process.env.PATH = env;
    }
  });

  it("stops without root with one message naming the exact command and what is missing", () => {
    const list = [
      { name: "pkg-one", probe: "kaohe-no-such-command" },
      { name: "pkg-two", probe: "/nonexistent/font.ttc" },
      { name: "node", probe: process.execPath },
    ];
    const { ok, out, err } = run(list, { root: false, debian: true });
    expect(ok).toBe(false);
    expect(out).toBe("");
    expect(err).toContain("npm test stopped before running anything");
    expect(err).toContain("pkg-one (no `kaohe-no-such-command` on PATH), pkg-two (no /nonexistent/font.ttc)");
    expect(err).toContain("\n    sudo apt-get update && sudo apt-get install -y pkg-one pkg-two\n");
    expect(err.match(/apt-get install/g)).toHaveLength(1);
  });

  it("names the packages, not apt-get, where there is no apt-get", () => {
    const { ok, err } = run([{ name: "pkg-one", probe: "kaohe-no-such-command" }], {
      root: true,
      debian: false,
    });
    expect(ok).toBe(false);
    expect(err).not.toContain("apt-get");
    expect(err).toContain("install command for pkg-one");
  });
});

describe("suite split", () => {
  it("puts the LibreOffice and browser suites after the core, and the rules, engine and workbook in the core", () => {
    const rel = (f: string) => path.relative(path.join(__dirname, ".."), f);
    const system: string[] = systemSuites().map(rel);
    const all: string[] = testFiles().map(rel);
    for (const s of ["print/pdf.test.ts", "e2e/pane.test.ts", "e2e/standalone.test.ts", "cli/real.test.ts"])
      expect(system).toContain(s);
    for (const c of [
      "rules/catalogue.test.ts",
      "engine/effects.test.ts",
      "workbook/parse.test.ts",
      "hosts/contract.test.ts",
    ])
      expect(system).not.toContain(c);
    expect(all).toContain("scripts/systemCheck.test.ts");
    expect(system).not.toContain("scripts/systemCheck.test.ts");
  });
});
