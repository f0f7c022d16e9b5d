/** Opening .xlsx files in the browser and downloading the scored copy; the file never leaves the machine. */
import { useState } from "react";
import type { XlsxHost } from "../../src/hosts/xlsx";
import { openWorkbook } from "../../src/hosts/xlsx/open";
import { fileIssueMessage } from "../../src/hosts/xlsx/messages";
import type { Locale } from "../../src/pipeline/types";
import { formatIssue } from "../../src/workbook/messages";

export interface OpenFile {
  name: string;
  host: XlsxHost;
  /** Bumped on each open so the pane starts afresh. */
  generation: number;
}

export function scoredName(name: string): string {
  return name.replace(/\.xlsx$/i, "") + ".scored.xlsx";
}

export function useStandalone(locale: Locale) {
  const [file, setFile] = useState<OpenFile>();
  const [error, setError] = useState<string>();
  const [written, setWritten] = useState(false);

  const open = async (f: File | undefined) => {
    if (!f) return;
    setError(undefined);
    const read = await openWorkbook(new Uint8Array(await f.arrayBuffer()), f.name);
    const opened: { host?: XlsxHost; issues: typeof read.issues } = read.workbook
      ? await read.workbook.host()
      : read;
    if (!opened.host) {
      setError(opened.issues.map((i) => fileIssueMessage(i, locale) ?? formatIssue(i, locale)).join("\n"));
      return;
    }
    setFile((prev) => ({ name: f.name, host: opened.host!, generation: (prev?.generation ?? 0) + 1 }));
    setWritten(false);
  };

  const download = async () => {
    if (!file) return;
    const bytes = await file.host.toBuffer();
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

  return { file, error, written, open, download, onWritten: () => setWritten(true) };
}
