/**
 * Regenerates the built-in rulebook files from their TypeScript source (tianyang/, tongshan.ts):
 * `node -r ./bench/register.js src/rules/profiles/generate.ts`. The catalogue test fails when they drift.
 */
import { writeFileSync } from "fs";
import * as path from "path";
import { rulebookText } from "../format/export";
import { TIANYANG_2008 } from "../tianyang/profile";
import { TONGSHAN } from "../tongshan";

for (const p of [TIANYANG_2008, TONGSHAN])
  writeFileSync(path.join(__dirname, `${p.id}.json`), rulebookText(p, "../rules.schema.json"));
