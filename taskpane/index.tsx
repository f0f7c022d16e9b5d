/** The task pane inside Excel: the Office.js host, the UI language of Office. */
import { ExcelPaneHost } from "./excelPaneHost";
import { localeFrom } from "./i18n";
import { mount } from "./mount";
import { Pane } from "./Pane/Pane";

void Office.onReady(() => {
  const locale = localeFrom(Office.context.displayLanguage);
  document.documentElement.lang = locale;
  mount(<Pane host={new ExcelPaneHost()} locale={locale} />);
});
