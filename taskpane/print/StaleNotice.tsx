import { Button, MessageBar, MessageBarActions, MessageBarBody } from "@fluentui/react-components";
import type { Locale } from "../../src/core";
import { PRINT_STRINGS } from "./printStrings";

/** "结果已过期，请重新考核" with a button that scores again. */
export function StaleNotice({
  locale,
  onRescore,
  busy,
}: {
  locale: Locale;
  onRescore: () => void;
  busy: boolean;
}) {
  const t = PRINT_STRINGS[locale];
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>{t.stale}</MessageBarBody>
      <MessageBarActions>
        <Button appearance="primary" size="small" onClick={onRescore} disabled={busy}>
          {t.rescore}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
