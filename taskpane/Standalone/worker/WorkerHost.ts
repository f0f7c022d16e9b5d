/**
 * The page's side of the workbook worker: a PaneHost whose workbook lives in a Web Worker. Scoring runs
 * there too (`assess`), and the output tabs it made stay there until downloaded. Cancel stops the
 * worker at once (terminate) and starts a new one from the file and the writes made so far, replayed,
 * so the workbook is as it was before the cancelled step.
 */
import type { InlineFlag, Issue, RawSheet } from "../../../src/core";
import type { RunOptions, RunOutcome } from "../../../src/pipeline/types";
import type { ProgressListener } from "../../../src/workbook/progress";
import type { SheetModel } from "../../../src/workbook/types";
import type { PaneHost } from "../../Pane/Pane.types";
import type { Answers, FlagsRef, FromWorker, ModelRef, Request, WireError } from "./protocol";

/** Rejects a request stopped by `cancel`. */
export class CancelledError extends Error {
  constructor() {
    super("cancelled");
    this.name = "CancelledError";
  }
}

class WorkerError extends Error {
  zh?: string;
  en?: string;
  constructor(wire: WireError) {
    super(wire.message);
    this.name = wire.name;
    if (wire.zh !== undefined && wire.en !== undefined) Object.assign(this, { zh: wire.zh, en: wire.en });
  }
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  /** This request's own progress listener (else the host's). */
  listener?: ProgressListener;
}

function startWorker(): Worker {
  // webpack bundles ./worker.ts as its own file from this exact form; tsc checks with module commonjs.
  // @ts-expect-error import.meta
  return new Worker(new URL("./worker.ts", import.meta.url), { name: "kaohe-workbook" });
}

export class WorkerHost implements PaneHost {
  private worker: Worker;
  private seq = 0;
  private nextAssess = 1;
  private readonly pending = new Map<number, Pending>();
  private listener: ProgressListener | undefined;
  /** Settles once a replay after a cancel has been posted. */
  private ready: Promise<void> = Promise.resolve();
  private disposed = false;
  /** Requests that made the workbook what it is: replayed into a new worker after a cancel. */
  private readonly journal: Request[] = [];
  private readonly journaledAssess = new Set<number>();
  private readonly assessRequests = new Map<number, Request>();
  private readonly modelRefs = new WeakMap<SheetModel, { assess: number; index: number }>();
  private readonly flagRefs = new WeakMap<InlineFlag[], number>();

  private constructor(
    private readonly file: Blob,
    readonly name: string,
  ) {
    this.worker = this.spawn();
  }

  /**
   * Opens `file` in a new worker; `issues` say why when it cannot be opened (the worker is then gone).
   * `onProgress` sees the reading; `signal` cancels it.
   */
  static async open(
    file: Blob,
    name: string,
    onProgress?: ProgressListener,
    signal?: AbortSignal,
  ): Promise<{ host?: WorkerHost; issues: Issue[] }> {
    const host = new WorkerHost(file, name);
    host.listener = onProgress;
    // Nothing to keep when an open is cancelled: the new worker simply goes.
    const abort = () => host.dispose();
    signal?.addEventListener("abort", abort);
    try {
      const answer = await host.openInWorker();
      if (!answer.ok) {
        host.dispose();
        return { issues: answer.issues };
      }
      return { host, issues: answer.issues };
    } catch (error) {
      host.dispose();
      throw error;
    } finally {
      signal?.removeEventListener("abort", abort);
      host.listener = undefined;
    }
  }

  /** The pane's progress bar (one listener; undefined to stop). */
  onProgress(listener: ProgressListener | undefined): void {
    this.listener = listener;
  }

  /** Stops what the worker is doing now; the workbook stays as it was before that step. */
  cancel(): void {
    if (this.pending.size === 0) return;
    this.worker.terminate();
    const stopped = [...this.pending.values()];
    this.pending.clear();
    for (const p of stopped) p.reject(new CancelledError());
    this.worker = this.spawn();
    // The replay is posted to the new worker before anything asked after this point.
    this.ready = this.replay();
  }

  /** The file opened again and every write replayed, posted in order (the worker runs them in order). */
  private async replay(): Promise<void> {
    const bytes = await this.file.arrayBuffer().catch(() => undefined);
    if (!bytes) return;
    const posted = [
      this.send({ kind: "open", bytes, name: this.name }, [bytes]),
      ...this.journal.map((request) => this.send(request)),
    ];
    for (const p of posted) p.catch(() => undefined);
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CancelledError());
    this.pending.clear();
  }

  async readSheets(): Promise<RawSheet[]> {
    return this.request({ kind: "read" });
  }

  /** Reads and scores the workbook in the worker; writing the outcome's tabs back copies nothing large. */
  async assess(options: RunOptions, rulebook?: string): Promise<RunOutcome> {
    const id = this.nextAssess++;
    const request: Request =
      rulebook === undefined ? { kind: "assess", id, options } : { kind: "assess", id, options, rulebook };
    this.assessRequests.set(id, request);
    const { outcome } = await this.request<Answers["assess"]>(request);
    outcome.sheets.forEach((m, index) => this.modelRefs.set(m, { assess: id, index }));
    this.flagRefs.set(outcome.flags, id);
    return outcome;
  }

  async writeOutputs(sheets: SheetModel[], flags?: InlineFlag[]): Promise<void> {
    const models: ModelRef[] = sheets.map((m) => this.modelRefs.get(m) ?? { model: m });
    let flagsRef: FlagsRef | undefined;
    if (flags) {
      const assess = this.flagRefs.get(flags);
      flagsRef = assess !== undefined ? { assess } : { list: flags };
    }
    // A replay must recompute the outcomes this write names (the same options give the same tabs).
    const named = new Set<number>();
    for (const r of models) if ("assess" in r) named.add(r.assess);
    if (flagsRef && "assess" in flagsRef) named.add(flagsRef.assess);
    const request: Request = flagsRef
      ? { kind: "write", models, flags: flagsRef }
      : { kind: "write", models };
    await this.request(request);
    for (const id of named) {
      if (this.journaledAssess.has(id)) continue;
      this.journaledAssess.add(id);
      this.journal.push(this.assessRequests.get(id)!);
    }
    this.journal.push(request);
  }

  async clearFlags(): Promise<number> {
    const n = await this.request<number>({ kind: "clearFlags" });
    this.journal.push({ kind: "clearFlags" });
    return n;
  }

  async addTemplateTabs(sheets: SheetModel[]): Promise<string[]> {
    const request: Request = { kind: "template", models: sheets };
    const added = await this.request<string[]>(request);
    this.journal.push(request);
    return added;
  }

  /** The workbook as .xlsx bytes (the worker writes it; progress as "download"). */
  async toBuffer(onProgress?: ProgressListener): Promise<Uint8Array> {
    return new Uint8Array(await this.request<ArrayBuffer>({ kind: "download" }, [], onProgress));
  }

  private async openInWorker(): Promise<Answers["open"]> {
    const bytes = await this.file.arrayBuffer();
    return this.send<Answers["open"]>({ kind: "open", bytes, name: this.name }, [bytes]);
  }

  private spawn(): Worker {
    const worker = startWorker();
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const msg = e.data;
      if (msg.type === "progress") {
        const p = this.pending.get(msg.seq);
        if (p) (p.listener ?? this.listener)?.(msg.progress);
        return;
      }
      const p = this.pending.get(msg.seq);
      if (!p) return;
      this.pending.delete(msg.seq);
      if (msg.type === "done") p.resolve(msg.value);
      else p.reject(new WorkerError(msg.error));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const stopped = [...this.pending.values()];
      this.pending.clear();
      for (const p of stopped) p.reject(new Error(e.message || "worker failed"));
    };
    return worker;
  }

  /** Posts after any replay in progress. */
  private async request<T>(
    request: Request,
    transfer: Transferable[] = [],
    listener?: ProgressListener,
  ): Promise<T> {
    await this.ready;
    return this.send<T>(request, transfer, listener);
  }

  private send<T>(request: Request, transfer: Transferable[] = [], listener?: ProgressListener): Promise<T> {
    if (this.disposed) return Promise.reject(new CancelledError());
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, {
        resolve: resolve as (v: unknown) => void,
        reject,
        ...(listener ? { listener } : {}),
      });
      this.worker.postMessage({ seq, request }, transfer);
    });
  }
}
