/** The ribbon's function file: the button only opens the pane (ShowTaskpane), so nothing to register. */
void Office.onReady();
