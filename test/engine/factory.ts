/** Test factories with overridable defaults (docs/style.md §7). */
import { createCalendar } from "../../src/calendar";
import type { WorkCalendar } from "../../src/calendar/types";
import { assess } from "../../src/engine";
import type {
  AssessmentInput,
  AssessmentResult,
  IncidentRow,
  OverrideRow,
  StaffResult,
  StaffRow,
  WindowResult,
  WindowRow,
} from "../../src/engine/types";
import { getProfile, type Profile } from "../../src/rules";

let row = 1;

export function incident(over: Partial<IncidentRow> = {}): IncidentRow {
  row += 1;
  return {
    date: "2025-03-05",
    window: "公安",
    code: "14.7",
    quantity: 1,
    verified: true,
    source: { sheet: "事项记录", row },
    ...over,
  };
}

export function staff(over: Partial<StaffRow> = {}): StaffRow {
  return { name: "张三", window: "公安", role: "工作人员", source: { sheet: "人员名册", row: 2 }, ...over };
}

export function windowRow(over: Partial<WindowRow> = {}): WindowRow {
  return { name: "公安", department: "县公安局", source: { sheet: "窗口名册", row: 2 }, ...over };
}

export function override(over: Partial<OverrideRow> = {}): OverrideRow {
  return {
    entity: "公安",
    period: "2025-Q1",
    field: "等次",
    value: "优秀",
    reason: "复核",
    by: "主任",
    source: { sheet: "人工裁定", row: 2 },
    ...over,
  };
}

export function input(over: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    settings: { unitName: "田阳县行政服务中心", unitType: "县中心", year: 2025, profile: "tianyang-2008" },
    windows: [windowRow()],
    staff: [staff()],
    incidents: [],
    indicators: [],
    cases: [],
    calendar: [],
    overrides: [],
    ...over,
  };
}

export function profile(id = "tianyang-2008"): Profile {
  const p = getProfile(id);
  if (!p) throw new Error(`no profile ${id}`);
  return p;
}

export const calendar: WorkCalendar = createCalendar([]);

export function run(
  over: Partial<AssessmentInput> = {},
  profileId = "tianyang-2008",
  cal: WorkCalendar = calendar,
): AssessmentResult {
  return assess(input(over), profile(profileId), cal);
}

export function win(r: AssessmentResult, name: string, period: string): WindowResult {
  const found = r.windows.find((w) => w.window === name && w.period === period);
  if (!found) throw new Error(`no window ${name} ${period}`);
  return found;
}

export function person(r: AssessmentResult, name: string, period: string): StaffResult {
  const found = r.staff.find((s) => s.name === name && s.period === period);
  if (!found) throw new Error(`no staff ${name} ${period}`);
  return found;
}

export const codes = (reasons: { code: string }[]): string[] => reasons.map((x) => x.code);

/** Windows named W1…Wn, each with one staff member S1…Sn. */
export function roster(n: number): Pick<AssessmentInput, "windows" | "staff"> {
  const names = Array.from({ length: n }, (_, i) => i + 1);
  return {
    windows: names.map((i) => windowRow({ name: `W${i}`, department: `D${i}` })),
    staff: names.map((i) => staff({ name: `S${i}`, window: `W${i}` })),
  };
}
