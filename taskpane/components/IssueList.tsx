import { Button, Text } from "@fluentui/react-components";
import type { Issue, Locale } from "../../src/core";
import { formatIssue } from "../../src/workbook/messages";
import type { Strings } from "../i18n";

export interface IssueListProps {
  t: Strings;
  locale: Locale;
  issues: Issue[];
  onLocate?: (sheet: string, row: number, column?: number) => void;
}

/** Every issue with its located message and, in Excel, a 定位 button. */
export function IssueList({ t, locale, issues, onLocate }: IssueListProps) {
  if (issues.length === 0) return <Text>{t.noIssues}</Text>;
  return (
    <ul aria-label={t.issues} style={{ paddingLeft: 16, margin: 0 }}>
      {issues.map((issue, i) => (
        <li key={i} style={{ marginBottom: 6 }}>
          <Text style={{ color: issue.severity === "error" ? "#A4262C" : undefined }}>
            {formatIssue(issue, locale)}
          </Text>{" "}
          {onLocate && issue.sheet && issue.row ? (
            <Button size="small" onClick={() => onLocate(issue.sheet!, issue.row!, issue.column)}>
              {t.locate}
            </Button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
