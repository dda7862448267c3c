import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import boundaries from "eslint-plugin-boundaries";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "bench/results/**"]),
  {
    // Layers (docs/adr/0005-layers.md): app → components, db, lib; components → lib and the
    // actions layer (app/**/actions.ts, which itself → db, lib); db → lib; lib → nothing of ours.
    // Files outside these folders (scripts/, e2e/, i18n/, types/, proxy.ts) are not layers.
    files: ["app/**", "components/**", "db/**", "lib/**"],
    plugins: { boundaries },
    settings: {
      "import/resolver": { typescript: { alwaysTryTypes: true } },
      "boundaries/include": ["app/**", "components/**", "db/**", "lib/**"],
      "boundaries/elements": [
        { type: "app", pattern: "app" },
        { type: "components", pattern: "components" },
        { type: "db", pattern: "db" },
        { type: "lib", pattern: "lib" },
      ],
      // The actions layer: the server actions in app/**/actions.ts, the one part of app/ that
      // components may call (a form's action).
      "boundaries/files": [{ category: "actions", pattern: "**/actions.ts" }],
    },
    rules: {
      "boundaries/dependencies": [
        "error",
        {
          default: "disallow",
          message: "{{from.type}}/ may not import {{to.type}}/ (layers: eslint.config.mjs, docs/adr/0005-layers.md)",
          policies: [
            { from: { element: { type: "app" } }, allow: { to: { element: { type: ["app", "components", "db", "lib"] } } } },
            { from: { element: { type: "app" }, file: { categories: "actions" } }, disallow: { to: { element: { type: "components" } } } },
            { from: { element: { type: "components" } }, allow: { to: [{ element: { type: ["components", "lib"] } }, { element: { type: "app" }, file: { categories: "actions" } }] } },
            { from: { element: { type: "db" } }, allow: { to: { element: { type: ["db", "lib"] } } } },
            { from: { element: { type: "lib" } }, allow: { to: { element: { type: "lib" } } } },
          ],
        },
      ],
    },
  },
  {
    // Documented exceptions (each one a known db→app edge in a test, not a pattern to copy):
    // db/security/uploads.test.ts serves an upload through the media route handler it guards,
    // db/testing/factory.test.ts proves the test-factory route absent without its token.
    files: ["db/security/uploads.test.ts", "db/testing/factory.test.ts"],
    rules: { "boundaries/dependencies": "off" },
  },
  {
    // One action path (app/(desk)/desk-action.ts): a desk action resolves the viewer and
    // translates errors only through deskAction, so every action answers with one ActionResult.
    files: ["app/**/actions.ts"],
    ignores: ["app/(desk)/signin/actions.ts"], // sign-in has no viewer yet
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/errors", importNames: ["toFailure"], message: "Run desk actions through deskAction (app/(desk)/desk-action.ts)." },
            { name: "@/app/auth", importNames: ["getViewer"], message: "Run desk actions through deskAction (app/(desk)/desk-action.ts), which resolves the viewer." },
          ],
        },
      ],
    },
  },
  {
    // Journeys take `test` from e2e/fixtures.ts: it gives each worker its project's engine
    // (database, ports), and its auto fixture closes every browser context a test opened —
    // co-editing's editors, left open, kept their sockets busy in the worker's browser for the
    // rest of its run (about 66 s of CPU in one PGlite pass).
    files: ["e2e/**/*.ts"],
    ignores: ["e2e/fixtures.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "@playwright/test", importNames: ["test"], message: "Import test (or engineTest) from e2e/fixtures.ts: it sets the worker's engine and closes the browser contexts a journey leaves open." }] },
      ],
    },
  },
  {
    // Every word a person reads comes from messages/*.json (next-intl), never a literal.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { noStrings: false, allowedStrings: ["·", "Copydesk", "B", "I", "H2", "H3", "•", "1.", "❝", ",", "(", ")"], ignoreProps: true }],
    },
  },
]);
