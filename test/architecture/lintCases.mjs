// Lints source texts as if they were given files, through ESLint's API, in a process of its own (jest
// cannot load the ESM config). stdin: [{ filePath, text }]; stdout: the no-restricted-imports messages of each.
import { ESLint } from "eslint";

const input = JSON.parse(
  await new Promise((resolve) => {
    let data = "";
    process.stdin.on("data", (chunk) => (data += chunk));
    process.stdin.on("end", () => resolve(data));
  }),
);
// The texts are not files of the TypeScript project: lint them without type information (the layer
// rule needs none).
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      "@typescript-eslint/no-floating-promises": "off",
      "@typescript-eslint/no-misused-promises": "off",
    },
  },
});
const out = [];
for (const { filePath, text } of input) {
  const [result] = await eslint.lintText(text, { filePath });
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${filePath}: ${fatal.message}`);
  out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
