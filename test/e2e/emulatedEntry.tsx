// Test-only bundle: the real task pane entry, over the emulated Excel (installed first, as office.js would be).
import "./installEmulation";
import "../../taskpane/index";
