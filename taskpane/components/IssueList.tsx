import { Button, Text } from "@fluentui/react-components";
import type { Issue } from "../../src/core";
import { cellAddress } from "../../src/workbook/cells";
import { formatIssue } from "../../src/workbook/messages";
import { fill } from "../i18n";
import { useStrings } from "../i18n/StringsContext";
import { useListStyles } from "./Lists.styles";

export interface IssueListProps {
  issues: Issue[];
  onLocate?: (sheet: string, row: number, column?: number) => void;
}

/** Every issue with its located message and, in Excel, a 定位 button. */
export function IssueList({ issues, onLocate }: IssueListProps) {
  const { t, locale } = useStrings();
  const s = useListStyles();
  if (issues.length === 0) return <Text>{t.noIssues}</Text>;
  return (
    <ul aria-label={t.issues} className={s.list}>
      {issues.map((issue, i) => (
        <li key={i} className={s.item}>
          <Text className={issue.severity === "error" ? s.error : undefined}>
            {formatIssue(issue, locale)}
          </Text>{" "}
          {onLocate && issue.sheet && issue.row ? (
            <Button
              size="small"
              aria-label={fill(t.locateAt, { place: cellAddress(issue.sheet, issue.row, issue.column) })}
              onClick={() => onLocate(issue.sheet!, issue.row!, issue.column)}
            >
              {t.locate}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
