import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**"]),
  {
    rules: {
      // `components/` never talks to the database: pages and actions call db/ verbs.
      "no-restricted-imports": "off",
    },
  },
  {
    // Every word a person reads comes from messages/*.json (next-intl), never a literal.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false, allowedStrings: ["·", "Copydesk", "B", "I", "H2", "H3", "•", "1.", "❝", ",", "(", ")"], ignoreProps: true }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      // Types of the DTOs pages pass in are fine; values (and so queries) are not.
      "@typescript-eslint/no-restricted-imports": ["error", { patterns: [{ group: ["@/db/**"], allowTypeImports: true, message: "components/ may not touch the database; pass data in from the page." }] }],
    },
  },
]);
