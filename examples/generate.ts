/** `npm run examples`: regenerates examples/county-2025.xlsx and examples/township-2025.xlsx. */
import { writeFileSync } from "fs";
import * as path from "path";
import { COUNTY } from "./county";
import { workbookBytes } from "./sheets";
import { TOWNSHIP } from "./township";

async function generate(): Promise<void> {
  for (const data of [COUNTY, TOWNSHIP]) {
    const file = path.join(__dirname, data.file);
    writeFileSync(file, await workbookBytes(data));
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

generate().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
