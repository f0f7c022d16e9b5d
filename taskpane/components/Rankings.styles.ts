import { makeStyles, tokens } from "@fluentui/react-components";

export const useRankingsStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "8px", minWidth: "0" },
  filters: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: "8px",
    rowGap: "8px",
    alignItems: "flex-end",
  },
  filter: { minWidth: "96px", flexGrow: 1, flexBasis: "120px" },
  search: { minWidth: "0", flexGrow: 2, flexBasis: "160px" },
  scroller: {
    overflowX: "auto",
    minWidth: "0",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "560px", tableLayout: "auto", "& th": { whiteSpace: "nowrap" } },
  select: { minWidth: "0", width: "100%" },
  row: { cursor: "pointer" },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  notEligible: { color: tokens.colorPaletteRedForeground1 },
  tie: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  reasons: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  count: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
});
