/**
 * The Node.js versions Kaohe runs on, checked when the CLI starts (before any command can fail in an
 * obscure way). The binding need is `zlib.crc32` (the large-file writer), added in Node 20.15.0 and
 * 22.2.0 (Node 21 never had it); the zip-bomb guard's `DecompressionStream("deflate-raw")` (20.12, 21.2)
 * is older. Keep in step with `engines.node` in package.json.
 */
export const SUPPORTED_NODE = ">=20.15.0 <21 || >=22.2.0";

/** A message when `version` (e.g. `20.14.0`) cannot run Kaohe; undefined when it can. */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.replace(/^v/, "").split(".").map(Number);
  const ok = (major === 20 && minor >= 15) || (major === 22 && minor >= 2) || major > 22;
  if (ok) return undefined;
  return (
    `kaohe: 需要 Node.js 20.15 或更高版本（20.15+ 或 22.2+），当前为 ${version}；请升级 Node.js。\n` +
    `kaohe: Node.js ${version} is too old: Kaohe needs Node.js 20.15 or later (20.15+ or 22.2+); please upgrade.\n`
  );
}

/** Ends the process (exit 3) with the message above on an unsupported Node.js. */
export function requireSupportedNode(version: string = process.versions.node): void {
  const problem = nodeVersionProblem(version);
  if (!problem) return;
  process.stderr.write(problem);
  process.exit(3);
}
