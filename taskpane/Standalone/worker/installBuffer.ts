/**
 * Makes the browser Buffer the worker's global `Buffer` before the large-file reader's modules run (they
 * use Node's global). Imported first by worker.ts; ES modules are evaluated in import order.
 */
import { Buffer } from "../../../src/hosts/xlsx/fast/browserBuffer";

(globalThis as { Buffer?: unknown }).Buffer = Buffer;
