/** County consolidation, pure: files are opened by the xlsx host (hosts/xlsx/consolidateFiles, consolidateDisk). */
export * from "./types";
export { consolidate } from "./consolidate";
export { readTownship } from "./township";
export { renderCounty, RANKING_TAB, PROBLEMS_TAB, WINDOWS_TAB } from "./render";
export { problemText, problemLine, CONSOLIDATE_MESSAGE_CODES } from "./messages";
export { pipelineWindowScorer } from "./windows";
