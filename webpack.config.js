// Builds the task pane (taskpane.html), the ribbon's function file (commands.html) and the standalone
// page (standalone.html) into build/. Options (npm run build -- --env url=https://intranet/kaohe):
//   --env url=…      public URL replacing https://localhost:3000 in the manifest (or ADDIN_PUBLIC_URL)
//   --env officeCdn  load office.js from Microsoft's CDN instead of the copy served from our origin
//   --env outDir=…   output directory (default build/)
//   --env e2e        add the test-only pane over the emulated Excel (test/e2e), skip copying office.js
//   --env standalone serve the standalone page over http://localhost:3001 (npm run standalone)
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000";
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// office.js loads the Excel host scripts and locale strings from its own folder: copy only those.
const OTHER_HOSTS =
  /(^|\/)(access|onenote|outlook|powerpoint|word|visio|project|custom-functions|ariatelemetry|html2canvas)[^/]*\.js$/;

function swcRule(tsx) {
  return {
    test: tsx ? /\.tsx$/ : /\.ts$/,
    exclude: /node_modules/,
    use: {
      loader: "swc-loader",
      options: {
        jsc: {
          target: "es2020",
          parser: { syntax: "typescript", tsx },
          transform: { react: { runtime: "automatic" } },
        },
      },
    },
  };
}

async function devServer(env) {
  if (env.standalone) return { port: 3001, static: false, open: ["/standalone.html"] };
  // Sideloading needs https with a trusted certificate (office-addin-dev-certs, an optional dependency).
  const certs = require("office-addin-dev-certs");
  return {
    port: 3000,
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await certs.getHttpsServerOptions() },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode ?? "production";
  const url = (env.url ?? process.env.ADDIN_PUBLIC_URL ?? DEV_URL).replace(/\/$/, "");
  const officeJs = env.officeCdn ? CDN : "office-js/office.js";
  const outDir = path.resolve(__dirname, env.outDir ?? "build");
  const page = (name, chunks, extra = {}) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: path.join(__dirname, "taskpane", "page.html"),
      chunks,
      templateParameters: { officeJs: "", title: "考核", ...extra },
    });
  const copies = [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => content.toString().split(DEV_URL).join(url),
    },
  ];
  if (!env.officeCdn && !env.e2e) {
    copies.push({
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      globOptions: { ignore: ["**/*.debug.js", "**/*.d.ts", "**/office-vsdoc.js"] },
      filter: (file) => !OTHER_HOSTS.test(file.split(path.sep).join("/")),
    });
  }
  const entry = {
    taskpane: "./taskpane/index.tsx",
    commands: "./taskpane/commands.ts",
    standalone: "./taskpane/standalone.tsx",
  };
  const pages = [
    page("taskpane", ["taskpane"], { officeJs }),
    page("commands", ["commands"], { officeJs }),
    page("standalone", ["standalone"], { title: "考核（网页版）" }),
  ];
  if (env.e2e) {
    entry.emulated = "./test/e2e/emulatedEntry.tsx";
    pages.push(page("emulated", ["emulated"]));
  }
  return {
    mode,
    entry,
    devtool: mode === "development" ? "source-map" : false,
    output: { path: outDir, filename: "[name].js", clean: true },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      // The standalone page's worker runs the CLI's large-file reader and writer: Node's zlib there is
      // this fflate-based subset (its Buffer is set up by taskpane/Standalone/worker/installBuffer.ts).
      alias: { zlib: path.join(__dirname, "src", "hosts", "xlsx", "fast", "browserZlib.ts") },
    },
    module: { rules: [swcRule(false), swcRule(true)] },
    plugins: [...pages, new CopyWebpackPlugin({ patterns: copies })],
    performance: { hints: false },
    devServer: argv.env?.WEBPACK_SERVE || env.WEBPACK_SERVE ? await devServer(env) : undefined,
  };
};
