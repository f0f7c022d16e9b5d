import type { Profile } from "./types";

const cache = new WeakMap<Profile, Map<string, string>>();

function fold(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Canonical code for user text (`14.4A`, ` １４．４ａ `) or undefined when the profile has no such code. */
export function normalizeCode(profile: Profile, text: string): string | undefined {
  let map = cache.get(profile);
  if (!map) {
    map = new Map(profile.rules.map((r) => [fold(r.code), r.code]));
    cache.set(profile, map);
  }
  return map.get(fold(text));
}
