/** One place the UI gets its words from: the locale's table, provided once at the top of the pane or page. */
import { createContext, useContext, type ReactNode } from "react";
import type { Locale } from "../../src/core";
import { STRINGS, type Strings } from "./index";

interface StringsValue {
  t: Strings;
  locale: Locale;
}

const StringsContext = createContext<StringsValue>({ t: STRINGS["zh-CN"], locale: "zh-CN" });

export function StringsProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <StringsContext.Provider value={{ t: STRINGS[locale], locale }}>{children}</StringsContext.Provider>;
}

/** The current locale's strings (and the locale, for messages worded by the engine). */
export function useStrings(): StringsValue {
  return useContext(StringsContext);
}
