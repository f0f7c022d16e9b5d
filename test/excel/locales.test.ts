import { en } from "../../taskpane/i18n/en";
import { fill, localeFrom, STRINGS } from "../../taskpane/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("task pane locales", () => {
  const keys = Object.keys(en) as (keyof typeof en)[];

  it.each(["zh-CN", "zh-TW"] as const)(
    "%s has every key of en, non-empty, with the same placeholders",
    (locale) => {
      const table = STRINGS[locale];
      expect(Object.keys(table).sort()).toEqual([...keys].sort());
      for (const k of keys) {
        expect(table[k].trim()).not.toBe("");
        expect(placeholders(table[k])).toEqual(placeholders(en[k]));
      }
    },
  );

  it("zh-TW is not a copy of zh-CN where the scripts differ", () => {
    expect(STRINGS["zh-TW"].run).toBe("開始考核");
    expect(STRINGS["zh-CN"].run).toBe("开始考核");
    const same = keys.filter((k) => STRINGS["zh-TW"][k] === STRINGS["zh-CN"][k]);
    expect(same.length).toBeLessThan(keys.length / 4);
  });

  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-cn", "zh-CN"],
    ["zh-SG", "zh-CN"],
    ["zh-TW", "zh-TW"],
    ["zh-HK", "zh-TW"],
    ["zh-Hant-TW", "zh-TW"],
    ["en-US", "en"],
    ["fr-FR", "en"],
    ["", "zh-CN"],
  ])("maps Office's display language %s to %s", (language, locale) => {
    expect(localeFrom(language)).toBe(locale);
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(fill("已清除 {n} 行", { n: 3 })).toBe("已清除 3 行");
    expect(fill("{a}{b}", { a: 1 })).toBe("1{b}");
  });
});
