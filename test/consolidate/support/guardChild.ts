/** Child process for the memory test: guards one file, prints the issue and the peak RSS in MB. */
import { readFileSync } from "fs";
import { guardXlsx } from "../../../src/hosts/xlsx/guard";

const file = process.argv[2]!;
void guardXlsx(readFileSync(file), "bomb.xlsx").then((issue) => {
  process.stdout.write(JSON.stringify({ issue, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
});
