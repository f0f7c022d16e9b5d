export { exportRulebook, rulebookText } from "./export";
export { builtinRulebook, loadRulebook, loadRulebookText, problemLines, type LoadResult } from "./load";
export { problemText, type RulebookLocale, type RulebookProblem } from "./messages";
export { RULEBOOK_FORMAT, type RulebookFile } from "./types";
