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
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { filePath, text } of input) {
  const [result] = await eslint.lintText(text, { filePath });
  out.push(result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
