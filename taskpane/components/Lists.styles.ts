import { makeStyles, tokens } from "@fluentui/react-components";

/** The issue, veto and summary lists. */
export const useListStyles = makeStyles({
  list: { paddingLeft: "16px", margin: "0" },
  item: { marginBottom: "6px" },
  error: { color: tokens.colorPaletteRedForeground1 },
  locate: { marginLeft: "4px" },
  group: { marginTop: "8px" },
});
