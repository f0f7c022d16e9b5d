/**
 * Checks a parsed rulebook against rules.schema.json itself, so the file editors validate with and the
 * loader's checks cannot drift apart. Covers the keywords that schema uses; `points` values must also be
 * multiples of 0.1.
 */
import schemaJson from "../rules.schema.json";
import type { RulebookProblem } from "./messages";

interface Schema {
  $ref?: string;
  type?: string;
  const?: unknown;
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  minItems?: number;
  minLength?: number;
  minimum?: number;
}

const ROOT = schemaJson as unknown as Schema & { definitions: Record<string, Schema> };

const typeOf = (x: unknown): string =>
  x === null
    ? "null"
    : Array.isArray(x)
      ? "array"
      : typeof x === "number" && Number.isInteger(x)
        ? "integer"
        : typeof x;

const join = (path: string, key: string | number): string =>
  typeof key === "number" ? `${path}[${key}]` : path ? `${path}.${key}` : key;

function check(x: unknown, s: Schema, path: string, out: RulebookProblem[]): void {
  if (s.$ref) {
    const name = s.$ref.replace("#/definitions/", "");
    check(x, ROOT.definitions[name]!, path, out);
    if (name === "points" && typeof x === "number" && Math.abs(Math.round(x * 10) - x * 10) > 1e-9)
      out.push({ path, code: "tenths", params: { value: x } });
    return;
  }
  const t = typeOf(x);
  if (s.const !== undefined && x !== s.const)
    return void out.push({ path, code: "const", params: { expected: JSON.stringify(s.const) } });
  if (s.enum && !s.enum.includes(x))
    return void out.push({ path, code: "enum", params: { value: String(x), allowed: s.enum.join(", ") } });
  if (s.type && !(t === s.type || (s.type === "number" && t === "integer")))
    return void out.push({ path, code: "type", params: { expected: s.type, actual: t } });
  if (typeof x === "string" && s.minLength && x.trim().length < s.minLength)
    out.push({ path, code: "empty", params: {} });
  if (typeof x === "number" && s.minimum !== undefined && x < s.minimum)
    out.push({ path, code: "min", params: { min: s.minimum } });
  if (Array.isArray(x)) {
    if (s.minItems && x.length < s.minItems) out.push({ path, code: "empty", params: {} });
    if (s.items) x.forEach((v, i) => check(v, s.items!, join(path, i), out));
  }
  if (t === "object") {
    const o = x as Record<string, unknown>;
    for (const key of s.required ?? [])
      if (o[key] === undefined) out.push({ path, code: "required", params: { key } });
    for (const [key, v] of Object.entries(o)) {
      const sub = s.properties?.[key];
      if (sub) check(v, sub, join(path, key), out);
      else if (s.additionalProperties === false)
        out.push({ path: join(path, key), code: "unknown-key", params: { key } });
    }
  }
}

/** Problems with the file's shape, each at its path (`items[12].window`). */
export function schemaProblems(x: unknown): RulebookProblem[] {
  const out: RulebookProblem[] = [];
  check(x, ROOT, "", out);
  return out;
}
