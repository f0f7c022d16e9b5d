/** County consolidation in the browser: township files held in memory, the county result, the duplicate choice. */
import { useState } from "react";
import {
  consolidateFiles,
  type ConsolidateFilesOutcome,
  type NamedBytes,
} from "../../src/hosts/xlsx/consolidateFiles";
import { XlsxHost } from "../../src/hosts/xlsx";
import type { Locale } from "../../src/core";
import type { WorkbookHost } from "../../src/workbook/types";
import { errorText } from "../errorText";

const DUPLICATE = /^duplicate-township/;

export interface DuplicateGroup {
  township: string;
  files: string[];
  /** The file that counts ("" = none). */
  chosen: string;
}

/** Townships sent more than once, from the problems consolidation reported (each names every copy). */
export function duplicateGroups(
  outcome: ConsolidateFilesOutcome,
  prefer: Record<string, string>,
): DuplicateGroup[] {
  const groups = new Map<string, DuplicateGroup>();
  for (const p of outcome.problems) {
    if (!DUPLICATE.test(p.issue.code)) continue;
    const township = String(p.issue.params?.township ?? "");
    if (groups.has(township)) continue;
    const files = String(p.issue.params?.files ?? p.file).split("、");
    groups.set(township, { township, files, chosen: prefer[township] ?? "" });
  }
  return [...groups.values()].sort((a, b) => (a.township < b.township ? -1 : 1));
}

export function downloadBytes(bytes: Uint8Array, name: string): void {
  const blob = new Blob([bytes as BlobPart], {
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** The county workbook's file name: 县汇总_2025.xlsx. */
export function countyFileName(year: number | undefined): string {
  return `县汇总_${year ?? "county"}.xlsx`;
}

export function useCounty(locale: Locale, host?: WorkbookHost) {
  const [files, setFiles] = useState<NamedBytes[]>([]);
  const [outcome, setOutcome] = useState<ConsolidateFilesOutcome>();
  const [prefer, setPrefer] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [written, setWritten] = useState<string[]>();

  const consolidateNow = async (given: NamedBytes[], choice: Record<string, string>) => {
    setBusy(true);
    setError(undefined);
    setWritten(undefined);
    try {
      const chosen = Object.values(choice).filter((f) => f !== "");
      setOutcome(await consolidateFiles(given, { locale, prefer: chosen }));
    } catch (e) {
      setError(errorText(e, locale));
    } finally {
      setBusy(false);
    }
  };

  /** Files picked, dropped or found in a folder: a folder's other files are not township workbooks. */
  const add = async (list: File[], fromFolder = false) => {
    const picked = fromFolder ? list.filter((f) => /\.xlsx$/i.test(f.name)) : list;
    if (picked.length === 0) return;
    setBusy(true);
    const read = await Promise.all(
      picked.map(async (f) => ({
        name: f.webkitRelativePath || f.name,
        bytes: new Uint8Array(await f.arrayBuffer()),
      })),
    );
    setFiles(read);
    setPrefer({});
    await consolidateNow(read, {});
  };

  const choose = async (township: string, file: string) => {
    const next = { ...prefer, [township]: file };
    setPrefer(next);
    await consolidateNow(files, next);
  };

  const download = async () => {
    if (!outcome) return;
    const out = XlsxHost.empty();
    await out.writeOutputs(outcome.sheets);
    downloadBytes(await out.toBuffer(), countyFileName(outcome.result.year));
  };

  /** Excel: the 县汇总_ tabs go into the open workbook, only when asked. */
  const writeInto = host
    ? async () => {
        if (!outcome) return;
        setBusy(true);
        try {
          await host.writeOutputs(outcome.sheets);
          setWritten(outcome.sheets.map((s) => s.name));
        } catch (e) {
          setError(errorText(e, locale));
        } finally {
          setBusy(false);
        }
      }
    : undefined;

  return {
    files,
    outcome,
    duplicates: outcome ? duplicateGroups(outcome, prefer) : [],
    busy,
    error,
    written,
    add,
    choose,
    download,
    writeInto,
  };
}

export type CountyModel = ReturnType<typeof useCounty>;
