/**
 * Writing a package as a plan: a generator that asks for each large part (a new sheet, a patched one) to
 * be encoded from its pieces and is sent back the entry. The CLI encodes on the spot (zlib, in pieces);
 * the browser's worker deflates each part natively as its pieces come, awaiting between them, so no
 * large part is ever held uncompressed whole.
 */
import { encodePart, type PartPieces } from "./entryWriter";
import type { ZipEntry } from "./zip";

export type { PartPieces } from "./entryWriter";

/** Yields the parts to encode; is sent back each one's entry; returns the package's parts in order. */
export type OutputPlan<T> = Generator<PartPieces, T, ZipEntry>;

/** Runs a plan, encoding each part with the synchronous entry writer. */
export function runPlan<T>(plan: OutputPlan<T>): T {
  let step = plan.next();
  while (!step.done) step = plan.next(encodePart(step.value));
  return step.value;
}

/** Runs a plan with an asynchronous encoder, one part at a time. */
export async function runPlanAsync<T>(
  plan: OutputPlan<T>,
  encode: (part: PartPieces) => Promise<ZipEntry>,
): Promise<T> {
  let step = plan.next();
  while (!step.done) step = plan.next(await encode(step.value));
  return step.value;
}
