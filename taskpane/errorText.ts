/** The text of an error for the pane's messages. */

/** An error worded in both languages (the Excel host's ExcelReadError). */
interface Bilingual {
  zh: string;
  en: string;
}

const isBilingual = (e: unknown): e is Bilingual =>
  typeof (e as Partial<Bilingual> | null)?.zh === "string" &&
  typeof (e as Partial<Bilingual>).en === "string";

/** The message, in the pane's language when the error carries both. */
export function errorText(error: unknown, locale: string): string {
  if (isBilingual(error)) return locale === "en" ? error.en : error.zh;
  return error instanceof Error ? error.message : String(error);
}
