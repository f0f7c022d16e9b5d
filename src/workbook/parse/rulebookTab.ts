/**
 * A rulebook carried in a workbook's `考核规则` tab: a few settings rows (名称, 编号, 版本, 底本, 人员等次 …),
 * then one row per item under the header `条款编号 | 条款内容 | …`. What the tab does not say (conditions,
 * bonuses, indicators …) comes from the 底本, a built-in rulebook. The tab is turned into a rulebook file and
 * loaded by the same loader; each problem is mapped back to the cell it came from.
 */
import type { Profile } from "../../rules/types";
import type { CellValue, RawSheet } from "../../core";
import { exportRulebook } from "../../rules/format/export";
import { loadRulebook } from "../../rules/format/load";
import type { RulebookProblem } from "../../rules/format/messages";
import type { ItemFile, RulebookFile } from "../../rules/format/types";

export const RULEBOOK_TAB = "考核规则";

/** Item columns: header → path inside an item. */
export const ITEM_COLUMNS = [
  ["条款编号", "code"],
  ["条款内容", "text"],
  ["计分单位", "unit"],
  ["性质", "kind"],
  ["窗口分值", "window"],
  ["个人分值", "staff.points"],
  ["德能勤绩", "staff.category"],
  ["依据条文", "staff.article"],
  ["仅计年度", "staff.yearOnly"],
  ["负责人分值", "head"],
  ["标签", "tags"],
  ["分值下限", "range.min"],
  ["分值上限", "range.max"],
  ["分值适用", "range.appliesTo"],
  ["事件组", "eventGroup"],
] as const;

const KINDS: Record<string, string> = { 扣分: "deduction", 加分: "bonus", 否决: "veto", 记录: "record" };
const KIND_NAMES: Record<string, string> = { deduction: "扣分", bonus: "加分", veto: "否决", record: "记录" };
const TARGETS: Record<string, string> = { 窗口: "window", 个人: "staff" };
const SETTINGS = ["规则名称", "规则编号", "版本", "底本", "人员等次", "人员分数线", "人员优秀比例"] as const;

export interface TabProblem extends RulebookProblem {
  row?: number;
  column?: number;
}

const text = (v: CellValue): string =>
  v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();

/** A number cell or numeric text → number; other text stays text (the loader then names the cell). */
function numberOf(v: CellValue): number | string | undefined {
  const t = text(v);
  if (t === "") return undefined;
  if (typeof v === "number") return v;
  const n = Number(t.normalize("NFKC").replace("−", "-"));
  return Number.isFinite(n) ? n : t;
}

function item(cells: Map<string, CellValue>): ItemFile {
  const get = (k: string) => cells.get(k) ?? null;
  const out: Record<string, unknown> = {
    code: text(get("code")),
    text: text(get("text")),
    unit: text(get("unit")),
    kind: KINDS[text(get("kind"))] ?? text(get("kind")),
  };
  const window = numberOf(get("window"));
  if (window !== undefined) out.window = window;
  const points = numberOf(get("staff.points"));
  const category = text(get("staff.category"));
  const article = text(get("staff.article"));
  if (points !== undefined || category || article) {
    const staff: Record<string, unknown> = {};
    if (points !== undefined) staff.points = points;
    if (category) staff.category = category;
    staff.article = article || text(get("code"));
    if (text(get("staff.yearOnly")) === "是") staff.yearOnly = true;
    out.staff = staff;
  }
  const head = numberOf(get("head"));
  if (head !== undefined) out.head = head;
  out.tags = text(get("tags"))
    .split(/[,,、\s]+/)
    .filter(Boolean);
  const min = numberOf(get("range.min"));
  const max = numberOf(get("range.max"));
  if (min !== undefined || max !== undefined) {
    const target = text(get("range.appliesTo"));
    out.range = { min, max, appliesTo: TARGETS[target] ?? target };
  }
  const group = text(get("eventGroup"));
  if (group) out.eventGroup = group;
  return out as unknown as ItemFile;
}

/** Where each part of the built file came from. */
interface Origins {
  settings: Map<string, number>;
  itemRows: number[];
  columns: Map<string, number>;
}

function locate(p: RulebookProblem, o: Origins): TabProblem {
  const m = /^items\[(\d+)\](?:\.(.*))?$/.exec(p.path);
  if (m) {
    const row = o.itemRows[Number(m[1])];
    const rest = (m[2] ?? "code").replace(/\[\d+\]$/, "");
    const key = rest === "staff" ? "staff.points" : rest === "range" ? "range.min" : rest;
    const column = o.columns.get(key) ?? o.columns.get("code");
    return { ...p, ...(row ? { row } : {}), ...(column ? { column } : {}) };
  }
  const setting = p.path.startsWith("staffGrades")
    ? /Floor/.test(p.path) || p.code === "floors"
      ? "人员分数线"
      : "人员等次"
    : p.path.startsWith("quotas.staffShare")
      ? "人员优秀比例"
      : ({ name: "规则名称", id: "规则编号", version: "版本" } as Record<string, string>)[p.path];
  const row = setting ? o.settings.get(setting) : undefined;
  return row ? { ...p, row, column: 2 } : p;
}

export type TabResult = { ok: true; profile: Profile } | { ok: false; problems: TabProblem[] };

/** The tab's rulebook; `builtin` resolves the 底本. */
export function rulebookFromTab(sheet: RawSheet, builtin: (id: string) => Profile | undefined): TabResult {
  const o: Origins = { settings: new Map(), itemRows: [], columns: new Map() };
  const values = new Map<string, CellValue>();
  let r = 0;
  for (; r < sheet.rows.length; r++) {
    const key = text(sheet.rows[r]?.[0] ?? null);
    if (key === "条款编号") break;
    if ((SETTINGS as readonly string[]).includes(key)) {
      o.settings.set(key, r + 1);
      values.set(key, sheet.rows[r]?.[1] ?? null);
    }
  }
  const fail = (p: TabProblem): TabResult => ({ ok: false, problems: [p] });
  const baseId = text(values.get("底本") ?? null);
  const base = builtin(baseId);
  if (!base) {
    const row = o.settings.get("底本");
    return fail({
      path: "底本",
      code: "unknown-code",
      params: { value: baseId },
      ...(row ? { row, column: 2 } : {}),
    });
  }
  const file = exportRulebook(base) as RulebookFile & Record<string, unknown>;
  const header = sheet.rows[r] ?? [];
  header.forEach((h, c) => {
    const col = ITEM_COLUMNS.find(([name]) => name === text(h));
    if (col) o.columns.set(col[1], c + 1);
  });
  if (r >= sheet.rows.length) return fail({ path: "", code: "required", params: { key: "条款编号" } });
  const items: ItemFile[] = [];
  for (let i = r + 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i] ?? [];
    if (row.every((v) => text(v) === "")) continue;
    const cells = new Map<string, CellValue>();
    for (const [key, c] of o.columns) cells.set(key, row[c - 1] ?? null);
    items.push(item(cells));
    o.itemRows.push(i + 1);
  }
  file.items = items;
  const name = text(values.get("规则名称") ?? null);
  if (name) file.name = name;
  const id = text(values.get("规则编号") ?? null);
  if (id) file.id = id;
  const version = text(values.get("版本") ?? null);
  if (version) file.version = version;
  applyGrades(file, text(values.get("人员等次") ?? null), text(values.get("人员分数线") ?? null));
  const share = text(values.get("人员优秀比例") ?? null).replace(/[%%]/, "");
  if (share) {
    const percent = Number(share);
    const tenthsOfPercent = Math.round(percent * 10);
    file.quotas.staffShare = Number.isFinite(percent)
      ? { numerator: tenthsOfPercent, denominator: 1000 }
      : ({ numerator: share, denominator: 100 } as unknown as RulebookFile["quotas"]["staffShare"]);
    if (Number.isFinite(percent) && tenthsOfPercent % 10 === 0) {
      const g = gcd(tenthsOfPercent / 10, 100);
      file.quotas.staffShare = { numerator: tenthsOfPercent / 10 / g, denominator: 100 / g };
    }
  }
  const loaded = loadRulebook(file);
  return loaded.ok ? loaded : { ok: false, problems: loaded.problems.map((p) => locate(p, o)) };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** `优秀/良好/合格/不合格` and `95/75/70`; grade names in conditions follow their renamed grade. */
function applyGrades(file: RulebookFile, names: string, floors: string): void {
  const sg = file.staffGrades;
  if (names) {
    const [excellent, competent, basic, incompetent] = names.split(/[//、,,]/).map((s) => s.trim());
    const renamed = new Map<string, string>();
    const set = (key: "excellent" | "competent" | "basic" | "incompetent", v: string | undefined) => {
      if (v === undefined) return;
      renamed.set(sg[key], v);
      sg[key] = v;
    };
    set("excellent", excellent);
    set("competent", competent);
    set("basic", basic);
    set("incompetent", incompetent);
    for (const c of file.conditions)
      for (const clause of c.anyOf) {
        const t = clause.test;
        if (t.kind !== "grades") continue;
        if (t.consecutive) t.consecutive.grade = renamed.get(t.consecutive.grade) ?? t.consecutive.grade;
        if (t.anyGrade) t.anyGrade = t.anyGrade.map((g) => renamed.get(g) ?? g);
      }
  }
  if (floors) {
    const [e, c, b] = floors.split(/[//、,,]/).map((s) => Number(s.trim()));
    if (e !== undefined) sg.excellentFloor = e;
    if (c !== undefined) sg.competentFloor = c;
    if (b !== undefined) sg.basicFloor = b;
  }
}

const yes = (b: boolean | undefined): string => (b ? "是" : "");

/** The tab's rows for a profile over a 底本 (the sample county's tab is written this way). */
export function rulebookTabRows(p: Profile, baseId: string): CellValue[][] {
  const f = exportRulebook(p);
  const sg = f.staffGrades;
  const { numerator, denominator } = f.quotas.staffShare;
  const rows: CellValue[][] = [
    ["规则名称", f.name],
    ["规则编号", f.id],
    ["版本", f.version ?? ""],
    ["底本", baseId],
    ["人员等次", [sg.excellent, sg.competent, sg.basic, sg.incompetent].join("/")],
    ["人员分数线", [sg.excellentFloor, sg.competentFloor, sg.basicFloor].join("/")],
    ["人员优秀比例", `${Number(((numerator / denominator) * 100).toFixed(1))}%`],
    [],
    ITEM_COLUMNS.map(([name]) => name),
  ];
  for (const r of f.items)
    rows.push([
      r.code,
      r.text,
      r.unit,
      KIND_NAMES[r.kind] ?? r.kind,
      r.window ?? null,
      r.staff?.points ?? null,
      r.staff?.category ?? null,
      r.staff?.article ?? null,
      yes(r.staff?.yearOnly),
      r.head ?? null,
      r.tags.join(","),
      r.range?.min ?? null,
      r.range?.max ?? null,
      r.range ? (r.range.appliesTo === "window" ? "窗口" : "个人") : null,
      r.eventGroup ?? null,
    ]);
  return rows;
}
