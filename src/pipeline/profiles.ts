/** Rules profiles as the workbook parser sees them. */
import { getProfile, normalizeCode, type Profile } from "../rules";
import type { ContractProfile, ProfileResolver } from "../workbook/profile";

const views = new WeakMap<Profile, ContractProfile>();

export function contractProfile(profile: Profile): ContractProfile {
  let view = views.get(profile);
  if (!view) {
    view = {
      id: profile.id,
      rules: profile.rules,
      indicators: profile.indicators,
      normalizeCode: (text) => normalizeCode(profile, text),
    };
    views.set(profile, view);
  }
  return view;
}

/** The built-in profiles (`tianyang-2008`, `tongshan`). */
export const builtinProfiles: ProfileResolver = (id) => {
  const profile = getProfile(id);
  return profile && contractProfile(profile);
};
