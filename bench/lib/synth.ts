/**
 * Synthetic county-year workbooks for benchmarks: deterministic (seeded), written with ExcelJS's
 * streaming writer so that 100k-incident and 318k-case files are cheap to make.
 */
import ExcelJS from "exceljs";

export interface SynthOptions {
  incidents: number;
  windows?: number;
  staff?: number;
  cases?: number;
  year?: number;
  seed?: number;
  /** 事项名称 of the cases, picked at random (default: all "事项"); tests use long CJK names. */
  matters?: readonly string[];
}

// Codes with a window and/or staff effect and no 分值 range, so every row is valid input.
const WINDOW_CODES = [
  "12.1",
  "13.2",
  "13.3",
  "14.2",
  "14.3",
  "14.4a",
  "14.4b",
  "14.5a",
  "14.6",
  "14.7",
  "15.1",
  "15.8",
  "18.1",
];
const STAFF_CODES = ["21.2a", "22.2", "22.3b", "23.2", "24.2", "24.3"];
const BONUS_CODES = ["19.1", "19.2", "19.3", "19.5"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Weekdays of the year as `YYYY-MM-DD` (holidays are not avoided: the data only needs to be plausible). */
function weekdays(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86400000) {
    const d = new Date(t);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d.toISOString().slice(0, 10));
  }
  return days;
}

export async function writeSyntheticWorkbook(file: string, options: SynthOptions): Promise<void> {
  const year = options.year ?? 2025;
  const nWindows = options.windows ?? 100;
  const nStaff = options.staff ?? 500;
  const random = rng(options.seed ?? 42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const days = weekdays(year);

  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: false,
    useSharedStrings: false,
  });
  const settings = wb.addWorksheet("考核设置");
  settings.addRow(["项目", "值"]).commit();
  for (const row of [
    ["单位名称", "合成县政务服务中心"],
    ["单位类型", "县中心"],
    ["考核年度", year],
    ["规则版本", "tianyang-2008"],
  ])
    settings.addRow(row).commit();
  await settings.commit();

  const windows = Array.from({ length: nWindows }, (_, i) => `窗口${String(i + 1).padStart(3, "0")}`);
  const wsWin = wb.addWorksheet("窗口名册");
  wsWin.addRow(["窗口", "派驻单位", "备注"]).commit();
  windows.forEach((w, i) => wsWin.addRow([w, `部门${i + 1}`, ""]).commit());
  await wsWin.commit();

  const staff = Array.from({ length: nStaff }, (_, i) => ({
    name: `人员${String(i + 1).padStart(4, "0")}`,
    window: windows[i % nWindows] as string,
    role: i < nWindows ? "首席代表" : "工作人员",
  }));
  const wsStaff = wb.addWorksheet("人员名册");
  wsStaff.addRow(["姓名", "窗口", "职务", "岗位", "进驻日期", "离开日期"]).commit();
  for (const s of staff) wsStaff.addRow([s.name, s.window, s.role, "A", `${year - 1}-01-01`, ""]).commit();
  await wsStaff.commit();

  const wsInc = wb.addWorksheet("事项记录");
  wsInc.addRow(["日期", "窗口", "人员", "条款", "数量", "天数", "分值", "办件编号", "核实", "备注"]).commit();
  for (let i = 0; i < options.incidents; i++) {
    const who = pick(staff);
    const r = random();
    const code = r < 0.7 ? pick(WINDOW_CODES) : r < 0.9 ? pick(STAFF_CODES) : pick(BONUS_CODES);
    const withStaff = STAFF_CODES.includes(code) || random() < 0.6;
    wsInc
      .addRow([
        pick(days),
        who.window,
        withStaff ? who.name : "",
        code,
        1 + Math.floor(random() * 2),
        "",
        "",
        "",
        "是",
        "",
      ])
      .commit();
  }
  await wsInc.commit();

  if (options.cases) {
    const wsCase = wb.addWorksheet("办件台账");
    wsCase
      .addRow([
        "办件编号",
        "窗口",
        "承办人",
        "事项名称",
        "办件类型",
        "受理日期",
        "承诺时限",
        "办结日期",
        "满意度",
      ])
      .commit();
    const sat = ["满意", "满意", "满意", "基本满意", "不满意", ""];
    for (let i = 0; i < options.cases; i++) {
      const who = pick(staff);
      const instant = random() < 0.494;
      const di = Math.floor(random() * (days.length - 15));
      const promised = instant ? 0 : 1 + Math.floor(random() * 10);
      const late = random() < 0.001 ? 1 + Math.floor(random() * 4) : 0;
      const doneIdx = instant ? di : Math.min(days.length - 1, di + Math.floor(random() * promised) + late);
      const open = random() < 0.01;
      wsCase
        .addRow([
          `BJ${year}${String(i + 1).padStart(7, "0")}`,
          who.window,
          who.name,
          options.matters ? pick(options.matters) : "事项",
          instant ? "即办件" : "承诺件",
          days[di],
          promised,
          open ? "" : days[doneIdx],
          pick(sat),
        ])
        .commit();
    }
    await wsCase.commit();
  }
  await wb.commit();
}
