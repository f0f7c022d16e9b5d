/** Opening .xlsx files in the browser and downloading the scored copy; the file never leaves the machine. */
import { useRef, useState } from "react";
import { fileIssueMessage } from "../../src/workbook/messages/fileMessages";
import type { Locale } from "../../src/core";
import { formatIssue } from "../../src/workbook/messages";
import type { Progress } from "../../src/workbook/progress";
import { errorText } from "../errorText";
import { fill } from "../i18n";
import { PROGRESS_STRINGS } from "../i18n/progress";
import { WorkerHost } from "./worker/WorkerHost";

export interface OpenFile {
  name: string;
  host: WorkerHost;
  /** Bumped on each open so the pane starts afresh. */
  generation: number;
}

/** The page's own long steps (opening, downloading): text, progress and how to stop them. */
export interface PageBusy {
  label: string;
  progress?: Progress;
  cancel: () => void;
}

export function scoredName(name: string): string {
  return name.replace(/\.xlsx$/i, "") + ".scored.xlsx";
}

const cancelled = (error: unknown) => error instanceof Error && error.name === "CancelledError";

export function useStandalone(locale: Locale) {
  const [file, setFile] = useState<OpenFile>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [written, setWritten] = useState(false);
  const [busy, setBusy] = useState<PageBusy>();
  const current = useRef<OpenFile>();
  const p = PROGRESS_STRINGS[locale];
  const progressOf = (label: string, cancel: () => void) => (progress: Progress) =>
    setBusy({ label, progress, cancel });

  const open = async (f: File | undefined) => {
    if (!f) return;
    setError(undefined);
    setNotice(undefined);
    const abort = new AbortController();
    const label = fill(p.opening, { name: f.name });
    const stop = () => abort.abort();
    setBusy({ label, cancel: stop });
    try {
      // The workbook is read, scored and written in a worker (./worker): the page stays responsive.
      const opened = await WorkerHost.open(f, f.name, progressOf(label, stop), abort.signal);
      if (!opened.host) {
        setError(opened.issues.map((i) => fileIssueMessage(i, locale) ?? formatIssue(i, locale)).join("\n"));
        return;
      }
      current.current?.host.dispose();
      const next = { name: f.name, host: opened.host, generation: (current.current?.generation ?? 0) + 1 };
      current.current = next;
      setFile(next);
      setWritten(false);
    } catch (e) {
      if (cancelled(e)) setNotice(fill(p.openCancelled, { name: f.name }));
      else setError(errorText(e, locale));
    } finally {
      setBusy(undefined);
    }
  };

  const download = async () => {
    if (!file) return;
    setError(undefined);
    setNotice(undefined);
    const stop = () => file.host.cancel();
    setBusy({ label: p.downloading, cancel: stop });
    let bytes: Uint8Array;
    try {
      bytes = await file.host.toBuffer(progressOf(p.downloading, stop));
    } catch (e) {
      if (cancelled(e)) setNotice(p.cancelled);
      else setError(errorText(e, locale));
      return;
    } finally {
      setBusy(undefined);
    }
    const blob = new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = scoredName(file.name);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  };

  return { file, error, notice, busy, written, open, download, onWritten: () => setWritten(true) };
}
