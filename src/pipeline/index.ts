/** The pipeline's public surface: what the CLI, the task pane and the web page call. */
import { assess } from "../engine";
import { withRulebookTab } from "./rulebook";
import { createRunAssessment } from "./run";
import type { RunAssessment } from "./types";

/** RawSheet[] → RunOutcome with the real engine and the built-in profiles. Never throws on bad input. */
export const runAssessment: RunAssessment = withRulebookTab(createRunAssessment({ assess }));

export { createRunAssessment, dedupeIssues, type AssessFn, type PipelineDeps } from "./run";
export { buildTemplate, LIST_SHEET, TEMPLATE_ROWS, type TemplateOptions } from "./template";
export { toJsonReport, jsonIssue, type JsonIssue, type JsonReport } from "./jsonReport";
export { builtinProfiles, contractProfile } from "./profiles";
export * from "./types";
export { runWithRulebook } from "./rulebook";
