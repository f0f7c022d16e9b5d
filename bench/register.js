// Lets benchmarks run TypeScript sources directly (no build step): compiles .ts/.tsx with swc on require.
const { transformSync } = require("@swc/core");
const fs = require("fs");

for (const ext of [".ts", ".tsx"]) {
  require.extensions[ext] = function compile(module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, "utf8"), {
      filename,
      module: { type: "commonjs" },
      jsc: {
        target: "es2022",
        parser: { syntax: "typescript", tsx: ext === ".tsx" },
        transform: { react: { runtime: "automatic" } },
      },
    });
    module._compile(code, filename);
  };
}
