/** The folder-level import graph of src/ and taskpane/, read from the source text. */
import { readdirSync, readFileSync, statSync } from "fs";
import * as path from "path";
import architecture from "../../architecture.json";

export const ROOT = path.resolve(__dirname, "../..");
export const LAYERS: string[][] = architecture.layers;
export const EXCEPTIONS: { file: string; imports: string }[] = architecture.exceptions;
export const HOST_MODULES: string[] = architecture.hostModules;

export interface Edge {
  /** Repository-relative file, `src/engine/assess.ts`. */
  file: string;
  specifier: string;
  from: string;
  to: string;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^"';]*?\s+from\s+)?["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|\brequire\(\s*["']([^"']+)["']\s*\)/g;

/** Every module specifier in a file's text: static imports, re-exports, `import()` and `require()`. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** `src/hosts/xlsx/fast/zip.ts` → `hosts/xlsx`, `src/engine/types.ts` → `engine`, `taskpane/…` → `taskpane`. */
export function folderOf(file: string): string | undefined {
  const parts = file.split("/");
  if (parts[0] === "taskpane") return "taskpane";
  if (parts[0] !== "src" || parts.length < 2) return undefined;
  // `../core` names the folder (its index.ts); `src/foo.ts` would be a file outside every folder.
  if (parts.length === 2 && parts[1].includes(".")) return undefined;
  return parts[1] === "hosts" ? `hosts/${parts[2]}` : parts[1];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) ? [rel] : [];
  });
}

/** The folder-crossing imports of the given files (repository-relative paths and their text). */
export function edgesOf(files: { file: string; text: string }[]): Edge[] {
  const edges: Edge[] = [];
  for (const { file, text } of files) {
    const from = folderOf(file);
    if (!from) continue;
    for (const specifier of specifiers(text)) {
      if (!specifier.startsWith(".")) continue;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
      const to = folderOf(target);
      if (to && to !== from) edges.push({ file, specifier, from, to });
    }
  }
  return edges;
}

export function repositoryFiles(): { file: string; text: string }[] {
  return [...sourceFiles("src"), ...sourceFiles("taskpane")].map((file) => ({
    file,
    text: readFileSync(path.join(ROOT, file), "utf8"),
  }));
}

export const layerOf = (folder: string): number => LAYERS.findIndex((layer) => layer.includes(folder));

/** Edges that point to the same or a higher layer and are not listed as exceptions. */
export function wrongArrows(edges: Edge[]): Edge[] {
  return edges.filter(
    (e) =>
      !(layerOf(e.to) >= 0 && layerOf(e.to) < layerOf(e.from)) &&
      !EXCEPTIONS.some((x) => x.file === e.file && x.imports === e.to),
  );
}

/** Folder cycles (strongly connected components of more than one folder), each sorted. */
export function folderCycles(edges: Edge[]): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!next.has(e.from)) next.set(e.from, new Set());
    if (!next.has(e.to)) next.set(e.to, new Set());
    next.get(e.from)!.add(e.to);
  }
  // Tarjan's algorithm.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles;
}
