import { mergeClasses, Subtitle2, Text } from "@fluentui/react-components";
import type { AssessmentResult } from "../../src/engine/types";
import { points, type EntityRef } from "../explain";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { gradeColours, legendGrades, trend, type TrendPoint } from "../rankings";
import { useTrendStyles } from "./Trend.styles";

const W = 320;
const H = 120;
const PAD = { left: 30, right: 12, top: 18, bottom: 18 };
/** The first and last marks stand this far inside the grid, clear of the score labels on its left. */
const INSET = 10;

interface ChartProps {
  name: string;
  what: string;
  series: TrendPoint[];
  colours: Map<string, number>;
}

function Chart({ name, what, series, colours }: ChartProps) {
  const s = useTrendStyles();
  const { t } = useStrings();
  const fills = [s.g0, s.g1, s.g2, s.g3, s.g4];
  const scores = series.map((p) => p.score);
  const lo = Math.floor(Math.min(...scores) / 50) * 50;
  const hi = Math.max(lo + 50, Math.ceil(Math.max(...scores) / 50) * 50);
  const x = (i: number) =>
    PAD.left +
    INSET +
    (series.length === 1 ? 0.5 : i / (series.length - 1)) * (W - PAD.left - PAD.right - 2 * INSET);
  const y = (v: number) => PAD.top + ((hi - v) / (hi - lo)) * (H - PAD.top - PAD.bottom);
  const label = fill(t.trendLabel, {
    name,
    what,
    points: series.map((p) => `${p.period} ${points(p.score)} ${p.grade}`).join("，"),
  });
  const short = (period: string) => period.replace(/^\d{4}-/, "").replace(/^0/, "");
  return (
    <figure className={s.chart}>
      <figcaption className={s.caption}>{what}</figcaption>
      <svg className={s.svg} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        {[lo, (lo + hi) / 2, hi].map((v) => (
          <g key={v}>
            <line className={s.grid} x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
            <text className={s.axis} x={PAD.left - 4} y={y(v) + 3} textAnchor="end">
              {points(v)}
            </text>
          </g>
        ))}
        <polyline className={s.line} points={series.map((p, i) => `${x(i)},${y(p.score)}`).join(" ")} />
        {series.map((p, i) => {
          const g = colours.get(p.grade);
          return (
            <g key={p.period} data-period={p.period} data-grade={p.grade}>
              <circle
                className={mergeClasses(s.mark, g === undefined ? s.gx : fills[g])}
                cx={x(i)}
                cy={y(p.score)}
                r={7}
              />
              <text className={s.markText} x={x(i)} y={y(p.score) + 3} textAnchor="middle">
                {p.grade.slice(0, 1)}
              </text>
              <text className={s.axis} x={x(i)} y={H - 4} textAnchor="middle">
                {short(p.period)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** Score line with grade marks for one window or person, by month and by quarter. */
export function Trend({ result, entity }: { result: AssessmentResult; entity: EntityRef }) {
  const s = useTrendStyles();
  const { t } = useStrings();
  const { months, quarters } = trend(result, entity);
  const bgs = [s.bg0, s.bg1, s.bg2, s.bg3, s.bg4];
  const colours = gradeColours(result.grades[entity.kind]);
  const legend = legendGrades(result.grades[entity.kind], [...months, ...quarters]);
  return (
    <section className={s.root} aria-label={t.trend} data-testid="trend">
      <Subtitle2 as="h3">{t.trend}</Subtitle2>
      {months.length < 2 && quarters.length < 2 ? (
        <Text>{t.trendNone}</Text>
      ) : (
        <>
          {months.length > 1 && (
            <Chart name={entity.name} what={t.trendMonths} series={months} colours={colours} />
          )}
          {quarters.length > 1 && (
            <Chart name={entity.name} what={t.trendQuarters} series={quarters} colours={colours} />
          )}
          <div className={s.legend} aria-hidden="true">
            {legend.map((g) => {
              const c = colours.get(g);
              return (
                <span key={g} className={s.legendItem}>
                  <span className={mergeClasses(s.swatch, c === undefined ? s.bgx : bgs[c])} />
                  <Text size={200}>{g}</Text>
                </span>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
