import { makeStyles, tokens } from "@fluentui/react-components";

export const useCountyStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: "12px", minWidth: "0" },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "center" },
  hidden: { display: "none" },
  scroller: {
    overflowX: "auto",
    minWidth: "0",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { minWidth: "420px", tableLayout: "auto", "& th": { whiteSpace: "nowrap" } },
  // Problems are read, not compared across: the table fits the pane and its text wraps (nothing to scroll);
  // file names and headings stay whole where there is room.
  problems: {
    width: "100%",
    tableLayout: "auto",
    "& td": { overflowWrap: "anywhere" },
    "@media (min-width: 480px)": { "& th": { whiteSpace: "nowrap" } },
  },
  problemFile: { "@media (min-width: 480px)": { whiteSpace: "nowrap" } },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  files: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  excluded: { color: tokens.colorPaletteRedForeground1, whiteSpace: "nowrap" },
  duplicate: {
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
  },
});
