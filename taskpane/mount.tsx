import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { createRoot } from "react-dom/client";

/** Renders the UI into #root inside Fluent's provider. */
export function mount(node: ReactNode): void {
  const el = document.getElementById("root");
  if (!el) throw new Error("no #root element");
  createRoot(el).render(<FluentProvider theme={webLightTheme}>{node}</FluentProvider>);
}
