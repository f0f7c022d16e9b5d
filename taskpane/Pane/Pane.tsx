import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
} from "@fluentui/react-components";
import { useRef, useState } from "react";
import { County } from "../County/County";
import { useCounty } from "../County/useCounty";
import { Explain } from "../components/Explain";
import { IssueList } from "../components/IssueList";
import { PeriodPicker } from "../components/PeriodPicker";
import { Rankings } from "../components/Rankings";
import { ProgressPanel } from "../components/ProgressPanel";
import { useHostProgress } from "../components/useHostProgress";
import { Summary } from "../components/Summary";
import { VetoList } from "../components/VetoList";
import { StringsProvider } from "../i18n/StringsContext";
import { StaleNotice } from "../print/StaleNotice";
import { summaryPeriod } from "../periods";
import type { PaneProps, PrintKind } from "./Pane.types";
import { usePaneStyles } from "./Pane.styles";
import { usePane } from "./usePane";

type View = "ranking" | "summary" | "issues" | "vetoes" | "explain";

/** The task pane: the same component in Excel and on the standalone page; it only talks to `host`. */
export function Pane(props: PaneProps) {
  return (
    <StringsProvider locale={props.locale}>
      <PaneBody {...props} />
    </StringsProvider>
  );
}

function PaneBody(props: PaneProps) {
  const s = usePaneStyles();
  const m = usePane(props);
  const rulebookInput = useRef<HTMLInputElement>(null);
  const county = useCounty(props.locale, props.host);
  const { t, state } = m;
  const [view, setView] = useState<View>("ranking");
  const [countyOpen, setCountyOpen] = useState(false);
  const [entity, setEntity] = useState<string>();
  const [fromRow, setFromRow] = useState(false);
  const result = state.outcome?.result;
  const period = result ? summaryPeriod(result, state.period) : undefined;
  const onLocate = m.canLocate ? m.locate : undefined;
  const busyText = state.busy ? t[state.busy] : "";
  const shown: View = result ? view : "issues";
  const progress = useHostProgress(props.host, state.busy);
  const cancel = props.host.cancel ? () => props.host.cancel?.() : undefined;

  const run = async () => {
    setCountyOpen(false);
    await m.run();
    setView("ranking");
  };
  const tab = (v: View, label: string) => (
    <Tab value={v} id={`pane-tab-${v}`} aria-controls="pane-tabpanel">
      {label}
    </Tab>
  );

  return (
    <main className={s.root} aria-busy={state.busy !== null || county.busy}>
      <Title3 as="h1">{t.title}</Title3>
      {m.stale && <StaleNotice locale={props.locale} onRescore={m.run} busy={state.busy !== null} />}
      {m.notices.map((n) => (
        <MessageBar key={n} intent="warning" layout="multiline">
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
        <div className={s.field}>
          <Button onClick={() => rulebookInput.current?.click()} disabled={state.busy !== null}>
            {t.rulebookFile}
          </Button>
          <input
            ref={rulebookInput}
            type="file"
            accept=".json,application/json"
            className={s.hiddenInput}
            data-testid="rulebook-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = "";
              if (file) void m.loadRulebook(file);
            }}
          />
        </div>
        <PeriodPicker value={state.period} years={state.years} onChange={m.setPeriod} className={s.field} />
        <Field label={t.printWho} className={s.field}>
          <Select value={m.printWho} onChange={(_, d) => m.setPrintWho(d.value as PrintKind)}>
            <option value="all">{t.printAll}</option>
            <option value="windows">{t.printWindows}</option>
            <option value="staff">{t.printStaff}</option>
            <option value="township">{t.printTownship}</option>
          </Select>
        </Field>
      </div>
      {m.rulebook && (
        <div className={s.row} data-testid="rulebook-loaded">
          <Text>{m.rulebook}</Text>
          <Button size="small" onClick={m.clearRulebook} disabled={state.busy !== null}>
            {t.rulebookFileClear}
          </Button>
        </div>
      )}
      <div className={s.row}>
        <Button appearance="primary" onClick={() => void run()} disabled={state.busy !== null}>
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
        <Button
          onClick={() => (props.onConsolidate ? props.onConsolidate() : setCountyOpen((o) => !o))}
          disabled={state.busy !== null}
          aria-expanded={props.onConsolidate ? undefined : countyOpen}
        >
          {t.consolidate}
        </Button>
      </div>
      {state.busy && (
        <ProgressPanel locale={props.locale} label={busyText} progress={progress} onCancel={cancel} />
      )}
      {state.messages.map((msg, i) => (
        <MessageBar
          key={i}
          intent={msg.intent}
          layout="multiline"
          role={msg.intent === "error" ? "alert" : "status"}
        >
          <MessageBarBody>{msg.text}</MessageBarBody>
        </MessageBar>
      ))}
      {countyOpen && <County m={county} />}
      {state.outcome && !countyOpen && (
        <>
          <TabList
            selectedValue={shown}
            onTabSelect={(_, d) => {
              setFromRow(false);
              setView(d.value as View);
            }}
            size="small"
            className={s.tabs}
            aria-label={t.title}
          >
            {result && tab("ranking", t.ranking)}
            {result && tab("summary", t.summary)}
            {tab("issues", `${t.issues} (${state.outcome.issues.length})`)}
            {result && tab("vetoes", t.vetoes)}
            {result && tab("explain", t.explain)}
          </TabList>
          <div
            className={s.tabPanel}
            role="tabpanel"
            id="pane-tabpanel"
            aria-labelledby={`pane-tab-${shown}`}
          >
            {shown === "ranking" && result && (
              <Rankings
                result={result}
                period={period}
                onOpen={(ref) => {
                  setEntity(ref.key);
                  setFromRow(true);
                  setView("explain");
                }}
              />
            )}
            {shown === "summary" && result && <Summary result={result} period={period} />}
            {shown === "issues" && <IssueList issues={state.outcome.issues} onLocate={onLocate} />}
            {shown === "vetoes" && result && <VetoList result={result} period={period} onLocate={onLocate} />}
            {shown === "explain" && result && period && (
              <Explain
                result={result}
                period={period}
                entityKey={entity}
                onEntity={setEntity}
                onLocate={onLocate}
                autoFocus={fromRow}
              />
            )}
          </div>
        </>
      )}
    </main>
  );
}
