import { Button, Field, Select, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import type { AssessmentResult } from "../../src/engine/types";
import type { PeriodId } from "../../src/core";
import { getProfile } from "../../src/rules";
import { derivedSourceLabel, entities, explain, noteLabel, points, sourceText } from "../explain";
import { fill, type Strings } from "../i18n";

export interface ExplainProps {
  t: Strings;
  result: AssessmentResult;
  period: PeriodId;
  onLocate?: (sheet: string, row: number, column?: number) => void;
}

/** Every audit line behind one window's or person's score, and why they are or are not eligible for 优秀. */
export function Explain({ t, result, period, onLocate }: ExplainProps) {
  const all = entities(result);
  const [key, setKey] = useState(all[0]?.key ?? "");
  const ref = all.find((e) => e.key === key);
  const ex = ref ? explain(result, ref, period) : undefined;
  const interpretations = getProfile(result.profile)?.interpretations ?? [];
  return (
    <section aria-label={t.explain}>
      <Field label={t.chooseEntity}>
        <Select value={key} onChange={(_, d) => setKey(d.value)}>
          {all.map((e) => (
            <option key={e.key} value={e.key}>
              {e.kind === "window" ? `${t.windows}：` : `${t.staff}：`}
              {e.name}
            </option>
          ))}
        </Select>
      </Field>
      {ex && (
        <div data-testid="explanation">
          <Text as="p" block weight="semibold">
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
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {ex.reasons.map((r, i) => (
                  <li key={i}>
                    {r.code} {r.text}（{r.sources.map(sourceText).join("，")}）
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
          <Subtitle2 as="h3">{t.auditLines}</Subtitle2>
          {ex.lines.length === 0 ? (
            <Text as="p" block>
              {t.noAudit}
            </Text>
          ) : (
            <div style={{ overflowX: "auto" }}>
              <table style={{ borderCollapse: "collapse", fontSize: 12, width: "100%" }}>
                <thead>
                  <tr>
                    {[t.colDate, t.colCode, t.colText, t.colQuantity, t.colPoints, t.colSource].map((h) => (
                      <th
                        key={h}
                        style={{ textAlign: "left", borderBottom: "1px solid #ccc", padding: "2px 4px" }}
                      >
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {ex.lines.map((l, i) => (
                    <tr key={i}>
                      <td style={{ padding: "2px 4px", whiteSpace: "nowrap" }}>{l.date ?? ""}</td>
                      <td style={{ padding: "2px 4px" }}>{l.code}</td>
                      <td style={{ padding: "2px 4px" }}>
                        {l.text}
                        {l.note ? `（${noteLabel(l.note, t)}）` : ""}
                      </td>
                      <td style={{ padding: "2px 4px" }}>{l.quantity}</td>
                      <td style={{ padding: "2px 4px" }}>{points(l.points)}</td>
                      <td style={{ padding: "2px 4px" }}>
                        {l.source && onLocate ? (
                          <Button
                            size="small"
                            onClick={() => onLocate(l.source!.sheet, l.source!.row, l.source!.column)}
                          >
                            {sourceText(l.source)}
                          </Button>
                        ) : (
                          sourceText(l.source) || derivedSourceLabel(l.note, t)
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {interpretations.length > 0 && (
            <details style={{ marginTop: 8 }}>
              <summary>{t.interpretations}</summary>
              <ul style={{ margin: 0, paddingLeft: 16 }}>
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
