/** 考核设置: unit name, unit type, year and rules profile. */
import type { Settings } from "../../engine/types";
import type { Issue, RawSheet } from "../../core";
import { cellText } from "../cells";
import { dataRows, readHeader, aliasKeys, type DataRow, type HeaderMap } from "../headers";
import { parseInteger } from "../numbers";
import type { ProfileResolver } from "../profile";
import { DEFAULT_PROFILE, SETTINGS_TAB, SETTING_ITEMS } from "../schema";
import { matchKey } from "../text";
import { rowIssue, type ParseContext } from "./context";

const UNIT_TYPES: Record<string, Settings["unitType"]> = {
  县中心: "县中心",
  county: "县中心",
  countycentre: "县中心",
  countycenter: "县中心",
  镇街: "镇街",
  镇: "镇街",
  街道: "镇街",
  township: "镇街",
};

type Item = keyof typeof SETTING_ITEMS;
const ITEM_KEYS = Object.entries(SETTING_ITEMS).map(
  ([item, names]) => [item as Item, aliasKeys(names)] as const,
);

/** A settings tab typed without its 项目/值 header: items in column A, values in column B. */
function headerlessSettings(sheet: RawSheet): HeaderMap | undefined {
  const items = sheet.rows.filter((r) =>
    ITEM_KEYS.some(([, keys]) => keys.has(matchKey(cellText(r[0] ?? null)))),
  );
  return items.length > 0
    ? {
        row: 0,
        columns: new Map([
          ["item", 1],
          ["value", 2],
        ]),
      }
    : undefined;
}

export function parseSettings(
  sheet: RawSheet,
  ctx: ParseContext,
  resolve: ProfileResolver,
  profileOverride?: string,
): Settings | undefined {
  const headerIssues: Issue[] = [];
  const header = readHeader(sheet, SETTINGS_TAB, headerIssues) ?? headerlessSettings(sheet);
  if (!header) {
    ctx.issues.push(...headerIssues);
    return undefined;
  }
  const found = new Map<Item, DataRow>();
  for (const row of dataRows(sheet, header)) {
    const key = matchKey(row.text("item"));
    const item = ITEM_KEYS.find(([, keys]) => keys.has(key))?.[0];
    if (item && !found.has(item)) found.set(item, row);
  }
  const before = ctx.issues.length;
  // A blank value is named by its value cell (考核设置!B2); an item without a row by the tab alone.
  const missing = (item: Item) => {
    const params = { item: SETTING_ITEMS[item][0] };
    const row = found.get(item);
    ctx.issues.push(
      row
        ? rowIssue(row, "value", "missing-setting", params)
        : { severity: "error", code: "missing-setting", sheet: sheet.name, params },
    );
  };

  const nameRow = found.get("unitName");
  const unitName = nameRow?.text("value") ?? "";
  if (!unitName) missing("unitName");

  const typeRow = found.get("unitType");
  const typeText = typeRow?.text("value") ?? "";
  const unitType = UNIT_TYPES[matchKey(typeText)];
  if (!typeRow || !typeText) missing("unitType");
  else if (!unitType) ctx.issues.push(rowIssue(typeRow, "value", "bad-unit-type", { value: typeText }));

  const yearRow = found.get("year");
  const yearText = yearRow?.text("value") ?? "";
  const year = yearRow ? parseInteger(yearRow.value("value")) : undefined;
  if (!yearRow || !yearText) missing("year");
  else if (year === undefined || year < 2000 || year > 2100)
    ctx.issues.push(rowIssue(yearRow, "value", "bad-year", { value: yearText }));

  const profileRow = found.get("profile");
  const profileId = profileOverride ?? (profileRow?.text("value") || DEFAULT_PROFILE);
  const profile = resolve(profileId);
  if (!profile) {
    const issue =
      profileRow && !profileOverride ? rowIssue(profileRow, "value", "unknown-profile") : undefined;
    ctx.issues.push({
      ...(issue ?? { severity: "error" as const, code: "unknown-profile", sheet: sheet.name }),
      params: { value: profileId },
    });
  }

  // Keep what did resolve so later tabs are still checked (codes need the profile, dates the year).
  if (profile) ctx.profile = profile;
  if (year !== undefined && !(year < 2000 || year > 2100)) ctx.year = year;
  if (ctx.issues.length > before || !unitType || year === undefined || !profile) return undefined;
  const county = found.get("county")?.text("value");
  const settings: Settings = { unitName, unitType, year, profile: profile.id };
  if (county) settings.county = county;
  return settings;
}
