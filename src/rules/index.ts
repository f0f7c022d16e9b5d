import tianyang2008 from "./profiles/tianyang-2008.json";
import tongshan from "./profiles/tongshan.json";
import { builtinRulebook } from "./format/load";
import type { Profile } from "./types";

export * from "./types";
export { normalizeCode } from "./normalize";
export { validateProfile } from "./validate";
export { rulebookTitle, type RulebookName } from "./title";

// The built-in rulebooks are files in the same format a county writes, loaded by the same loader.
const PROFILES: Profile[] = [
  builtinRulebook(tianyang2008, "tianyang-2008.json"),
  builtinRulebook(tongshan, "tongshan.json"),
];

/** The built-in profile with this id, or undefined. */
export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id.trim());
}

export function listProfiles(): Profile[] {
  return [...PROFILES];
}
