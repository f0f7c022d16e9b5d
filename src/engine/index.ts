export { assess } from "./assess";
export { competitionRanks, pickQuota } from "./ranking";
export { rankTownships, scoreTownship } from "./township";
export { OVERRIDE_FIELDS, OVERRIDE_CODE, type OverrideField } from "./overrides";
export * from "./types";
