import { Button, Text } from "@fluentui/react-components";
import { useMemo, useRef } from "react";
import type { Locale } from "../../src/core";
import { printHtml } from "../../src/print";
import type { SheetModel } from "../../src/workbook/types";
import { PRINT_STRINGS } from "./printStrings";

/**
 * The forms as printable HTML inside the page (same rows, boxes and page breaks as the workbook tab):
 * 打印 prints the frame alone, with its own A4 page rules.
 */
export function PrintPreview({
  sheet,
  locale,
  onClose,
}: {
  sheet: SheetModel;
  locale: Locale;
  onClose: () => void;
}) {
  const t = PRINT_STRINGS[locale];
  const frame = useRef<HTMLIFrameElement>(null);
  const html = useMemo(() => printHtml(sheet, sheet.name), [sheet]);
  return (
    <section aria-label={t.preview} style={{ display: "grid", gap: 8, margin: "12px", maxWidth: 960 }}>
      <Text>{t.previewHint}</Text>
      <div style={{ display: "flex", gap: 8 }}>
        <Button appearance="primary" onClick={() => frame.current?.contentWindow?.print()}>
          {t.printButton}
        </Button>
        <Button onClick={onClose}>{t.close}</Button>
      </div>
      <iframe
        ref={frame}
        title={t.preview}
        srcDoc={html}
        style={{ width: "100%", height: "80vh", border: "1px solid #ccc" }}
      />
    </section>
  );
}
