import { makeStyles, tokens } from "@fluentui/react-components";

export const usePaneStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: "12px",
    padding: "12px",
    minWidth: "0",
    maxWidth: "960px",
    boxSizing: "border-box",
    fontFamily: tokens.fontFamilyBase,
  },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "flex-end" },
  field: { minWidth: "120px", flexGrow: 1 },
  tabs: { flexWrap: "wrap" },
  tabPanel: { minWidth: "0", overflowX: "auto" },
  hiddenInput: { display: "none" },
});
