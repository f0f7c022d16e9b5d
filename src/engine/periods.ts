// Moved to the shared kernel; re-exported while other code still imports it from here.
export * from "../core/periods";
