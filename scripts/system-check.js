#!/usr/bin/env node
// Checks that every package in scripts/system-packages.txt is present. As root on Debian it installs the
// missing ones (apt-get update once, then install, quietly); elsewhere it names the one command to run.
// Plain Node with no dependencies: .ci/run calls it before `npm ci`.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const LIST = path.join(__dirname, "system-packages.txt");

/** [{ name, probe }] from the list: a package name, then a command or an absolute path. */
function readList(file = LIST) {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean)
    .map((line) => {
      const [name, probe] = line.split(/\s+/);
      return { name, probe };
    });
}

/** The first executable `command` in a PATH directory, or null (like `command -v`). */
function onPath(command, envPath = process.env.PATH ?? "") {
  for (const dir of envPath.split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, command);
    try {
      if (fs.statSync(file).isFile()) {
        fs.accessSync(file, fs.constants.X_OK);
        return file;
      }
    } catch {
      // not in this directory
    }
  }
  return null;
}

function present({ probe }) {
  return path.isAbsolute(probe) ? fs.existsSync(probe) : onPath(probe) !== null;
}

function what({ probe }) {
  return path.isAbsolute(probe) ? `no ${probe}` : `no \`${probe}\` on PATH`;
}

function apt(args) {
  const run = spawnSync("apt-get", args, {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (run.status !== 0) process.stderr.write(`${run.stdout ?? ""}${run.stderr ?? run.error ?? ""}\n`);
  return run.status === 0;
}

/**
 * True when every listed package is there (after installing the missing ones, where we may).
 * Otherwise prints one message naming the command to run and returns false.
 */
function checkSystem({
  log = (s) => process.stdout.write(`${s}\n`),
  warn = (s) => process.stderr.write(s),
  list = readList(),
  debian = fs.existsSync("/etc/debian_version") && onPath("apt-get") !== null,
  root = typeof process.getuid === "function" && process.getuid() === 0,
} = {}) {
  const missing = list.filter((p) => !present(p));
  if (missing.length === 0) return true;
  const names = missing.map((p) => p.name).join(" ");
  if (debian && root) {
    log(`Installing what the tests need (${missing.map((p) => `${p.name}: ${what(p)}`).join("; ")}):`);
    log(`  apt-get update && apt-get install -y ${names}`);
    const started = Date.now();
    const installed =
      apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "--no-upgrade", ...missing.map((p) => p.name)]);
    const still = list.filter((p) => !present(p));
    if (installed && still.length === 0) {
      log(`Installed in ${Math.round((Date.now() - started) / 1000)} s.`);
      return true;
    }
    const left = (still.length ? still : missing).map((p) => `${p.name} (${what(p)})`).join(", ");
    warn(`npm test stopped: apt-get could not provide ${left}; see its messages above.\n`);
    return false;
  }
  const command = debian
    ? `sudo apt-get update && sudo apt-get install -y ${names}`
    : `your package manager's install command for ${names} (Debian's names)`;
  warn(
    `npm test stopped before running anything: ${missing.map((p) => `${p.name} (${what(p)})`).join(", ")} ` +
      `${missing.length > 1 ? "are" : "is"} missing. Run:\n\n    ${command}\n\nthen npm test again.\n`,
  );
  return false;
}

module.exports = { checkSystem, readList, onPath };

if (require.main === module) process.exit(checkSystem() ? 0 : 1);
