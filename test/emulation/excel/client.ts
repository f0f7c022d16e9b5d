/**
 * The "client side" of the Excel emulation: request-context proxies as Office.js has them. Calls queue
 * operations; `context.sync()` runs them against the state. Reading a property that was not loaded and
 * synced throws, as does touching a member the emulation (or the emulated API version) does not have.
 */
import {
  BookState,
  EmuError,
  SheetState,
  cellName,
  coerce,
  parseLocal,
  rangeAddress,
  type Primitive,
  type RangeTarget,
} from "./state";

/** Excel on the web: a request or a response over 5 MB fails (resource-limits-and-performance-optimization). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** Every platform: a range read ("get") of more than five million cells fails with RangeExceedsLimit. */
export const RANGE_CELL_LIMIT = 5_000_000;

const LIMITS_DOC =
  'Please refer to the documentation: "https://docs.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins".';

export interface SyncStats {
  runs: number;
  /** Round trips, including those Excel rejected after running them (see `rejected`). */
  syncs: number;
  requestBytes: number[];
  /** Bytes each round trip returned (or would have: a rejected response is counted too). */
  responseBytes: number[];
  /** Round trips (1-based numbers) that failed in Excel, with the error code. */
  rejected: { sync: number; code: string }[];
  /** Test hook: the sync with this 1-based number fails with a GeneralException, like a lost connection. */
  failAtSync?: number;
}

interface Op {
  bytes: number;
  run(): void;
  /** Bytes of the response this operation adds (loads), known once it ran. */
  response?: number;
  /** Makes loaded values readable; only after the whole response was accepted. */
  commit?(): void;
}

/** Minor ExcelApi versions (1.x) of the members that need more than ExcelApi 1.1. */
const SINCE: Record<string, number> = {
  "Application.suspendApiCalculationUntilNextSync": 6,
  "Application.suspendScreenUpdatingUntilNextSync": 9,
  "Workbook.notes": 18,
  "Worksheet.freezePanes": 7,
  "Worksheet.getUsedRangeOrNullObject": 4,
  "WorksheetCollection.getItemOrNullObject": 4,
  "Range.hyperlink": 7,
  "Range.getUsedRangeOrNullObject": 4,
  "Range.dataValidation": 8,
  "RangeFormat.columnWidth": 2,
  "RangeFormat.autofitRows": 2,
  "Worksheet.pageLayout": 9,
  "Worksheet.horizontalPageBreaks": 9,
  "Worksheet.autoFilter": 9,
};

/**
 * Layout calls (merges, alignment, borders, page layout, filters) are accepted and logged per sheet as
 * `name=value` lines, for tests to read; they change no cell value.
 */
export const layoutLog = new WeakMap<object, string[]>();

function logLayout(sheet: object, line: string): void {
  const lines = layoutLog.get(sheet) ?? [];
  lines.push(line);
  layoutLog.set(sheet, lines);
}

/** An object whose listed properties are write-only setters that log, and whose methods log their call. */
function recorder(
  ctx: EmuContext,
  kind: string,
  sheet: () => object,
  props: string[],
  methods: Record<string, unknown> = {},
): object {
  const obj: Record<string, unknown> = {};
  for (const name of props) {
    Object.defineProperty(obj, name, {
      set: (v: unknown) => ctx.enqueue(v, () => logLayout(sheet(), `${kind}.${name}=${JSON.stringify(v)}`)),
      enumerable: true,
    });
  }
  for (const [name, fn] of Object.entries(methods)) obj[name] = fn;
  return strict(obj, kind, ctx.version);
}

const encoder = new TextEncoder();
/** UTF-8 bytes of the JSON Office.js would send (the emulation also runs in the browser: no Buffer). */
const byteLength = (v: unknown): number => encoder.encode(JSON.stringify(v ?? null)).length;

export class EmuContext {
  readonly queue: Op[] = [];
  readonly workbook: object;
  constructor(
    readonly book: BookState,
    readonly version: number,
    readonly stats: SyncStats,
  ) {
    this.workbook = strict(new WorkbookObj(this), "Workbook", version);
  }
  /** Bytes of object-path actions (getItem, getRange, format …) Office.js sends with the next sync. */
  pathBytes = 0;
  path(args: unknown): void {
    this.pathBytes += 48 + byteLength(args);
  }
  enqueue(args: unknown, run: () => void): void {
    this.queue.push({ bytes: 64 + byteLength(args), run });
  }
  async sync(): Promise<void> {
    const ops = this.queue.splice(0);
    const bytes = ops.reduce((s, o) => s + o.bytes, this.pathBytes);
    this.pathBytes = 0;
    if (bytes > PAYLOAD_LIMIT)
      throw new EmuError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. ${LIMITS_DOC} (${bytes} bytes)`,
      );
    this.stats.syncs++;
    if (this.stats.failAtSync === this.stats.syncs)
      throw new EmuError("GeneralException", "Emulated failure of this sync.");
    this.stats.requestBytes.push(bytes);
    let response = 0;
    try {
      for (const op of ops) {
        op.run();
        response += op.response ?? 0;
      }
    } catch (error) {
      this.stats.responseBytes.push(response);
      this.reject(error);
    }
    this.stats.responseBytes.push(response);
    if (response > PAYLOAD_LIMIT)
      this.reject(
        new EmuError(
          "ResponsePayloadSizeLimitExceeded",
          `The response payload size has exceeded the limit. ${LIMITS_DOC}`,
        ),
      );
    for (const op of ops) op.commit?.();
  }
  private reject(error: unknown): never {
    if (error instanceof EmuError) this.stats.rejected.push({ sync: this.stats.syncs, code: error.code });
    throw error;
  }
}

/** Wraps an object so that any member it does not define throws instead of being `undefined`. */
export function strict<T extends object>(obj: T, kind: string, version: number): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop === "then" || prop === "toJSON")
        return Reflect.get(target, prop, receiver);
      const since = SINCE[`${kind}.${prop}`];
      if (since !== undefined && since > version)
        throw new EmuError(
          "ApiNotFound",
          `${kind}.${prop} needs ExcelApi 1.${since}; this Excel has 1.${version}.`,
        );
      if (!(prop in target)) throw new Error(`Excel emulation: ${kind}.${String(prop)} is not emulated`);
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "symbol" || !(prop in target))
        throw new Error(`Excel emulation: cannot set ${kind}.${String(prop)}`);
      const since = SINCE[`${kind}.${prop}`];
      if (since !== undefined && since > version)
        throw new EmuError(
          "ApiNotFound",
          `${kind}.${prop} needs ExcelApi 1.${since}; this Excel has 1.${version}.`,
        );
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

/** Base of every proxy: resolves its target once (at its first use in a sync), loads, and guards reads. */
abstract class ClientObj<T> {
  private target?: T | null;
  private loaded?: Map<string, unknown>;
  constructor(
    protected ctx: EmuContext,
    private readonly locate: () => T | null,
    private readonly nullable = false,
  ) {}
  protected abstract readProp(t: T, name: string): unknown;
  resolve(): T {
    if (this.target === undefined) this.target = this.locate();
    if (this.target === null)
      throw new EmuError("ItemNotFound", `The requested ${this.constructor.name} does not exist.`);
    return this.target;
  }
  resolveOrNull(): T | null {
    if (this.target === undefined) this.target = this.locate();
    return this.target;
  }
  load(props?: string | string[]): this {
    const names = (Array.isArray(props) ? props : (props ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    if (names.length === 0)
      throw new Error("Excel emulation: load() without property names loads everything; name them");
    let map = new Map<string, unknown>();
    const op: Op = {
      bytes: 64 + byteLength(names),
      run: () => {
        const t = this.nullable ? this.resolveOrNull() : this.resolve();
        map = new Map<string, unknown>();
        if (t !== null) for (const n of names) map.set(n, this.readProp(t, n));
        op.response = byteLength([...map.values()]);
      },
      commit: () => {
        this.loaded = map;
      },
    };
    this.ctx.queue.push(op);
    return this;
  }
  preload(values: Map<string, unknown>): void {
    this.loaded = values;
  }
  protected get_(name: string): unknown {
    if (!this.loaded?.has(name))
      throw new EmuError(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(name);
  }
  get isNullObject(): boolean {
    if (!this.nullable)
      throw new Error("Excel emulation: isNullObject on an object that is not *OrNullObject");
    if (!this.loaded)
      throw new EmuError("PropertyNotLoaded", "isNullObject is not available before load and sync.");
    return this.resolveOrNull() === null;
  }
  protected op(args: unknown, run: (t: T) => void): void {
    this.ctx.enqueue(args, () => run(this.resolve()));
  }
}

class WorkbookObj {
  constructor(private ctx: EmuContext) {}
  get worksheets(): object {
    return strict(new WorksheetCollectionObj(this.ctx), "WorksheetCollection", this.ctx.version);
  }
  get application(): object {
    const ctx = this.ctx;
    return strict(
      {
        suspendApiCalculationUntilNextSync: () => ctx.enqueue("calc", () => undefined),
        suspendScreenUpdatingUntilNextSync: () => ctx.enqueue("screen", () => undefined),
      },
      "Application",
      ctx.version,
    );
  }
  get notes(): object {
    return strict(new NoteCollectionObj(this.ctx), "NoteCollection", this.ctx.version);
  }
}

class WorksheetCollectionObj extends ClientObj<SheetState[]> {
  private snapshot: SheetState[] = [];
  constructor(ctx: EmuContext) {
    super(ctx, () => ctx.book.live());
  }
  protected readProp(t: SheetState[], name: string): unknown {
    const m = /^items\/(\w+)$/.exec(name);
    if (!m) throw new Error(`Excel emulation: WorksheetCollection loads items/<property> only, not ${name}`);
    this.snapshot = [...t];
    return t.map((s) => sheetProp(s, m[1]!));
  }
  /** Loaded items are live worksheet proxies with the loaded properties readable. */
  get items(): object[] {
    const props = ["name", "visibility"].filter((p) => this.has(`items/${p}`));
    if (props.length === 0) this.get_("items/name");
    const columns = props.map((p) => this.get_(`items/${p}`) as unknown[]);
    return this.snapshot.map((sheet, i) => {
      const obj = new WorksheetObj(this.ctx, () => sheet, false);
      obj.preload(new Map(props.map((p, j) => [p, columns[j]![i]])));
      return strict(obj, "Worksheet", this.ctx.version);
    });
  }
  private has(name: string): boolean {
    try {
      this.get_(name);
      return true;
    } catch {
      return false;
    }
  }
  getItem(name: string): object {
    this.ctx.path(name);
    return sheetProxy(this.ctx, () => this.ctx.book.find(name) ?? null, false);
  }
  getItemOrNullObject(name: string): object {
    this.ctx.path(name);
    return sheetProxy(this.ctx, () => this.ctx.book.find(name) ?? null, true);
  }
  add(name: string): object {
    let created: SheetState | undefined;
    this.ctx.enqueue(name, () => {
      created = this.ctx.book.add(name);
    });
    return sheetProxy(this.ctx, () => created ?? null, false);
  }
}

function sheetProp(s: SheetState, name: string): unknown {
  if (name === "name") return s.name;
  if (name === "visibility") return s.visibility;
  throw new Error(`Excel emulation: Worksheet.${name} cannot be loaded`);
}

function sheetProxy(ctx: EmuContext, locate: () => SheetState | null, nullable: boolean): object {
  return strict(new WorksheetObj(ctx, locate, nullable), "Worksheet", ctx.version);
}

class WorksheetObj extends ClientObj<SheetState> {
  constructor(ctx: EmuContext, locate: () => SheetState | null, nullable: boolean) {
    super(
      ctx,
      () => {
        const s = locate();
        return s && !s.deleted ? s : null;
      },
      nullable,
    );
  }
  protected readProp(t: SheetState, name: string): unknown {
    return sheetProp(t, name);
  }
  get name(): string {
    return this.get_("name") as string;
  }
  set name(v: string) {
    this.op(v, (s) => {
      const clash = this.ctx.book.find(v);
      if (clash && clash !== s) throw new EmuError("ItemAlreadyExists", `A sheet named ${v} already exists.`);
      s.name = v;
    });
  }
  get visibility(): string {
    return this.get_("visibility") as string;
  }
  set visibility(v: string) {
    this.op(v, (s) => {
      s.visibility = v;
    });
  }
  delete(): void {
    this.op("delete", (s) => {
      if (this.ctx.book.live().filter((x) => x.visibility === "Visible" && x !== s).length === 0)
        throw new EmuError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      s.deleted = true;
    });
  }
  activate(): void {
    this.op("activate", () => undefined);
  }
  get pageLayout(): object {
    const sheet = () => this.resolve();
    const log = (line: string) => this.op(line, (s) => logLayout(s, line));
    const hf = recorder(this.ctx, "HeaderFooter", sheet, ["centerFooter", "centerHeader", "leftHeader"]);
    return recorder(
      this.ctx,
      "PageLayout",
      sheet,
      [
        "orientation",
        "paperSize",
        "leftMargin",
        "rightMargin",
        "topMargin",
        "bottomMargin",
        "headerMargin",
        "footerMargin",
        "printGridlines",
        "zoom",
      ],
      {
        setPrintArea: (a: unknown) => log(`PageLayout.printArea=${String(a)}`),
        setPrintTitleRows: (a: unknown) => log(`PageLayout.printTitleRows=${String(a)}`),
        headersFooters: { defaultForAllPages: hf },
      },
    );
  }
  get horizontalPageBreaks(): object {
    const log = (line: string) => this.op(line, (s) => logLayout(s, line));
    return strict(
      {
        add: (a: unknown) => log(`PageBreak=${String(a)}`),
        removePageBreaks: () => log("PageBreaks.removed"),
      },
      "PageBreakCollection",
      this.ctx.version,
    );
  }
  get autoFilter(): object {
    return strict(
      {
        apply: (range: { resolve(): RangeTarget }) =>
          this.op("autoFilter", (s) => logLayout(s, `autoFilter=${rangeAddress(range.resolve())}`)),
      },
      "AutoFilter",
      this.ctx.version,
    );
  }
  get freezePanes(): object {
    return strict(
      { freezeRows: (n: number) => this.op(n, (s) => void (s.frozenRows = n)) },
      "WorksheetFreezePanes",
      this.ctx.version,
    );
  }
  getRange(address: string): object {
    this.ctx.path(address);
    return rangeProxy(this.ctx, () => parseLocal(this.resolve(), address), false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): object {
    this.ctx.path(valuesOnly);
    return rangeProxy(this.ctx, () => this.resolve().usedRange(valuesOnly === true), true);
  }
}

/** A write-only property object (e.g. `range.format.font.bold = true`). */
function setterObject(name: string, set: (value: unknown) => void): object {
  const obj = {};
  Object.defineProperty(obj, name, { set, enumerable: true });
  return obj;
}

function rangeProxy(ctx: EmuContext, locate: () => RangeTarget | null, nullable: boolean): object {
  return strict(new RangeObj(ctx, locate, nullable), "Range", ctx.version);
}

function cellsOf(t: RangeTarget, fn: (r: number, c: number, i: number, j: number) => void): void {
  for (let i = 0; i < t.rowCount; i++)
    for (let j = 0; j < t.columnCount; j++) fn(t.row + i, t.column + j, i, j);
}

function matrix<V>(t: RangeTarget, value: unknown, check: (v: unknown) => v is V): V[][] {
  if (!Array.isArray(value)) {
    if (!check(value)) throw new EmuError("InvalidArgument", `Bad value ${String(value)}`);
    return Array.from({ length: t.rowCount }, () => Array<V>(t.columnCount).fill(value));
  }
  if (value.length !== t.rowCount || value.some((row) => !Array.isArray(row) || row.length !== t.columnCount))
    throw new EmuError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range ${rangeAddress(t)}.`,
    );
  for (const row of value as unknown[][])
    for (const v of row)
      if (!check(v)) throw new EmuError("InvalidArgument", `Bad cell value ${JSON.stringify(v)}`);
  return value as V[][];
}

const isCellInput = (v: unknown): v is Primitive | null =>
  v === null ||
  typeof v === "string" ||
  typeof v === "boolean" ||
  (typeof v === "number" && Number.isFinite(v));
const isText = (v: unknown): v is string | null => v === null || typeof v === "string";

class RangeObj extends ClientObj<RangeTarget> {
  protected readProp(t: RangeTarget, name: string): unknown {
    const grid = (f: (r: number, c: number) => unknown): unknown[][] => {
      if (t.rowCount * t.columnCount > RANGE_CELL_LIMIT)
        throw new EmuError(
          "RangeExceedsLimit",
          `The cell count in the range has exceeded the maximum supported number. ${LIMITS_DOC}`,
        );
      return Array.from({ length: t.rowCount }, (_, i) =>
        Array.from({ length: t.columnCount }, (_, j) => f(t.row + i, t.column + j)),
      );
    };
    switch (name) {
      case "values":
        return grid((r, c) => t.sheet.cell(r, c)?.v ?? "");
      case "numberFormat":
        return grid((r, c) => t.sheet.cell(r, c)?.fmt ?? "General");
      case "address":
        return rangeAddress(t);
      case "rowCount":
        return t.rowCount;
      case "columnCount":
        return t.columnCount;
      default:
        throw new Error(`Excel emulation: Range.${name} cannot be loaded`);
    }
  }
  get values(): unknown[][] {
    return this.get_("values") as unknown[][];
  }
  set values(v: unknown[][]) {
    this.op(v, (t) => {
      if (t.wholeRows) throw new Error("Excel emulation: write values to a bounded range");
      const m = matrix(t, v, isCellInput);
      cellsOf(t, (r, c, i, j) => {
        const x = m[i]![j]!;
        if (x !== null) coerce(t.sheet.ensure(r, c), x);
      });
    });
  }
  get numberFormat(): unknown[][] {
    return this.get_("numberFormat") as unknown[][];
  }
  set numberFormat(v: unknown[][]) {
    this.op(v, (t) => {
      const m = matrix(t, v, isText);
      cellsOf(t, (r, c, i, j) => {
        const x = m[i]![j]!;
        if (x !== null) t.sheet.ensure(r, c).fmt = x;
      });
    });
  }
  get address(): string {
    return this.get_("address") as string;
  }
  get rowCount(): number {
    return this.get_("rowCount") as number;
  }
  get columnCount(): number {
    return this.get_("columnCount") as number;
  }
  set hyperlink(v: { documentReference?: string; textToDisplay?: string }) {
    this.op(v, (t) =>
      cellsOf(t, (r, c) => {
        const cell = t.sheet.ensure(r, c);
        cell.hyperlink = v.documentReference;
        if (v.textToDisplay !== undefined) cell.v = v.textToDisplay;
      }),
    );
  }
  get dataValidation(): object {
    return strict(
      setterObject("rule", (rule) =>
        this.op(rule, (t) => void t.sheet.validations.push({ address: rangeAddress(t), rule })),
      ),
      "DataValidation",
      this.ctx.version,
    );
  }
  /** ExcelApi 1.4: the used range within this range, or a null object when it holds no value. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): object {
    this.ctx.path(valuesOnly);
    return rangeProxy(
      this.ctx,
      () => {
        const t = this.resolve();
        return t.sheet.usedRange(valuesOnly === true, t);
      },
      true,
    );
  }
  select(): void {
    this.op("select", (t) => {
      this.ctx.book.selection = { sheet: t.sheet.name, address: rangeAddress(t) };
    });
  }
  merge(across?: boolean): void {
    this.op("merge", (t) => {
      logLayout(t.sheet, `${rangeAddress(t)}.merge=${String(across ?? false)}`);
      t.sheet.merges.push([t.row, t.column, t.rowCount, t.columnCount]);
    });
  }
  get format(): object {
    this.ctx.path(null);
    return strict(new RangeFormatObj(this.ctx, () => this.resolve()), "RangeFormat", this.ctx.version);
  }
}

class RangeFormatObj extends ClientObj<RangeTarget> {
  protected readProp(t: RangeTarget, name: string): unknown {
    if (name !== "rowHeight") throw new Error(`Excel emulation: RangeFormat.${name} cannot be loaded`);
    // As Excel: the rows' common height, or null when they differ.
    const heights = new Set(Array.from({ length: t.rowCount }, (_, i) => rowHeightOf(t.sheet, t.row + i)));
    return heights.size === 1 ? [...heights][0]! : null;
  }
  get rowHeight(): number | null {
    return this.get_("rowHeight") as number | null;
  }
  /** ExcelApi 1.2: each row as tall as its tallest cell (see `autofitHeight`). */
  autofitRows(): void {
    this.op("autofitRows", (t) => {
      for (let i = 0; i < t.rowCount; i++)
        t.sheet.rowHeights.set(t.row + i, autofitHeight(t.sheet, t.row + i));
    });
  }
  set columnWidth(points: number) {
    this.op(points, (t) => {
      for (let j = 0; j < t.columnCount; j++) t.sheet.columnWidths.set(t.column + j, points);
    });
  }
  get font(): object {
    const font = setterObject("bold", (b) =>
      this.op(b, (t) => cellsOf(t, (r, c) => void (t.sheet.ensure(r, c).bold = b === true))),
    );
    for (const name of ["name", "size"]) {
      Object.defineProperty(font, name, {
        set: (v: unknown) =>
          this.op(v, (t) => {
            logLayout(t.sheet, `${rangeAddress(t)}.font.${name}=${String(v)}`);
            if (name === "size" && typeof v === "number")
              cellsOf(t, (r, c) => void t.sheet.fontSizes.set(SheetState.key(r, c), v));
          }),
        enumerable: true,
      });
    }
    return strict(font, "RangeFont", this.ctx.version);
  }
  get fill(): object {
    this.ctx.path(null);
    return strict(new RangeFillObj(this.ctx, () => this.resolve()), "RangeFill", this.ctx.version);
  }
  private logged(name: string, v: unknown): void {
    this.op(v, (t) => logLayout(t.sheet, `${rangeAddress(t)}.${name}=${JSON.stringify(v)}`));
  }
  set rowHeight(v: number) {
    this.logged("rowHeight", v);
    this.op(v, (t) => {
      for (let i = 0; i < t.rowCount; i++) t.sheet.rowHeights.set(t.row + i, v);
    });
  }
  set horizontalAlignment(v: string) {
    this.logged("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.logged("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.logged("wrapText", v);
    this.op(v, (t) => cellsOf(t, (r, c) => void t.sheet.wraps.set(SheetState.key(r, c), v)));
  }
  get borders(): object {
    return strict(
      {
        getItem: (edge: string) => {
          const item = {};
          Object.defineProperty(item, "style", {
            set: (v: unknown) => this.logged(`border.${edge}`, v),
            enumerable: true,
          });
          return strict(item, "RangeBorder", this.ctx.version);
        },
      },
      "RangeBorderCollection",
      this.ctx.version,
    );
  }
}

class RangeFillObj extends ClientObj<RangeTarget> {
  protected readProp(t: RangeTarget, name: string): unknown {
    if (name !== "color") throw new Error(`Excel emulation: RangeFill.${name} cannot be loaded`);
    const colors = new Set<string>();
    if (t.wholeRows) {
      for (let r = t.row; r < t.row + t.rowCount; r++) {
        colors.add(t.sheet.rowFills.get(r) ?? "#FFFFFF");
        for (const c of t.sheet.rowCells(r)) if (c.fill) colors.add(c.fill);
      }
    } else cellsOf(t, (r, c) => colors.add(t.sheet.cell(r, c)?.fill ?? t.sheet.rowFills.get(r) ?? "#FFFFFF"));
    return colors.size === 1 ? [...colors][0] : null;
  }
  get color(): string | null {
    return this.get_("color") as string | null;
  }
  set color(v: string) {
    if (!/^#[0-9A-F]{6}$/i.test(v)) throw new EmuError("InvalidArgument", `Bad colour ${v}`);
    this.op(v, (t) => this.paint(t, v.toUpperCase()));
  }
  clear(): void {
    this.op("clear", (t) => this.paint(t, undefined));
  }
  private paint(t: RangeTarget, color: string | undefined): void {
    if (t.wholeRows) {
      for (let r = t.row; r < t.row + t.rowCount; r++) {
        if (color) t.sheet.rowFills.set(r, color);
        else t.sheet.rowFills.delete(r);
        for (const c of t.sheet.rowCells(r)) delete c.fill;
      }
      return;
    }
    cellsOf(t, (r, c) => {
      if (color) t.sheet.ensure(r, c).fill = color;
      else {
        const cell = t.sheet.cell(r, c);
        if (cell) delete cell.fill;
      }
    });
  }
}

interface NoteTarget {
  sheet: SheetState;
  key: number;
}

function noteTarget(ctx: EmuContext, address: string): NoteTarget | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) throw new EmuError("InvalidArgument", `A note address needs a sheet: ${address}`);
  const sheet = ctx.book.find(address.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
  if (!sheet) throw new EmuError("ItemNotFound", `No sheet for ${address}`);
  const t = parseLocal(sheet, address);
  if (t.rowCount !== 1 || t.columnCount !== 1)
    throw new EmuError("InvalidArgument", `A note needs one cell: ${address}`);
  return { sheet, key: SheetState.key(t.row, t.column) };
}

class NoteCollectionObj {
  constructor(private ctx: EmuContext) {}
  add(cellAddress: string, content: string): object {
    if (typeof cellAddress !== "string")
      throw new Error("Excel emulation: notes.add takes an address string here");
    this.ctx.enqueue([cellAddress, content], () => {
      const t = noteTarget(this.ctx, cellAddress)!;
      if (t.sheet.notes.has(t.key))
        throw new EmuError("InvalidArgument", `The cell ${cellAddress} already has a note.`);
      t.sheet.notes.set(t.key, content);
    });
    return strict({}, "Note", this.ctx.version);
  }
  getItemOrNullObject(key: string): object {
    this.ctx.path(key);
    return strict(
      new NoteObj(this.ctx, () => {
        const t = noteTarget(this.ctx, key);
        return t && t.sheet.notes.has(t.key) ? t : null;
      }),
      "Note",
      this.ctx.version,
    );
  }
}

class NoteObj extends ClientObj<NoteTarget> {
  constructor(ctx: EmuContext, locate: () => NoteTarget | null) {
    super(ctx, locate, true);
  }
  protected readProp(t: NoteTarget, name: string): unknown {
    if (name !== "content") throw new Error(`Excel emulation: Note.${name} cannot be loaded`);
    return t.sheet.notes.get(t.key);
  }
  get content(): string {
    return this.get_("content") as string;
  }
  set content(v: string) {
    this.op(v, (t) => void t.sheet.notes.set(t.key, v));
  }
  delete(): void {
    this.op("delete", (t) => void t.sheet.notes.delete(t.key));
  }
}

export { cellName };

/** Excel's default row: 15 pt (Calibri 11). */
const DEFAULT_ROW_HEIGHT = 15;
/** Excel's default column: 8.43 characters, 64 pixels = 48 pt. */
const DEFAULT_COLUMN_POINTS = 48;

function rowHeightOf(sheet: SheetState, row: number): number {
  return sheet.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
}

/**
 * A simple, deterministic stand-in for Excel's autofit: a CJK glyph is as wide as the font size, any other
 * character 0.55 of it; a wrapped cell breaks its text into lines of its column's width less 3 pt of
 * padding; a line is 1.3 × the font size, rounded up to whole pixels (0.75 pt). Cells inside a merged area
 * are ignored, as Excel ignores them; a row without text keeps the default height.
 */
export function autofitHeight(sheet: SheetState, row: number): number {
  let height = 0;
  for (let c = 1; c <= sheet.maxColumn; c++) {
    const cell = sheet.cell(row, c);
    if (!cell || typeof cell.v !== "string" || cell.v === "") continue;
    const inMerge = sheet.merges.some(
      ([r, col, rc, cc]) => rc * cc > 1 && row >= r && row < r + rc && c >= col && c < col + cc,
    );
    if (inMerge) continue;
    const key = SheetState.key(row, c);
    const size = sheet.fontSizes.get(key) ?? 11;
    const room = (sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_POINTS) - 3;
    const wrap = sheet.wraps.get(key) === true;
    let lines = 0;
    for (const part of cell.v.split("\n")) {
      lines++;
      let used = 0;
      for (const ch of part) {
        const w = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? size : size * 0.55;
        if (wrap && used > 0 && used + w > room) {
          lines++;
          used = 0;
        }
        used += w;
      }
    }
    const line = Math.ceil((size * 1.3) / 0.75) * 0.75;
    height = Math.max(height, lines * line);
  }
  return height > 0 ? height : DEFAULT_ROW_HEIGHT;
}
