import { makeStyles, tokens } from "@fluentui/react-components";
import type { GradeCount } from "../explain";

const useStyles = makeStyles({
  chart: {
    display: "grid",
    gridTemplateColumns: "auto 1fr auto",
    columnGap: "8px",
    rowGap: "4px",
    alignItems: "center",
  },
  bar: { height: "14px", backgroundColor: tokens.colorBrandBackground, borderRadius: "2px", minWidth: "2px" },
  label: { fontSize: tokens.fontSizeBase200, whiteSpace: "nowrap" },
});

/** Horizontal bars of grade counts, plain divs (no chart library); the label carries the numbers. */
export function GradeChart({ counts, label }: { counts: GradeCount[]; label: string }) {
  const s = useStyles();
  const max = Math.max(1, ...counts.map((c) => c.count));
  const text = counts.map((c) => `${c.grade} ${c.count}`).join("，");
  return (
    <div className={s.chart} role="img" aria-label={`${label}：${text}`}>
      {counts.map((c) => (
        <div key={c.grade} style={{ display: "contents" }}>
          <span className={s.label}>{c.grade}</span>
          <div className={s.bar} style={{ width: `${(100 * c.count) / max}%` }} data-grade={c.grade} />
          <span className={s.label}>{c.count}</span>
        </div>
      ))}
    </div>
  );
}
