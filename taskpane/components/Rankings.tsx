import {
  createTableColumn,
  Field,
  Link,
  mergeClasses,
  Radio,
  RadioGroup,
  SearchBox,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  useTableFeatures,
  useTableSort,
  type TableColumnId,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { AssessmentResult } from "../../src/engine/types";
import type { PeriodId } from "../../src/core";
import type { EntityRef } from "../explain";
import { points } from "../explain";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { distinct, filterRows, rankRows, type RankFilter, type RankRow } from "../rankings";
import { useRankingsStyles } from "./Rankings.styles";

export interface RankingsProps {
  result: AssessmentResult;
  period: PeriodId | undefined;
  onOpen(ref: EntityRef): void;
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const COLUMNS = [
  createTableColumn<RankRow>({ columnId: "rank", compare: (a, b) => a.rank - b.rank }),
  createTableColumn<RankRow>({ columnId: "name", compare: (a, b) => text(a.name, b.name) }),
  createTableColumn<RankRow>({ columnId: "window", compare: (a, b) => text(a.window, b.window) }),
  createTableColumn<RankRow>({ columnId: "score", compare: (a, b) => a.score - b.score }),
  createTableColumn<RankRow>({ columnId: "grade", compare: (a, b) => a.rank - b.rank }),
  createTableColumn<RankRow>({
    columnId: "eligible",
    compare: (a, b) => Number(b.eligible) - Number(a.eligible),
  }),
  createTableColumn<RankRow>({
    columnId: "vetoes",
    compare: (a, b) => a.reasons.length - b.reasons.length,
  }),
  createTableColumn<RankRow>({
    columnId: "tie",
    compare: (a, b) => Number(b.tiePending) - Number(a.tiePending),
  }),
];

/** Who is where in the chosen period: windows or staff, sortable, filtered by window and grade, searchable. */
export function Rankings({ result, period, onOpen }: RankingsProps) {
  const s = useRankingsStyles();
  const { t } = useStrings();
  const [kind, setKind] = useState<"window" | "staff">("window");
  const [filter, setFilter] = useState<RankFilter>({ window: "", grade: "", search: "" });
  const all = useMemo(() => rankRows(result, kind, period), [result, kind, period]);
  const rows = useMemo(() => filterRows(all, filter), [all, filter]);
  const windows = useMemo(() => distinct(all.map((r) => r.window)), [all]);
  const grades = useMemo(() => distinct(all.map((r) => r.grade)), [all]);

  const {
    getRows,
    sort: { getSortDirection, toggleColumnSort, sort },
  } = useTableFeatures({ columns: COLUMNS, items: rows }, [
    useTableSort({ defaultSortState: { sortColumn: "rank", sortDirection: "ascending" } }),
  ]);
  const sorted = sort(getRows());
  const header = (id: TableColumnId) => ({
    onClick: (e: React.MouseEvent) => toggleColumnSort(e, id),
    sortDirection: getSortDirection(id),
  });
  const what = kind === "window" ? t.windows : t.staff;
  const open = (r: RankRow) => onOpen({ key: r.key, kind: r.kind, name: r.name });

  return (
    <section className={s.root} aria-label={fill(t.rankingOf, { period: period ?? result.year })}>
      <Text weight="semibold">
        {result.unit} · {fill(t.rankingOf, { period: period ?? result.year })}
      </Text>
      <RadioGroup
        layout="horizontal"
        value={kind}
        aria-label={t.ranking}
        onChange={(_, d) => {
          setKind(d.value as "window" | "staff");
          setFilter({ window: "", grade: "", search: "" });
        }}
      >
        <Radio value="window" label={t.windows} />
        <Radio value="staff" label={t.staff} />
      </RadioGroup>
      <div className={s.filters}>
        <Field label={kind === "window" ? t.colDepartment : t.filterWindow} className={s.filter}>
          <Select
            className={s.select}
            select={{ className: s.select }}
            value={filter.window}
            onChange={(_, d) => setFilter({ ...filter, window: d.value })}
          >
            <option value="">{t.filterAll}</option>
            {windows.map((w) => (
              <option key={w} value={w}>
                {w}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.filterGrade} className={s.filter}>
          <Select
            className={s.select}
            select={{ className: s.select }}
            value={filter.grade}
            onChange={(_, d) => setFilter({ ...filter, grade: d.value })}
          >
            <option value="">{t.filterAll}</option>
            {grades.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t.search} className={s.search}>
          <SearchBox value={filter.search} onChange={(_, d) => setFilter({ ...filter, search: d.value })} />
        </Field>
      </div>
      <Text className={s.count} aria-live="polite">
        {fill(t.rowsShown, { n: rows.length, total: all.length })}
      </Text>
      <div className={s.scroller} role="region" aria-label={fill(t.tableRegion, { what })} tabIndex={0}>
        <Table size="small" sortable className={s.table} aria-label={fill(t.tableRegion, { what })}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell {...header("rank")}>{t.colRank}</TableHeaderCell>
              <TableHeaderCell {...header("name")}>{t.colName}</TableHeaderCell>
              <TableHeaderCell {...header("window")}>
                {kind === "window" ? t.colDepartment : t.colWindow}
              </TableHeaderCell>
              <TableHeaderCell {...header("score")}>{t.colScore}</TableHeaderCell>
              <TableHeaderCell {...header("grade")}>{t.colGrade}</TableHeaderCell>
              <TableHeaderCell {...header("eligible")}>{t.colEligible}</TableHeaderCell>
              <TableHeaderCell {...header("vetoes")}>{t.colVetoes}</TableHeaderCell>
              <TableHeaderCell {...header("tie")}>{t.colTie}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {sorted.map(({ item: r }) => (
              <TableRow key={r.key} className={s.row} onClick={() => open(r)} data-testid="rank-row">
                <TableCell className={s.number}>{r.rank}</TableCell>
                <TableCell className={s.nowrap}>
                  <Link
                    as="button"
                    aria-label={fill(t.openExplanation, { name: r.name })}
                    onClick={(e) => {
                      e.stopPropagation();
                      open(r);
                    }}
                  >
                    {r.name}
                  </Link>
                </TableCell>
                <TableCell className={s.nowrap}>{r.window}</TableCell>
                <TableCell className={s.number}>{points(r.score)}</TableCell>
                <TableCell className={s.nowrap}>{r.grade}</TableCell>
                <TableCell className={mergeClasses(s.nowrap, !r.eligible && s.notEligible)}>
                  {r.eligible ? t.yes : t.no}
                </TableCell>
                <TableCell className={s.reasons}>{r.reasons.map((x) => x.code).join("、")}</TableCell>
                <TableCell className={r.tiePending ? s.tie : undefined}>
                  {r.tiePending ? t.tieOpen : ""}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {rows.length === 0 && <Text>{t.noRows}</Text>}
      </div>
    </section>
  );
}
