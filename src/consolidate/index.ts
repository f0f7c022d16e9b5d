/** County consolidation, browser-safe surface (Node folder helpers are in ./node). */
export * from "./types";
export { consolidate } from "./consolidate";
export { readTownship } from "./township";
export { renderCounty, RANKING_TAB, PROBLEMS_TAB, WINDOWS_TAB } from "./render";
export { problemText, problemLine, CONSOLIDATE_MESSAGE_CODES } from "./messages";
export { pipelineWindowScorer } from "./windows";
export {
  consolidateFiles,
  builtInProfiles,
  type NamedBytes,
  type WindowScorer,
  type ConsolidateFilesOptions,
  type ConsolidateFilesOutcome,
} from "./files";
