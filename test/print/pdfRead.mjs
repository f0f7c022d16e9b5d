// Reads a PDF with pdf.js (no poppler): `node pdfRead.mjs FILE` prints {pages, sizes, texts} as JSON;
// `node pdfRead.mjs FILE --render PAGE OUT.png DPI` draws one page through @napi-rs/canvas.
// A child process of test/print/support.ts, whose helpers are synchronous while pdf.js is not.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve("pdfjs-dist/package.json"));

/** Like printf's %g, which pdfinfo uses for page sizes (595.304 x 841.89). */
function g(n) {
  return String(Number(n.toPrecision(6)));
}

/**
 * Text in reading order, the way `pdftotext -layout` lays it out: items whose baselines are close form
 * one line, lines run top to bottom, items left to right, and a gap wider than a glyph becomes spaces.
 */
function layout(items) {
  const runs = items
    .filter((i) => i.str !== "")
    .map((i) => ({
      s: i.str,
      x: i.transform[4],
      y: i.transform[5],
      w: i.width,
      h: Math.abs(i.transform[3]) || 10,
    }))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines = [];
  for (const run of runs) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) <= Math.max(2, run.h / 2)) line.runs.push(run);
    else lines.push({ y: run.y, runs: [run] });
  }
  return lines
    .map(({ runs: line }) => {
      line.sort((a, b) => a.x - b.x);
      let text = "";
      let end = null;
      for (const run of line) {
        const glyph = run.h / 2;
        if (end !== null && run.x - end > glyph)
          text += " ".repeat(Math.max(1, Math.round((run.x - end) / glyph)));
        text += run.s;
        end = run.x + run.w;
      }
      return text;
    })
    .join("\n")
    .concat("\n");
}

const [file, flag, pageArg, out, dpi] = process.argv.slice(2);
const doc = await getDocument({
  data: new Uint8Array(fs.readFileSync(file)),
  cMapUrl: path.join(dist, "cmaps") + path.sep,
  standardFontDataUrl: path.join(dist, "standard_fonts") + path.sep,
  wasmUrl: path.join(dist, "wasm") + path.sep,
  verbosity: 0,
}).promise;

if (flag === "--render") {
  const page = await doc.getPage(Number(pageArg));
  const viewport = page.getViewport({ scale: Number(dpi) / 72 });
  const { canvas, context } = doc.canvasFactory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  await page.render({ canvas, canvasContext: context, viewport }).promise;
  fs.writeFileSync(out, canvas.toBuffer("image/png"));
} else {
  const sizes = [];
  const texts = [];
  const raws = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [x0, y0, x1, y1] = page.view;
    sizes.push(`${g(x1 - x0)} x ${g(y1 - y0)}`);
    const { items } = await page.getTextContent();
    texts.push(layout(items));
    // In the order the page draws its text, as plain `pdftotext` reads it: a wrapped cell stays whole.
    raws.push(items.map((i) => i.str + (i.hasEOL ? "\n" : "")).join(""));
    page.cleanup();
  }
  process.stdout.write(JSON.stringify({ pages: doc.numPages, sizes, texts, raws }));
}
await doc.destroy();
