/** Validates an add-in manifest against the offline XSDs with libxml2 compiled to WebAssembly (no xmllint). */
import * as fs from "fs";
import * as path from "path";
import { validateXML } from "xmllint-wasm";

export const SCHEMA_DIR = path.join(__dirname, "manifest-schema");
const MAIN = "OfficeAppManifestV1_1.xsd";

export interface ManifestCheck {
  valid: boolean;
  /** libxml2's messages, one per line, as xmllint prints them. */
  errors: string[];
}

/** The main schema first, then every file it imports (libxml2 reads them from memory, not the disk). */
function schemaFiles(): { fileName: string; contents: string }[] {
  const names = fs.readdirSync(SCHEMA_DIR).filter((f) => f.endsWith(".xsd") && f !== MAIN);
  return [MAIN, ...names].map((fileName) => ({
    fileName,
    contents: fs.readFileSync(path.join(SCHEMA_DIR, fileName), "utf8"),
  }));
}

export async function validateManifest(xml: string): Promise<ManifestCheck> {
  const [main, ...imports] = schemaFiles();
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [main!],
    preload: imports,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
