#!/usr/bin/env node
// `npm test`: the system packages first (installed as root on Debian, else one message and a stop), then
// typecheck, ESLint + Prettier, the fast core suites (a failure stops here), then the LibreOffice and
// browser suites. `npm test -- --core-only` leaves the last step out, and says how much it left out.
const { spawnSync } = require("child_process");
const path = require("path");
const { checkSystem } = require("./system-check");
const { systemSuites, testFiles } = require("./suites");

const repo = path.join(__dirname, "..");
const args = process.argv.slice(2);
const coreOnly = args.includes("--core-only");
const unknown = args.filter((a) => a !== "--core-only");
if (unknown.length) {
  process.stderr.write(
    `npm test: unknown option ${unknown.join(" ")} (only --core-only). For a few suites: npx jest <path>\n`,
  );
  process.exit(2);
}

if (!coreOnly && !checkSystem()) process.exit(1);

function step(title, command, commandArgs) {
  process.stdout.write(`\n> ${title}\n`);
  const run = spawnSync(command, commandArgs, { cwd: repo, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

/** A package's command line run with this Node (no shell, no PATH lookup). */
function node(title, pkg, file, rest) {
  step(title, process.execPath, [path.join(repo, "node_modules", pkg, file), ...rest]);
}

const system = systemSuites();
const all = testFiles();
node("typecheck: tsc --noEmit", "typescript", "bin/tsc", ["-p", "tsconfig.json", "--noEmit"]);
node("lint: eslint .", "eslint", "bin/eslint.js", ["."]);
node("format: prettier --check .", "prettier", "bin/prettier.cjs", ["--check", "."]);
node(
  `jest, core: ${all.length - system.length} suites without LibreOffice or Chromium (a failure stops here)`,
  "jest",
  "bin/jest.js",
  ["--selectProjects", "core"],
);
if (coreOnly) {
  const names = system.map((f) => path.relative(repo, f)).join(", ");
  process.stdout.write(
    `\n--core-only: ${system.length} of ${all.length} suites were left out (LibreOffice and browser): ${names}\n`,
  );
  process.exit(0);
}
node(`jest, system: ${system.length} suites with LibreOffice and Chromium`, "jest", "bin/jest.js", [
  "--selectProjects",
  "system",
]);
