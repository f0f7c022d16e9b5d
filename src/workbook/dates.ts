/** Calendar dates from cells: Date cells (UTC midnight), Excel serials (1900 system) and text. */
import type { CellValue, IsoDate } from "../core";
import { cleanText } from "./text";

export type DateParse = { date: IsoDate } | { error: "bad-date" | "impossible-date" };

const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Whether year-month-day names a real Gregorian date. */
export function isValidYmd(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** UTC day number (days since 1970-01-01) → ISO date (civil-from-days, no Date allocation). */
export function isoFromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return ymd(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

/** Excel 1900-system serial → ISO date; serial 60 is Excel's fictitious 1900-02-29. */
export function dateFromSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return { error: "bad-date" };
  const whole = Math.floor(serial);
  if (whole === 60) return { error: "impossible-date" };
  // Serials after 60 are offset by Excel's phantom leap day.
  const base = Date.UTC(1899, 11, whole < 60 ? 31 : 30) / DAY_MS;
  return { date: isoFromDayNumber(base + whole) };
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** A date from text: 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, 20250305 (full-width digits too). */
export function dateFromText(text: string): DateParse {
  const t = cleanText(text).replace(/[T ]00:00(:00(\.0+)?)?Z?$/, "");
  const m = TEXT_DATE.exec(t) ?? COMPACT_DATE.exec(t);
  if (!m) return { error: "bad-date" };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? { date: ymd(y, mo, d) } : { error: "impossible-date" };
}

/** Any cell → ISO date. Date cells are read in UTC (ExcelJS hands dates over as UTC midnight). */
export function parseDate(value: CellValue): DateParse {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return { error: "bad-date" };
    // Absorb float noise just below midnight (e.g. 23:59:59.999 from a serial round-trip).
    const day = Math.floor((ms + 1000) / DAY_MS);
    const iso = isoFromDayNumber(day);
    return Number(iso.slice(0, 4)) >= 1900 ? { date: iso } : { error: "bad-date" };
  }
  if (typeof value === "number") {
    // 20250305 typed as a number: far above any serial (9999-12-31 is 2958465).
    if (Number.isInteger(value) && value >= 19000101 && value <= 99991231) return dateFromText(String(value));
    return dateFromSerial(value);
  }
  if (typeof value === "string") return dateFromText(value);
  return { error: "bad-date" };
}
