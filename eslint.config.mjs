import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";
import { readFileSync } from "node:fs";

const officePlugin = officeAddins.default ?? officeAddins;
const architecture = JSON.parse(readFileSync(new URL("./architecture.json", import.meta.url), "utf8"));

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The folder on disk: `taskpane` sits beside src/, every other layer inside it. */
const folderPath = (folder) => (folder === "taskpane" ? "taskpane" : `src/${folder}`);

/**
 * One no-restricted-imports setting per folder of architecture.json: no import of a higher layer or of a
 * sibling in the same layer, and in the pure layers no Node built-in, ExcelJS or React. `allowed` lifts
 * single targets for the files listed under `exceptions`.
 */
function layerRule(folder, allowed = []) {
  const level = architecture.layers.findIndex((layer) => layer.includes(folder));
  const banned = architecture.layers
    .flatMap((layer, i) => (i > level || (i === level && layer.length > 1) ? layer : []))
    .filter((f) => f !== folder && !allowed.includes(f));
  const patterns = banned.map((f) => {
    // `hosts/xlsx` is reached as `../hosts/xlsx` from src/cli and as `../xlsx` from src/hosts/excel.
    const parts = f.split("/").map(escape);
    const name = parts.slice(0, -1).reduce((tail, part) => `(${part}/)?${tail}`, parts[parts.length - 1]);
    return {
      regex: `^(\\.\\./)+(src/)?${name}(/|$)`,
      message: `${folder} imports only from lower layers (architecture.json); ${f} is not one of them.`,
    };
  });
  if (architecture.pure.includes(folder)) {
    const modules = architecture.hostModules.filter((m) => !allowed.includes(m));
    patterns.push({
      regex: `^(node:)?(${modules.map(escape).join("|")})(/|$)`,
      message: `${folder} is pure (architecture.json): files, ExcelJS and React belong to the hosts.`,
    });
  }
  return { "no-restricted-imports": ["error", { patterns }] };
}

const layerConfigs = architecture.layers.flat().flatMap((folder) => {
  const exceptions = architecture.exceptions.filter((e) => e.file.startsWith(`${folderPath(folder)}/`));
  const files = [...new Set(exceptions.map((e) => e.file))];
  return [
    { files: [`${folderPath(folder)}/**/*.{ts,tsx}`], ignores: files, rules: layerRule(folder) },
    ...files.map((file) => ({
      files: [file],
      rules: layerRule(
        folder,
        exceptions.filter((e) => e.file === file).map((e) => e.imports),
      ),
    })),
  ];
});

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "build/", "coverage/", "test-artifacts/", "examples/out/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        Buffer: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        URL: "readonly",
        TextEncoder: "readonly",
        TextDecoder: "readonly",
        window: "readonly",
        document: "readonly",
        Office: "readonly",
        Excel: "readonly",
        navigator: "readonly",
        Blob: "readonly",
        File: "readonly",
        FileReader: "readonly",
        HTMLElement: "readonly",
        performance: "readonly",
        structuredClone: "readonly",
        queueMicrotask: "readonly",
        setImmediate: "readonly",
        globalThis: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-throw-literal": "error",
    },
  },
  {
    // Type-aware rules, for TypeScript files only (tsconfig.json covers src, test, taskpane, bench, examples).
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ["taskpane/**/*.{ts,tsx}", "test/e2e/**/*.{ts,tsx}"],
    ...reactHooks.configs.flat.recommended,
  },
  ...layerConfigs,
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["src/hosts/excel/**/*.ts"],
    plugins: { "office-addins": officePlugin },
    rules: {
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
    },
  },
);
