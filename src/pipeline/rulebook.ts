/** Running under a county's own rulebook: it governs the workbook, whatever its 规则版本 says. */
import { assess } from "../engine";
import { getProfile, type Profile } from "../rules";
import { builtinProfiles, contractProfile } from "./profiles";
import { createRunAssessment } from "./run";
import type { RunAssessment } from "./types";

export function runWithRulebook(profile: Profile): RunAssessment {
  const run = createRunAssessment({
    assess,
    resolveProfile: (id) => (id === profile.id ? contractProfile(profile) : builtinProfiles(id)),
    profile: (id) => (id === profile.id ? profile : getProfile(id)),
  });
  return (sheets, options = {}) => run(sheets, { ...options, profile: profile.id });
}
