/**
 * Regenerates the built-in rulebook files from their TypeScript source (tianyang/, tongshan.ts):
 * `node -r ./bench/register.js scripts/generateProfiles.ts`. The catalogue test fails when they drift.
 */
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import * as path from "path";
import { rulebookText } from "../src/rules/format/export";
import { TIANYANG_2008 } from "../src/rules/tianyang/profile";
import { TONGSHAN } from "../src/rules/tongshan";

const files = [TIANYANG_2008, TONGSHAN].map((p) => {
  const file = path.join(__dirname, "..", "src", "rules", "profiles", `${p.id}.json`);
  writeFileSync(file, rulebookText(p, "../rules.schema.json"));
  return file;
});
// The repository's formatter has the last word on layout; the test compares parsed content.
execFileSync("npx", ["prettier", "--write", ...files], { stdio: "inherit" });
