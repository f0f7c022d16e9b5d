import { makeStyles } from "@fluentui/react-components";

export const useStandaloneStyles = makeStyles({
  top: {
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
    padding: "12px 12px 0",
    maxWidth: "960px",
    boxSizing: "border-box",
  },
  // At 320 px the English tab names are wider than the page: the second goes under the first, never cut.
  tabs: { flexWrap: "wrap" },
  county: { padding: "12px", maxWidth: "960px", boxSizing: "border-box" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "flex-end" },
  hidden: { display: "none" },
  error: { whiteSpace: "pre-wrap" },
});
