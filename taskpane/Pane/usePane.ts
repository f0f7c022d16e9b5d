/** The pane's state and actions; every workbook change goes through the host it is given. */
import { useCallback, useEffect, useMemo, useState } from "react";
import { buildTemplate, runAssessment, runWithRulebook } from "../../src/pipeline";
import { loadRulebookText, problemLines } from "../../src/rules/format";
import { localToday } from "../../src/calendar/today";
import { localStamp } from "../../src/pipeline/fingerprint";
import { printForms } from "../print/printForms";
import { PRINT_STRINGS } from "../print/printStrings";
import { useStale } from "../print/useStale";
import { getProfile, listProfiles, rulebookTitle, type Profile } from "../../src/rules";
import type { FeatureNotice } from "../../src/hosts/excel/runtime";
import type { RunOptions } from "../../src/pipeline/types";
import { errorText } from "../errorText";
import { fill, STRINGS, type Strings } from "../i18n";
import { PROGRESS_STRINGS } from "../i18n/progress";
import { periodId, summaryPeriod } from "../periods";
import { workbookYear } from "../workbookYear";
import type {
  Busy,
  PaneHost,
  PaneMessage,
  PaneProps,
  PaneState,
  PeriodChoice,
  PrintKind,
} from "./Pane.types";

const NOTICE_KEYS: Record<FeatureNotice, keyof Strings> = {
  noNotes: "noticeNoNotes",
  noValidation: "noticeNoValidation",
  noFreeze: "noticeNoFreeze",
  noPageLayout: "noticeNoPageLayout",
};

/** Reads the tabs from the host and scores them on this thread. */
async function assessHere(
  host: PaneHost,
  options: RunOptions,
  setBusy: (b: Busy) => void,
  profile: Profile | undefined,
) {
  const raw = await host.readSheets();
  setBusy("scoring");
  // Let the progress state paint before the synchronous pipeline runs.
  await new Promise((r) => setTimeout(r, 0));
  return (profile ? runWithRulebook(profile) : runAssessment)(raw, options);
}

export function usePane({ host, locale, onWritten, onPrinted }: PaneProps) {
  const t: Strings = STRINGS[locale];
  const stale = useStale(host);
  const [printWho, setPrintWho] = useState<PrintKind>("all");
  const [state, setState] = useState<PaneState>({
    busy: null,
    period: { kind: "all", year: new Date().getFullYear(), index: 1 },
    profile: "",
    messages: [],
    years: [],
  });
  // A rulebook file chosen in the pane: it governs the next runs until it is put aside.
  const [rulebook, setRulebook] = useState<{ file: string; text: string; profile: Profile }>();
  // The workbook's year before any run: the picker never offers a year the workbook does not hold.
  useEffect(() => {
    let live = true;
    workbookYear(host)
      .then((year) => {
        if (live && year !== undefined)
          setState((s) => (s.years.length ? s : { ...s, years: [year], period: { ...s.period, year } }));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [host]);
  // Recomputed each render: a print can reveal a missing feature.
  const notices = (host.notices?.() ?? []).map((n) => t[NOTICE_KEYS[n]]);
  const profiles = useMemo(() => listProfiles().map((p) => p.id), []);

  const setBusy = (busy: Busy) => setState((s) => ({ ...s, busy }));
  const say = (...messages: PaneMessage[]) => setState((s) => ({ ...s, busy: null, messages }));

  /** Runs an action with a busy state; any host failure reaches the user as a message. */
  const guarded = useCallback(
    (busy: Busy, action: () => Promise<void>) => async () => {
      setState((s) => ({ ...s, busy, messages: [] }));
      try {
        await action();
      } catch (error) {
        if (error instanceof Error && error.name === "CancelledError")
          say({ intent: "info", text: PROGRESS_STRINGS[locale].cancelled });
        else say({ intent: "error", text: fill(t.failed, { message: errorText(error, locale) }) });
      }
    },
    [t, locale],
  );

  const run = guarded("reading", async () => {
    const period = periodId(state.period);
    const options: RunOptions = {
      locale,
      asOf: localToday(),
      producedAt: localStamp(),
      ...(period ? { period } : {}),
      ...(state.profile ? { profile: state.profile } : {}),
    };
    if (host.assess) setBusy("scoring");
    const outcome = host.assess
      ? await host.assess(options, rulebook?.text)
      : await assessHere(host, options, setBusy, rulebook?.profile);
    setState((s) => ({
      ...s,
      outcome,
      period: outcome.result ? { ...s.period, year: outcome.result.year } : s.period,
      years: outcome.result ? [outcome.result.year] : s.years,
    }));
    if (!outcome.ok) {
      say({ intent: "error", text: t.errorsNothingWritten });
      return;
    }
    setBusy("writing");
    await host.writeOutputs(outcome.sheets, outcome.flags);
    stale.clear();
    onWritten?.();
    say({
      intent: "success",
      text: fill(t.written, { names: outcome.sheets.map((m) => m.name).join("、") }),
    });
  });

  const newTemplate = guarded("writing", async () => {
    const profile = getProfile(state.profile || "tianyang-2008")!;
    const added = await host.addTemplateTabs(buildTemplate(profile, { year: state.period.year }));
    if (added.length > 0) onWritten?.();
    say({
      intent: added.length ? "success" : "info",
      text: added.length ? fill(t.templateAdded, { names: added.join("、") }) : t.templateNone,
    });
  });

  const clearFlags = guarded("clearing", async () => {
    const n = await host.clearFlags();
    if (n > 0) onWritten?.();
    say({ intent: "success", text: fill(t.flagsCleared, { n }) });
  });

  const locate = useCallback(
    (sheet: string, row: number, column?: number) => {
      host
        .select?.(sheet, row, column)
        .catch((error: unknown) =>
          say({ intent: "error", text: fill(t.failed, { message: errorText(error, locale) }) }),
        );
    },
    [host, t, locale],
  );

  const print = guarded("writing", async () => {
    const { outcome } = state;
    if (!outcome?.result || !outcome.input) {
      say({ intent: "warning", text: t.runFirst });
      return;
    }
    const period = summaryPeriod(outcome.result, state.period) ?? String(outcome.result.year);
    const printed = await printForms(host, outcome, {
      period,
      who: printWho,
      locale,
      ...(rulebook ? { profile: rulebook.profile } : {}),
    });
    if (printed.stale) {
      await stale.check();
      say({ intent: "warning", text: PRINT_STRINGS[locale].staleBeforePrint });
      return;
    }
    onWritten?.();
    onPrinted?.(printed.sheet);
    const how = onPrinted ? "" : ` ${PRINT_STRINGS[locale].printedExcel}`;
    say({ intent: "success", text: fill(t.printed, { name: printed.sheet.name }) + how });
  });

  /** Reads and checks a rulebook file; a broken one is refused with each place named. */
  const loadRulebook = async (file: File) => {
    const text = await file.text();
    const loaded = loadRulebookText(text);
    if (!loaded.ok) {
      setRulebook(undefined);
      const lines = problemLines(file.name, loaded.problems, locale);
      say(
        { intent: "error", text: fill(t.rulebookFileBroken, { file: file.name }) },
        ...lines.map((text): PaneMessage => ({ intent: "error", text })),
      );
      return;
    }
    setRulebook({ file: file.name, text, profile: loaded.profile });
    say({ intent: "info", text: rulebookLoaded(file.name, loaded.profile) });
  };
  const rulebookLoaded = (file: string, profile: Profile) =>
    fill(t.rulebookFileLoaded, { rules: rulebookTitle(profile, locale), file });
  const clearRulebook = () => {
    setRulebook(undefined);
    say();
  };

  const setPeriod = (period: PeriodChoice) => setState((s) => ({ ...s, period }));
  const setProfile = (profile: string) => setState((s) => ({ ...s, profile }));

  return {
    t,
    state,
    notices,
    profiles,
    run,
    newTemplate,
    clearFlags,
    locate,
    print,
    printWho,
    setPrintWho,
    setPeriod,
    setProfile,
    rulebook: rulebook && rulebookLoaded(rulebook.file, rulebook.profile),
    loadRulebook,
    clearRulebook,
    canLocate: Boolean(host.select),
    stale: stale.stale,
  };
}

export type PaneModel = ReturnType<typeof usePane>;
