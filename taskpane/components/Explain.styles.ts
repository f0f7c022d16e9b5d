import { makeStyles, tokens } from "@fluentui/react-components";

export const useExplainStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "8px", minWidth: "0" },
  heading: {
    margin: "0",
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  picker: { maxWidth: "420px" },
  combobox: { minWidth: "0", width: "100%" },
  list: { margin: "0", paddingLeft: "16px" },
  scroller: {
    overflowX: "auto",
    minWidth: "0",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  nowrap: { whiteSpace: "nowrap" },
  table: { minWidth: "520px", tableLayout: "auto", "& th": { whiteSpace: "nowrap" } },
  text: { minWidth: "160px" },
  details: { marginTop: "8px" },
});
