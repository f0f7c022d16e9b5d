import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Title3,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { Explain } from "../components/Explain";
import { IssueList } from "../components/IssueList";
import { PeriodPicker } from "../components/PeriodPicker";
import { ProgressPanel } from "../components/ProgressPanel";
import { useHostProgress } from "../components/useHostProgress";
import { Summary } from "../components/Summary";
import { VetoList } from "../components/VetoList";
import { summaryPeriod } from "../periods";
import type { PaneProps, PrintKind } from "./Pane.types";
import { usePaneStyles } from "./Pane.styles";
import { usePane } from "./usePane";

type View = "summary" | "issues" | "vetoes" | "explain";

/** The task pane: the same component in Excel and on the standalone page; it only talks to `host`. */
export function Pane(props: PaneProps) {
  const s = usePaneStyles();
  const m = usePane(props);
  const { t, state } = m;
  const [view, setView] = useState<View>("summary");
  const files = useRef<HTMLInputElement>(null);
  const result = state.outcome?.result;
  const period = result ? summaryPeriod(result, state.period) : undefined;
  const onLocate = m.canLocate ? m.locate : undefined;
  const busyText = state.busy ? t[state.busy] : "";
  const progress = useHostProgress(props.host, state.busy);
  const cancel = props.host.cancel ? () => props.host.cancel?.() : undefined;

  const onFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const read = await Promise.all(
      [...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    );
    await m.consolidate(read);
  };

  return (
    <main className={s.root} aria-busy={state.busy !== null}>
      <Title3 as="h1">{t.title}</Title3>
      {m.notices.map((n) => (
        <MessageBar key={n} intent="warning">
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      <div className={s.row}>
        <Field label={t.profile} className={s.field}>
          <Select value={state.profile} onChange={(_, d) => m.setProfile(d.value)}>
            <option value="">{t.profileFromWorkbook}</option>
            {m.profiles.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
        <PeriodPicker t={t} value={state.period} onChange={m.setPeriod} className={s.field} />
        <Field label={t.printWho} className={s.field}>
          <Select value={m.printWho} onChange={(_, d) => m.setPrintWho(d.value as PrintKind)}>
            <option value="all">{t.printAll}</option>
            <option value="windows">{t.printWindows}</option>
            <option value="staff">{t.printStaff}</option>
            <option value="township">{t.printTownship}</option>
          </Select>
        </Field>
      </div>
      <div className={s.row}>
        <Button appearance="primary" onClick={m.run} disabled={state.busy !== null}>
          {t.run}
        </Button>
        <Button onClick={m.newTemplate} disabled={state.busy !== null}>
          {t.newTemplate}
        </Button>
        <Button onClick={m.clearFlags} disabled={state.busy !== null}>
          {t.clearFlags}
        </Button>
        <Button onClick={m.print} disabled={state.busy !== null || !result}>
          {t.print}
        </Button>
        <Button onClick={() => files.current?.click()} disabled={state.busy !== null}>
          {t.consolidate}
        </Button>
        <input
          ref={files}
          className={s.hiddenInput}
          type="file"
          accept=".xlsx"
          multiple
          aria-label={t.pickTownships}
          onChange={(e) => void onFiles(e.target.files)}
        />
      </div>
      {state.busy && (
        <ProgressPanel locale={props.locale} label={busyText} progress={progress} onCancel={cancel} />
      )}
      {state.messages.map((msg, i) => (
        <MessageBar key={i} intent={msg.intent} role="status">
          <MessageBarBody>{msg.text}</MessageBarBody>
        </MessageBar>
      ))}
      {state.outcome && (
        <>
          <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} size="small">
            <Tab value="summary">{t.summary}</Tab>
            <Tab value="issues">{`${t.issues} (${state.outcome.issues.length})`}</Tab>
            {result && <Tab value="vetoes">{t.vetoes}</Tab>}
            {result && <Tab value="explain">{t.explain}</Tab>}
          </TabList>
          <div className={s.tabPanel} role="tabpanel">
            {view === "summary" && result && <Summary t={t} result={result} period={period} />}
            {(view === "issues" || !result) && (
              <IssueList t={t} locale={props.locale} issues={state.outcome.issues} onLocate={onLocate} />
            )}
            {view === "vetoes" && result && (
              <VetoList t={t} result={result} period={period} onLocate={onLocate} />
            )}
            {view === "explain" && result && period && (
              <Explain t={t} result={result} period={period} onLocate={onLocate} />
            )}
          </div>
        </>
      )}
    </main>
  );
}
