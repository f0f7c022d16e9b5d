/** How a rulebook is named on forms and in the explanation view, in every locale. */
import { getProfile, rulebookTitle } from "../../src/rules";

test("name and version in each locale; the name alone without a version", () => {
  const r = { name: "示例县考核办法", version: "2025.2" };
  expect(rulebookTitle(r, "zh-CN")).toBe("示例县考核办法（版本 2025.2）");
  expect(rulebookTitle(r, "zh-TW")).toBe("示例县考核办法（版本 2025.2）");
  expect(rulebookTitle(r, "en")).toBe("示例县考核办法 (version 2025.2)");
  expect(rulebookTitle({ name: "示例县考核办法", version: "  " }, "en")).toBe("示例县考核办法");
  const builtin = getProfile("tianyang-2008")!;
  expect(rulebookTitle(builtin)).toBe(
    builtin.version ? `${builtin.name}（版本 ${builtin.version}）` : builtin.name,
  );
});
