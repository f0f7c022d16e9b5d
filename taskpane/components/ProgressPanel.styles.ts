import { makeStyles, tokens } from "@fluentui/react-components";

export const useProgressPanelStyles = makeStyles({
  root: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  bar: { flexGrow: 1, minWidth: 0 },
  cancel: { flexShrink: 0 },
});
