import * as fs from "fs";
import * as path from "path";
import { SCHEMA_DIR, validateManifest } from "./manifestSchema";

const repo = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(repo, "manifest.xml"), "utf8");

describe("manifest.xml", () => {
  it("validates against the offline add-in manifest schema", async () => {
    expect(fs.existsSync(path.join(SCHEMA_DIR, "OfficeAppManifestV1_1.xsd"))).toBe(true);
    expect(await validateManifest(manifest)).toEqual({ valid: true, errors: [] });
  });

  it.each([
    ["an unknown permission", (m: string) => m.replace("ReadWriteDocument", "EverythingPlease")],
    [
      "elements out of order",
      (m: string) =>
        m
          .replace(/(<Permissions>.*<\/Permissions>)/, "")
          .replace("<Hosts>", "<Permissions>ReadWriteDocument</Permissions>\n  <Hosts>"),
    ],
    ["a missing Id", (m: string) => m.replace(/<Id>[^<]*<\/Id>/, "")],
    ["malformed XML", (m: string) => m.replace("</OfficeApp>", "")],
  ])("rejects a broken copy with %s", async (_name, breakIt) => {
    const broken = breakIt(manifest);
    expect(broken).not.toBe(manifest);
    const { valid, errors } = await validateManifest(broken);
    expect(valid).toBe(false);
    expect(errors.join("\n")).toMatch(/^manifest\.xml:\d+: /m);
  });

  it("is a Workbook task pane with read/write access, zh-CN default and en-US / zh-TW overrides", () => {
    expect(manifest).toMatch(/xsi:type="TaskPaneApp"/);
    expect(manifest).toContain('<Host Name="Workbook" />');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(manifest).toMatch(/<Set Name="ExcelApi" MinVersion="1\.4" \/>/);
    for (const id of ["Group.Label", "OpenPane.Label", "OpenPane.Tooltip", "GetStarted.Title"]) {
      const block = manifest.slice(manifest.indexOf(`<bt:String id="${id}"`));
      const end = block.indexOf("</bt:String>");
      expect(block.slice(0, end)).toContain('Locale="en-US"');
      expect(block.slice(0, end)).toContain('Locale="zh-TW"');
    }
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toContain('<bt:String id="Group.Label" DefaultValue="考核">');
  });

  it("points every icon at a real PNG of the stated size in assets/", () => {
    const icons = [...manifest.matchAll(/assets\/icon-(\d+)\.png/g)].map((m) => Number(m[1]));
    expect(new Set(icons)).toEqual(new Set([16, 32, 64, 80]));
    for (const size of icons) {
      const png = fs.readFileSync(path.join(repo, "assets", `icon-${size}.png`));
      expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});
