import { TONGSHAN } from "./tongshan";
import { TIANYANG_2008 } from "./tianyang/profile";
import type { Profile } from "./types";

export * from "./types";
export { normalizeCode } from "./normalize";
export { validateProfile } from "./validate";

const PROFILES: Profile[] = [TIANYANG_2008, TONGSHAN];

/** The built-in profile with this id, or undefined. */
export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id.trim());
}

export function listProfiles(): Profile[] {
  return [...PROFILES];
}
