import { makeStyles, tokens } from "@fluentui/react-components";

export const useDropZoneStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: "16px",
    textAlign: "center",
    cursor: "pointer",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  dragging: { backgroundColor: tokens.colorBrandBackground2 },
});
