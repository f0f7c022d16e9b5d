import { Field, Input, Select } from "@fluentui/react-components";
import type { Strings } from "../i18n";
import type { PeriodChoice, PeriodKind } from "../Pane/Pane.types";

export interface PeriodPickerProps {
  t: Strings;
  value: PeriodChoice;
  onChange(value: PeriodChoice): void;
  className?: string;
}

/** Month / quarter / year / whole year, with the year and the month or quarter. */
export function PeriodPicker({ t, value, onChange, className }: PeriodPickerProps) {
  const kinds: [PeriodKind, string][] = [
    ["all", t.periodAll],
    ["month", t.periodMonth],
    ["quarter", t.periodQuarter],
    ["year", t.periodYear],
  ];
  const count = value.kind === "month" ? 12 : value.kind === "quarter" ? 4 : 0;
  return (
    <>
      <Field label={t.period} className={className}>
        <Select
          value={value.kind}
          onChange={(_, d) => onChange({ ...value, kind: d.value as PeriodKind, index: 1 })}
        >
          {kinds.map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {value.kind !== "all" && (
        <Field label={t.year} className={className}>
          <Input
            type="number"
            value={String(value.year)}
            onChange={(_, d) => onChange({ ...value, year: Number(d.value) || value.year })}
          />
        </Field>
      )}
      {count > 0 && (
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
