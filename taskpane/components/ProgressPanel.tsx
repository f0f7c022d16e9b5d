/** A long step's progress: what is being done, how far (when known), and 取消 when it can be stopped. */
import { Button, Field, ProgressBar } from "@fluentui/react-components";
import type { Locale } from "../../src/core";
import type { Progress } from "../../src/workbook/progress";
import { fill } from "../i18n";
import { PROGRESS_STRINGS } from "../i18n/progress";
import { useProgressPanelStyles } from "./ProgressPanel.styles";

export interface ProgressPanelProps {
  locale: Locale;
  /** What is being done. */
  label: string;
  /** How far; an indeterminate bar without it. */
  progress?: Progress;
  onCancel?: () => void;
}

export function ProgressPanel({ locale, label, progress, onCancel }: ProgressPanelProps) {
  const s = useProgressPanelStyles();
  const p = PROGRESS_STRINGS[locale];
  const value = progress ? Math.min(1, progress.done / Math.max(1, progress.total)) : undefined;
  const text = value === undefined ? label : fill(p.percent, { label, n: Math.floor(value * 100) });
  return (
    <div className={s.root}>
      <Field className={s.bar} validationMessage={text} validationState="none">
        <ProgressBar aria-label={label} value={value} max={1} />
      </Field>
      {onCancel && (
        <Button className={s.cancel} onClick={onCancel}>
          {p.cancel}
        </Button>
      )}
    </div>
  );
}
