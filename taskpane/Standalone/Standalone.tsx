import {
  Button,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Locale } from "../../src/pipeline/types";
import { fill, STRINGS } from "../i18n";
import { Pane } from "../Pane/Pane";
import { ProgressPanel } from "../components/ProgressPanel";
import { useStandalone } from "./useStandalone";

const useStyles = makeStyles({
  top: {
    display: "flex",
    flexDirection: "column",
    rowGap: "8px",
    padding: "12px 12px 0",
    maxWidth: "960px",
    boxSizing: "border-box",
  },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: "6px",
    padding: "16px",
    textAlign: "center",
    cursor: "pointer",
  },
  dragging: { backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", flexWrap: "wrap", columnGap: "8px", rowGap: "8px", alignItems: "flex-end" },
});

/** The pane outside Excel: open or drop a workbook, score it with the same pipeline, download the result. */
export function Standalone({ initialLocale }: { initialLocale: Locale }) {
  const s = useStyles();
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const t = STRINGS[locale];
  const m = useStandalone(locale);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  return (
    <>
      <div className={s.top}>
        <Text>{t.standaloneIntro}</Text>
        <div className={s.row}>
          <Field label={t.language}>
            <Select value={locale} onChange={(_, d) => setLocale(d.value as Locale)}>
              <option value="zh-CN">简体中文</option>
              <option value="zh-TW">繁體中文</option>
              <option value="en">English</option>
            </Select>
          </Field>
          <Button onClick={() => input.current?.click()} disabled={Boolean(m.busy)}>
            {t.openFiles}
          </Button>
          {m.file && m.written && (
            <Button appearance="primary" onClick={() => void m.download()} disabled={Boolean(m.busy)}>
              {t.download}
            </Button>
          )}
        </div>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          aria-label={t.openFiles}
          style={{ display: "none" }}
          onChange={(e) => {
            void m.open(e.target.files?.[0]);
            // The same file may be chosen again (after a cancel, or changed on disk).
            e.target.value = "";
          }}
        />
        <div
          className={dragging ? `${s.drop} ${s.dragging}` : s.drop}
          role="button"
          tabIndex={0}
          onClick={() => input.current?.click()}
          onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && input.current?.click()}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void m.open(e.dataTransfer.files[0]);
          }}
        >
          {m.file ? fill(t.opened, { name: m.file.name }) : t.dropHere}
        </div>
        {m.busy && (
          <ProgressPanel
            locale={locale}
            label={m.busy.label}
            progress={m.busy.progress}
            onCancel={m.busy.cancel}
          />
        )}
        {m.notice && (
          <MessageBar intent="info">
            <MessageBarBody>{m.notice}</MessageBarBody>
          </MessageBar>
        )}
        {m.error && (
          <MessageBar intent="error">
            <MessageBarBody style={{ whiteSpace: "pre-wrap" }}>{m.error}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {m.file && <Pane key={m.file.generation} host={m.file.host} locale={locale} onWritten={m.onWritten} />}
    </>
  );
}
