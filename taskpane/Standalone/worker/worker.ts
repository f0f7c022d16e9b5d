/**
 * The standalone page's workbook worker: opens, scores and writes the workbook off the page's thread,
 * one request at a time, posting progress as it goes. Its Buffer is the browser one (./installBuffer) and
 * webpack resolves `zlib` to the browser codec (webpack.config.js).
 */
import "./installBuffer";
import { Meter } from "./meter";
import type { FromWorker, Request, ToWorker, WireError } from "./protocol";
import { Session } from "./session";

declare const self: {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
};

let session: Session | undefined;
let queue: Promise<void> = Promise.resolve();

function wire(error: unknown): WireError {
  const e = error as Partial<WireError> & { name?: string; message?: string };
  const out: WireError = { name: e?.name ?? "Error", message: e?.message ?? String(error) };
  if (typeof e?.zh === "string" && typeof e?.en === "string") Object.assign(out, { zh: e.zh, en: e.en });
  return out;
}

async function handle(seq: number, request: Request): Promise<void> {
  const meter = new Meter((progress) => self.postMessage({ type: "progress", seq, progress }));
  const done = (value: unknown, transfer: Transferable[] = []) =>
    self.postMessage({ type: "done", seq, value }, transfer);
  if (request.kind === "open") {
    const opened = await Session.open(new Uint8Array(request.bytes), request.name, meter);
    session = opened.session;
    return done(opened.answer);
  }
  if (!session) throw new Error("no workbook is open");
  switch (request.kind) {
    case "read":
      return done(await session.readSheets());
    case "assess":
      return done(await session.assess(request.id, request.options, meter, request.rulebook));
    case "write":
      return done(await session.write(request.models, request.flags));
    case "clearFlags":
      return done(await session.clearFlags());
    case "template":
      return done(await session.addTemplateTabs(request.models));
    case "download": {
      const bytes = await session.download(meter);
      return done(bytes, [bytes]);
    }
  }
}

self.onmessage = (e) => {
  const { seq, request } = e.data;
  queue = queue.then(() =>
    handle(seq, request).catch((error: unknown) =>
      self.postMessage({ type: "failed", seq, error: wire(error) }),
    ),
  );
};
