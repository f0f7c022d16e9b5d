import { Subtitle2, Text } from "@fluentui/react-components";
import type { AssessmentResult } from "../../src/engine/types";
import type { PeriodId } from "../../src/core";
import { gradeCounts, vetoes } from "../explain";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { useListStyles } from "./Lists.styles";
import { GradeChart } from "./GradeChart";

/** Grade counts and their chart for windows, staff and townships, and the number of vetoes. */
export function Summary({ result, period }: { result: AssessmentResult; period: PeriodId | undefined }) {
  const { t } = useStrings();
  const s = useListStyles();
  const groups: [string, string[]][] = [
    [t.windows, result.windows.filter((w) => w.period === period).map((w) => w.grade)],
    [t.staff, result.staff.filter((s) => s.period === period).map((s) => s.grade)],
    [t.townships, result.townships.map((x) => x.grade)],
  ];
  return (
    <section aria-label={t.summary}>
      <Text weight="semibold">
        {result.unit} · {period ?? result.year}
      </Text>
      {groups
        .filter(([, grades]) => grades.length > 0)
        .map(([name, grades]) => (
          <div key={name} className={s.group}>
            <Subtitle2 as="h3">{name}</Subtitle2>
            <GradeChart counts={gradeCounts(grades)} label={fill(t.gradeChart, { what: name })} />
          </div>
        ))}
      <Text as="p" block>
        {fill(t.vetoCount, { n: vetoes(result, period).length })}
      </Text>
    </section>
  );
}
