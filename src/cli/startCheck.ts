/**
 * Imported first by the CLI entry: when this process was started as `kaohe`, an unsupported Node.js
 * is refused with a clear message before the other modules load.
 */
import { requireSupportedNode } from "./nodeVersion";

if (require.main && /[\\/]cli[\\/]main\.[cjmt]?[jt]s$/.test(require.main.filename)) requireSupportedNode();
