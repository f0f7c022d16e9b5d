/** The standalone page (WPS, older Excel): the same pane over .xlsx files, in the browser's language. */
import { localeFrom } from "./i18n";
import { mount } from "./mount";
import { Standalone } from "./Standalone/Standalone";

mount(<Standalone initialLocale={localeFrom(navigator.language)} />);
