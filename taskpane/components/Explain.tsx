import {
  Button,
  Combobox,
  Field,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { AssessmentResult } from "../../src/engine/types";
import type { PeriodId } from "../../src/core";
import { getProfile, rulebookTitle } from "../../src/rules";
import { matchKey } from "../../src/workbook/text";
import {
  derivedSourceLabel,
  entities,
  explain,
  noteLabel,
  points,
  sourceText,
  type EntityRef,
} from "../explain";
import { reasonText } from "../../src/workbook/messages/reasons";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { useExplainStyles } from "./Explain.styles";
import { Trend } from "./Trend";

export interface ExplainProps {
  result: AssessmentResult;
  period: PeriodId;
  /** The chosen window or person (the ranking's row); the first one when absent. */
  entityKey?: string;
  onEntity(key: string): void;
  onLocate?: (sheet: string, row: number, column?: number) => void;
  /** Move the focus to the heading on mount (opened from a ranking row, so the keyboard follows). */
  autoFocus?: boolean;
}

/** Every audit line behind one window's or person's score, and why they are or are not eligible for 优秀. */
export function Explain({ result, period, entityKey, onEntity, onLocate, autoFocus }: ExplainProps) {
  const s = useExplainStyles();
  const { t, locale } = useStrings();
  const all = useMemo(() => entities(result), [result]);
  const ref = all.find((e) => e.key === entityKey) ?? all[0];
  const label = (e: EntityRef) =>
    fill(e.kind === "window" ? t.entityWindow : t.entityStaff, { name: e.name });
  const [query, setQuery] = useState<string>();
  const shown = query ?? (ref ? label(ref) : "");
  const q = matchKey(query ?? "");
  const options = q === "" ? all : all.filter((e) => matchKey(label(e)).includes(q));
  const ex = ref ? explain(result, ref, period) : undefined;
  const interpretations = getProfile(result.profile)?.interpretations ?? [];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [autoFocus]);
  return (
    <section className={s.root} aria-label={fill(t.explainFor, { period })}>
      <h2 ref={heading} tabIndex={-1} className={s.heading}>
        {fill(t.explainFor, { period })}
      </h2>
      <Text as="p" block data-testid="explain-rulebook">
        {fill(t.rulebookLine, {
          rules: rulebookTitle(
            result.rulebook ?? getProfile(result.profile) ?? { name: result.profile },
            locale,
          ),
        })}
      </Text>
      <Field label={t.chooseEntity} className={s.picker}>
        <Combobox
          className={s.combobox}
          value={shown}
          selectedOptions={ref ? [ref.key] : []}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            // Typing text no option starts with clears the selection: keep the query, keep the entity.
            if (!d.optionValue) return;
            onEntity(d.optionValue);
            setQuery(undefined);
          }}
          onOpenChange={(_, d) => !d.open && setQuery(undefined)}
        >
          {options.map((e) => (
            <Option key={e.key} value={e.key} text={label(e)}>
              {label(e)}
            </Option>
          ))}
          {options.length === 0 && (
            <Option key="none" value="" text={t.noMatch} disabled>
              {t.noMatch}
            </Option>
          )}
        </Combobox>
      </Field>
      {ex && ref && (
        <div data-testid="explanation" className={s.root}>
          <Text as="p" block weight="semibold">
            {label(ref)} · {period} ·{" "}
            {fill(t.entityScore, { score: points(ex.score), rank: ex.rank, grade: ex.grade })}
          </Text>
          {ex.eligible ? (
            <Text as="p" block>
              {t.eligible}
            </Text>
          ) : (
            <>
              <Text as="p" block>
                {t.notEligible}
              </Text>
              <ul className={s.list}>
                {ex.reasons.map((r, i) => (
                  <li key={i}>
                    {r.code} {reasonText(r, locale)}（{r.sources.map(sourceText).join("，")}）
                  </li>
                ))}
              </ul>
            </>
          )}
          {ex.tiePending && (
            <Text as="p" block>
              {t.tiePending}
            </Text>
          )}
          <Trend result={result} entity={ref} />
          <Subtitle2 as="h3">{t.auditLines}</Subtitle2>
          {ex.lines.length === 0 ? (
            <Text as="p" block>
              {t.noAudit}
            </Text>
          ) : (
            <div className={s.scroller} role="region" aria-label={t.auditLines} tabIndex={0}>
              <Table size="extra-small" className={s.table} aria-label={t.auditLines}>
                <TableHeader>
                  <TableRow>
                    {[t.colDate, t.colCode, t.colText, t.colQuantity, t.colPoints, t.colSource].map((h) => (
                      <TableHeaderCell key={h}>{h}</TableHeaderCell>
                    ))}
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {ex.lines.map((l, i) => (
                    <TableRow key={i}>
                      <TableCell className={s.nowrap}>{l.date ?? ""}</TableCell>
                      <TableCell className={s.nowrap}>{l.code}</TableCell>
                      <TableCell className={s.text}>
                        {l.text}
                        {l.note ? `（${noteLabel(l.note, t)}）` : ""}
                      </TableCell>
                      <TableCell>{l.quantity}</TableCell>
                      <TableCell className={s.nowrap}>{points(l.points)}</TableCell>
                      <TableCell className={s.nowrap}>
                        {l.source && onLocate ? (
                          <Button
                            size="small"
                            aria-label={fill(t.locateAt, { place: sourceText(l.source) })}
                            onClick={() => onLocate(l.source!.sheet, l.source!.row, l.source!.column)}
                          >
                            {sourceText(l.source)}
                          </Button>
                        ) : (
                          sourceText(l.source) || derivedSourceLabel(l.note, t)
                        )}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          {interpretations.length > 0 && (
            <details className={s.details}>
              <summary>{t.interpretations}</summary>
              <ul className={s.list}>
                {interpretations.map((x, i) => (
                  <li key={i}>{x}</li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
