/** Rulebook check messages in zh-CN, zh-TW and en; `{name}` placeholders are filled from params. */
export type RulebookLocale = "zh-CN" | "zh-TW" | "en";

export type RulebookMessageCode =
  | "json"
  | "read"
  | "type"
  | "required"
  | "unknown-key"
  | "enum"
  | "const"
  | "min"
  | "empty"
  | "tenths"
  | "duplicate"
  | "unknown-code"
  | "unknown-indicator"
  | "unused-tag"
  | "wrong-entity"
  | "floors"
  | "sign"
  | "test-field"
  | "unknown-grade"
  | "share"
  | "same-code";

const T: Record<RulebookLocale, Record<RulebookMessageCode, string>> = {
  "zh-CN": {
    json: "不是有效的 JSON:{detail}",
    read: "无法读取文件({detail})",
    type: "应为{expected},实为 {actual}",
    required: "缺少“{key}”",
    "unknown-key": "未知字段“{key}”",
    enum: "“{value}”不是本程序支持的取值(可用:{allowed})",
    const: "应为 {expected}",
    min: "不得小于 {min}",
    empty: "不得为空",
    tenths: "分值 {value} 最多保留一位小数",
    duplicate: "编号“{value}”重复(另见 {other})",
    "unknown-code": "引用了不存在的条款“{value}”",
    "unknown-indicator": "引用了不存在的指标“{value}”",
    "unused-tag": "标签“{value}”没有任何条款带有,条件永远不会成立",
    "wrong-entity": "{detail}",
    floors: "分数线顺序不对:{detail}",
    sign: "{kind}条款的分值 {value} 符号不对",
    "test-field": "“{kind}”条件需要“{key}”",
    "unknown-grade": "等次“{value}”不在人员等次中",
    share: "优秀比例 {value} 超过 100%",
    "same-code": "并列已裁定的代码须与并列待裁定不同",
  },
  "zh-TW": {
    json: "不是有效的 JSON:{detail}",
    read: "無法讀取檔案({detail})",
    type: "應為{expected},實為 {actual}",
    required: "缺少「{key}」",
    "unknown-key": "未知欄位「{key}」",
    enum: "「{value}」不是本程式支援的取值(可用:{allowed})",
    const: "應為 {expected}",
    min: "不得小於 {min}",
    empty: "不得為空",
    tenths: "分值 {value} 最多保留一位小數",
    duplicate: "編號「{value}」重複(另見 {other})",
    "unknown-code": "引用了不存在的條款「{value}」",
    "unknown-indicator": "引用了不存在的指標「{value}」",
    "unused-tag": "標籤「{value}」沒有任何條款帶有,條件永遠不會成立",
    "wrong-entity": "{detail}",
    floors: "分數線順序不對:{detail}",
    sign: "{kind}條款的分值 {value} 符號不對",
    "test-field": "「{kind}」條件需要「{key}」",
    "unknown-grade": "等次「{value}」不在人員等次中",
    share: "優秀比例 {value} 超過 100%",
    "same-code": "並列已裁定的代碼須與並列待裁定不同",
  },
  en: {
    json: "not valid JSON: {detail}",
    read: "cannot read the file ({detail})",
    type: "must be {expected}, found {actual}",
    required: 'missing "{key}"',
    "unknown-key": 'unknown field "{key}"',
    enum: '"{value}" is not something the engine supports (one of: {allowed})',
    const: "must be {expected}",
    min: "must be at least {min}",
    empty: "must not be empty",
    tenths: "points {value} have more than one decimal place",
    duplicate: 'code "{value}" appears twice (also at {other})',
    "unknown-code": 'refers to unknown item "{value}"',
    "unknown-indicator": 'refers to unknown indicator "{value}"',
    "unused-tag": 'no item carries the tag "{value}", so the condition can never hold',
    "wrong-entity": "{detail}",
    floors: "floors out of order: {detail}",
    sign: "points {value} have the wrong sign for a {kind} item",
    "test-field": 'a "{kind}" test needs "{key}"',
    "unknown-grade": 'grade "{value}" is not one of the staff grades',
    share: "the 优秀 share {value} exceeds 100 %",
    "same-code": "the settled-tie code must differ from the pending-tie code",
  },
};

/** Type names used in `type` messages. */
const TYPE_NAMES: Record<RulebookLocale, Record<string, string>> = {
  "zh-CN": {
    object: "对象",
    array: "数组",
    string: "文字",
    number: "数字",
    integer: "整数",
    boolean: "true/false",
    null: "null",
  },
  "zh-TW": {
    object: "物件",
    array: "陣列",
    string: "文字",
    number: "數字",
    integer: "整數",
    boolean: "true/false",
    null: "null",
  },
  en: {
    object: "an object",
    array: "an array",
    string: "text",
    number: "a number",
    integer: "an integer",
    boolean: "true/false",
    null: "null",
  },
};

/** Wrong-entity details, keyed by what is wrong. */
const ENTITY: Record<RulebookLocale, Record<string, string>> = {
  "zh-CN": {
    "head-without-staff": "负责人连带分须与个人分值同时设置",
    "range-missing": "分值范围作用于{target},但本条款没有{target}分值",
    "staff-effect-window-group": "人员效果(“{effect}”)的条件不能按窗口归组",
    "window-effect-staff-group": "窗口效果(“{effect}”)的条件不能只按人员归组",
    "category-on-bonus": "加分条款不设德能勤绩类别",
    "category-missing": "个人扣分须有德能勤绩类别",
    "grades-test-group": "等次条件只能按人员归组",
  },
  "zh-TW": {
    "head-without-staff": "負責人連帶分須與個人分值同時設定",
    "range-missing": "分值範圍作用於{target},但本條款沒有{target}分值",
    "staff-effect-window-group": "人員效果(「{effect}」)的條件不能按窗口歸組",
    "window-effect-staff-group": "窗口效果(「{effect}」)的條件不能只按人員歸組",
    "category-on-bonus": "加分條款不設德能勤績類別",
    "category-missing": "個人扣分須有德能勤績類別",
    "grades-test-group": "等次條件只能按人員歸組",
  },
  en: {
    "head-without-staff": "a head effect needs a staff effect",
    "range-missing": "the range applies to the {target} effect, which this item lacks",
    "staff-effect-window-group": 'a staff effect ("{effect}") cannot be grouped by window',
    "window-effect-staff-group": 'a window effect ("{effect}") cannot be grouped by person only',
    "category-on-bonus": "a bonus carries no 德能勤绩 category",
    "category-missing": "a staff deduction needs a 德能勤绩 category",
    "grades-test-group": "a grades test must be grouped by person",
  },
};

/** Item kinds in Chinese (the same characters in zh-CN and zh-TW). */
const KIND_NAMES: Record<string, string> = { deduction: "扣分", bonus: "加分", veto: "否决", record: "记录" };

export interface RulebookProblem {
  /** `items[12].points` — the place in the file. */
  path: string;
  code: RulebookMessageCode;
  params: Record<string, string | number>;
}

const fill = (text: string, params: Record<string, string | number>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => (params[k] === undefined ? `{${k}}` : String(params[k])));

/** `path: message` in the locale. */
export function problemText(p: RulebookProblem, locale: RulebookLocale = "zh-CN"): string {
  const params = { ...p.params };
  if (p.code === "type") {
    params.expected = TYPE_NAMES[locale][String(params.expected)] ?? String(params.expected);
    params.actual = TYPE_NAMES[locale][String(params.actual)] ?? String(params.actual);
  }
  if (p.code === "sign" && locale !== "en")
    params.kind = KIND_NAMES[String(params.kind)] ?? String(params.kind);
  if (p.code === "wrong-entity") {
    const target =
      params.target === "window" ? (locale === "en" ? "window" : "窗口") : locale === "en" ? "staff" : "个人";
    params.detail = fill(ENTITY[locale][String(params.what)] ?? String(params.what), { ...params, target });
  }
  const where = p.path === "" ? "" : `${p.path}: `;
  return `${where}${fill(T[locale][p.code], params)}`;
}
