import { makeStyles, tokens } from "@fluentui/react-components";

export const useExplainStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "8px", minWidth: "0" },
  picker: { maxWidth: "420px" },
  combobox: { minWidth: "0", width: "100%" },
  list: { margin: "0", paddingLeft: "16px" },
  scroller: {
    overflowX: "auto",
    minWidth: "0",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  nowrap: { whiteSpace: "nowrap" },
  details: { marginTop: "8px" },
});
