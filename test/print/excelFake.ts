/**
 * A minimal strict fake of the Excel objects the print layout touches: every property set and method call
 * is recorded as a line; touching a member Office.js does not have on that object throws, and so does
 * reading a property (nothing is loaded here) or syncing twice where once was intended.
 */
import type { ExcelRuntime } from "../../src/hosts/excel/runtime";

type Kind =
  | "Worksheet"
  | "Range"
  | "RangeFormat"
  | "Font"
  | "Fill"
  | "Borders"
  | "Border"
  | "PageLayout"
  | "HeaderFooterGroup"
  | "HeaderFooter"
  | "PageBreaks";

interface Shape {
  /** Settable properties. */
  props?: string[];
  /** Child objects reached by a property. */
  children?: Record<string, Kind>;
  /** Methods and the kind they return (undefined: nothing useful). */
  methods?: Record<string, Kind | undefined>;
}

const SHAPES: Record<Kind, Shape> = {
  Worksheet: {
    children: { pageLayout: "PageLayout", horizontalPageBreaks: "PageBreaks" },
    methods: { getRange: "Range" },
  },
  Range: { children: { format: "RangeFormat" }, methods: { merge: undefined } },
  RangeFormat: {
    props: ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText"],
    children: { font: "Font", fill: "Fill", borders: "Borders" },
  },
  Font: { props: ["name", "size", "bold"] },
  Fill: { props: ["color"] },
  Borders: { methods: { getItem: "Border" } },
  Border: { props: ["style"] },
  PageLayout: {
    props: [
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
    children: { headersFooters: "HeaderFooterGroup" },
    methods: { setPrintArea: undefined, setPrintTitleRows: undefined },
  },
  HeaderFooterGroup: { children: { defaultForAllPages: "HeaderFooter" } },
  HeaderFooter: { props: ["centerFooter", "centerHeader"] },
  PageBreaks: { methods: { add: undefined, removePageBreaks: undefined } },
};

function fake(kind: Kind, path: string, log: string[]): object {
  const shape = SHAPES[kind];
  return new Proxy(
    {},
    {
      get(_t, prop) {
        if (typeof prop === "symbol" || prop === "then") return undefined;
        const child = shape.children?.[prop];
        if (child) return fake(child, `${path}.${prop}`, log);
        if (shape.methods && prop in shape.methods) {
          const returns = shape.methods[prop];
          return (...args: unknown[]) => {
            const call = `${path}.${prop}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
            log.push(call);
            return returns ? fake(returns, call, log) : undefined;
          };
        }
        throw new Error(`fake ${kind}: cannot read ${String(prop)} (not loaded, or not an Office.js member)`);
      },
      set(_t, prop, value) {
        if (typeof prop === "symbol" || !shape.props?.includes(prop)) {
          throw new Error(`fake ${kind}: ${String(prop)} is not a settable Office.js property`);
        }
        log.push(`${path}.${prop} = ${JSON.stringify(value)}`);
        return true;
      },
    },
  );
}

export interface FakeExcel {
  runtime: ExcelRuntime;
  log: string[];
  syncs: number;
  runs: number;
}

/** A runtime whose workbook has the named sheets; `supported` answers isSetSupported. */
export function fakeExcel(sheetNames: string[], supported: (version: string) => boolean): FakeExcel {
  const state: FakeExcel = { log: [], syncs: 0, runs: 0, runtime: undefined as unknown as ExcelRuntime };
  const context = {
    workbook: {
      worksheets: {
        getItem(name: string) {
          if (!sheetNames.includes(name)) throw new Error(`ItemNotFound: ${name}`);
          return fake("Worksheet", `ws[${name}]`, state.log);
        },
      },
    },
    async sync() {
      state.syncs++;
      state.log.push("sync");
    },
  };
  state.runtime = {
    run: async (batch) => {
      state.runs++;
      return batch(context as unknown as Excel.RequestContext);
    },
    isSetSupported: (v) => supported(v),
  };
  return state;
}
