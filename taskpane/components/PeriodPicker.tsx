import { Field, Select } from "@fluentui/react-components";
import { useStrings } from "../i18n/StringsContext";
import type { PeriodChoice, PeriodKind } from "../Pane/Pane.types";

export interface PeriodPickerProps {
  value: PeriodChoice;
  /** The workbook's year(s) from 考核设置; empty while unknown (only 全年（各期） can be chosen then). */
  years: number[];
  onChange(value: PeriodChoice): void;
  className?: string;
}

/** Month / quarter / year / whole year, within the workbook's year: never a year the workbook does not hold. */
export function PeriodPicker({ value, years, onChange, className }: PeriodPickerProps) {
  const { t } = useStrings();
  const kinds: [PeriodKind, string][] = [
    ["all", t.periodAll],
    ["month", t.periodMonth],
    ["quarter", t.periodQuarter],
    ["year", t.periodYear],
  ];
  const known = years.length > 0;
  const count = value.kind === "month" ? 12 : value.kind === "quarter" ? 4 : 0;
  return (
    <>
      <Field label={t.period} className={className} hint={known ? undefined : t.periodYearNone}>
        <Select
          value={value.kind}
          onChange={(_, d) =>
            onChange({ ...value, kind: d.value as PeriodKind, index: 1, year: years[0] ?? value.year })
          }
        >
          {kinds.map(([k, label]) => (
            <option key={k} value={k} disabled={!known && k !== "all"}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {value.kind !== "all" && known && (
        <Field label={t.year} className={className}>
          <Select
            value={String(value.year)}
            onChange={(_, d) => onChange({ ...value, year: Number(d.value) })}
          >
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {count > 0 && known && (
        <Field label={value.kind === "month" ? t.month : t.quarter} className={className}>
          <Select
            value={String(value.index)}
            onChange={(_, d) => onChange({ ...value, index: Number(d.value) })}
          >
            {Array.from({ length: count }, (_, i) => (
              <option key={i} value={String(i + 1)}>
                {value.kind === "month" ? `${i + 1}` : `Q${i + 1}`}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
