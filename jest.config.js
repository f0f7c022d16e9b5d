const { systemSuites } = require("./scripts/suites");

const system = systemSuites();
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const shared = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { transform: { react: { runtime: "automatic" } } } }],
  },
  testTimeout: 120000,
};

/**
 * Two projects: `core` (rules, engine, workbook, hosts' contract …: no system tools) and `system` (the
 * suites that run LibreOffice or Chromium). `npm test` runs core first and stops if it fails; plain
 * `npx jest` runs both.
 * @type {import('jest').Config}
 */
module.exports = {
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: "core", testPathIgnorePatterns: ["/node_modules/", ...system.map(escape)] },
    { ...shared, displayName: "system", testMatch: system.length ? system : ["<rootDir>/no-system-suites"] },
  ],
};
