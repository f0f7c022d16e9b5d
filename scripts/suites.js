// Which test files need the system packages (LibreOffice or Chromium): read from each file, so a new
// suite lands on the right side without a list to keep. Everything else is the fast core.
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..", "test");
/** soffice, sofficeConvert, sofficePdf; `kaohe print --pdf`; playwright-core or the e2e browser helper. */
const NEEDS_SYSTEM = /\bsoffice|"--pdf"|playwright-core|\/browser"/;

function testFiles(dir = ROOT) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) return testFiles(file);
      return /\.test\.tsx?$/.test(e.name) ? [file] : [];
    })
    .sort();
}

/** Absolute paths of the suites that need LibreOffice or Chromium. */
function systemSuites() {
  return testFiles().filter((f) => NEEDS_SYSTEM.test(fs.readFileSync(f, "utf8")));
}

module.exports = { testFiles, systemSuites };
