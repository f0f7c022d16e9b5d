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
    "@media (min-width: 480px)": { "& th": { whiteSpace: "nowrap" } },
  },
  problemText: { overflowWrap: "break-word" },
  // A file name breaks only where it must (CJK text would otherwise break between any two characters).
  problemFile: { wordBreak: "keep-all", "@media (min-width: 480px)": { whiteSpace: "nowrap" } },
  number: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  nowrap: { whiteSpace: "nowrap" },
  files: { color: tokens.colorNeutralForeground2, wordBreak: "break-all" },
  // Under the file name, so that the name and the note never need each other's line.
  excluded: { color: tokens.colorPaletteRedForeground1, whiteSpace: "nowrap", display: "block" },
  duplicate: {
    border: `1px solid ${tokens.colorPaletteDarkOrangeBorder1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "8px",
  },
});
