import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Text,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Locale } from "../../src/core";
import type { SheetModel } from "../../src/workbook/types";
import { County } from "../County/County";
import { useCounty } from "../County/useCounty";
import { DropZone } from "../components/DropZone";
import { fill } from "../i18n";
import { StringsProvider, useStrings } from "../i18n/StringsContext";
import { Pane } from "../Pane/Pane";
import { ProgressPanel } from "../components/ProgressPanel";
import { PrintPreview } from "../print/PrintPreview";
import { useStandaloneStyles } from "./Standalone.styles";
import { useStandalone } from "./useStandalone";

type Mode = "assess" | "county";

/**
 * The pane outside Excel: open or drop a workbook, score it with the same pipeline, download the result;
 * or consolidate township workbooks without opening any workbook.
 */
export function Standalone({ initialLocale }: { initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  return (
    <StringsProvider locale={locale}>
      <Page locale={locale} setLocale={setLocale} />
    </StringsProvider>
  );
}

function Page({ locale, setLocale }: { locale: Locale; setLocale(l: Locale): void }) {
  const s = useStandaloneStyles();
  const { t } = useStrings();
  const m = useStandalone(locale);
  const county = useCounty(locale);
  const [mode, setMode] = useState<Mode>("assess");
  const input = useRef<HTMLInputElement>(null);
  // Forms shown belong to the workbook they were printed from: another workbook hides them.
  const [printed, setPrinted] = useState<{ sheet: SheetModel; generation: number }>();
  const preview = printed && printed.generation === m.file?.generation ? printed.sheet : undefined;
  return (
    <>
      <div className={s.top}>
        <Text>{t.standaloneIntro}</Text>
        <div className={s.row}>
          <Field label={t.language}>
            <Select
              value={locale}
              onChange={(_, d) => {
                setLocale(d.value as Locale);
                document.documentElement.lang = d.value;
              }}
            >
              <option value="zh-CN">简体中文</option>
              <option value="zh-TW">繁體中文</option>
              <option value="en">English</option>
            </Select>
          </Field>
        </div>
        <TabList
          className={s.tabs}
          selectedValue={mode}
          onTabSelect={(_, d) => setMode(d.value as Mode)}
          aria-label={t.title}
        >
          <Tab value="assess" id="page-tab-assess" aria-controls="page-panel-assess">
            {t.modeAssess}
          </Tab>
          <Tab value="county" id="page-tab-county" aria-controls="page-panel-county">
            {t.modeCounty}
          </Tab>
        </TabList>
      </div>
      {/* Both panels stay mounted: switching keeps the scored workbook and the county files. */}
      <div
        role="tabpanel"
        id="page-panel-county"
        aria-labelledby="page-tab-county"
        className={s.county}
        hidden={mode !== "county"}
      >
        <County m={county} />
      </div>
      <div
        role="tabpanel"
        id="page-panel-assess"
        aria-labelledby="page-tab-assess"
        hidden={mode !== "assess"}
      >
        <>
          <div className={s.top}>
            <div className={s.row}>
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
              className={s.hidden}
              onChange={(e) => {
                void m.open(e.target.files?.[0]);
                // The same file may be chosen again (after a cancel, or changed on disk).
                e.target.value = "";
              }}
            />
            <DropZone onPick={() => input.current?.click()} onFiles={(f) => void m.open(f[0])}>
              {m.file ? fill(t.opened, { name: m.file.name }) : t.dropHere}
            </DropZone>
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
              <MessageBar intent="error" role="alert">
                <MessageBarBody className={s.error}>{m.error}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          {m.file && (
            <Pane
              key={m.file.generation}
              host={m.file.host}
              locale={locale}
              onWritten={m.onWritten}
              onConsolidate={() => setMode("county")}
              onPrinted={(sheet) => m.file && setPrinted({ sheet, generation: m.file.generation })}
            />
          )}
          {preview && <PrintPreview sheet={preview} locale={locale} onClose={() => setPrinted(undefined)} />}
        </>
      </div>
    </>
  );
}
