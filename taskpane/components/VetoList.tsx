import { Button, Text } from "@fluentui/react-components";
import type { AssessmentResult } from "../../src/engine/types";
import type { PeriodId } from "../../src/core";
import { sourceText, vetoes } from "../explain";
import { reasonText } from "../../src/workbook/messages/reasons";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { useListStyles } from "./Lists.styles";

export interface VetoListProps {
  result: AssessmentResult;
  period: PeriodId | undefined;
  onLocate?: (sheet: string, row: number, column?: number) => void;
}

/** Who lost 评优资格 and why, each reason with the rows behind it. */
export function VetoList({ result, period, onLocate }: VetoListProps) {
  const { t, locale } = useStrings();
  const c = useListStyles();
  const items = vetoes(result, period);
  if (items.length === 0) return <Text>{t.noVetoes}</Text>;
  return (
    <ul aria-label={t.vetoes} className={c.list}>
      {items.map((v, i) => (
        <li key={i} className={c.item}>
          <Text weight="semibold">{v.entity}</Text>{" "}
          <Text>
            {v.reason.code} {reasonText(v.reason, locale)}（{v.reason.period}）
          </Text>
          {v.reason.sources.map((s, j) =>
            onLocate ? (
              <Button
                key={j}
                size="small"
                aria-label={fill(t.locateAt, { place: sourceText(s) })}
                className={c.locate}
                onClick={() => onLocate(s.sheet, s.row, s.column)}
              >
                {t.locate} {sourceText(s)}
              </Button>
            ) : (
              <Text key={j}> {sourceText(s)}</Text>
            ),
          )}
        </li>
      ))}
    </ul>
  );
}
