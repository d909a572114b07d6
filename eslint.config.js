// Lint: what the compiler does not check. Recommended rules of ESLint and typescript-eslint (syntax only,
// no type information, so `npm run lint` stays a matter of seconds), the rules of hooks, and the layers of
// docs/architecture.md as import rules that fail the build. Why these tools: docs/decisions/010-lint-and-layers.md.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import js from "@eslint/js";
import { defineConfig } from "eslint/config";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import importX, { createNodeResolver } from "eslint-plugin-import-x";
import globals from "globals";

const root = path.dirname(fileURLToPath(import.meta.url));
const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/*.spec.ts", "tests/**"];

/**
 * The layers: a file matching `target` may not import a file under `from`. Imports are resolved to files
 * first (relative paths and the `~/…` alias alike, static and dynamic), so the spelling of an import
 * cannot slip past a zone, and `import-x/no-unresolved` makes sure every import does resolve.
 */
const zones = [
  {
    target: "./domain",
    from: ["./app", "./db", "./search"],
    message: "domain/ is the pure vocabulary and its helpers: it sits below db/, search/ and app/ and imports none of them.",
  },
  {
    target: "./config",
    from: ["./app", "./db", "./search", "./server", "./domain"],
    message: "config/ is read by every layer (server, app, db, search, scripts), so it imports none of them.",
  },
  {
    target: "./app/models",
    from: ["./app/routes", "./app/components", "./app/utils", "./app/i18n"],
    message:
      "A model is a use case: no routes, components, HTTP adapters (app/utils) or translated messages (app/i18n). Throw a domain error with a code; the edge maps it.",
  },
  {
    target: "./app/documents",
    from: ["./app/routes", "./app/components", "./app/utils", "./app/models", "./db"],
    message:
      "A document is plain data in, bytes out: no routes, components, HTTP adapters, models or database. The caller loads the data and passes it.",
  },
  {
    // (Configuration comes from config/env.mjs, which every layer reads.)
    target: "./search",
    from: "./app",
    message: "search/ knows db records, never the app: put what both need in domain/.",
  },
  {
    // The demo seed makes its accounts and bookings through the models, like any other caller.
    target: ["./db/!(seed).ts", "./db/*/**"],
    from: ["./app/models"],
    message: "db/ holds schema, migrations and the client, no business rules: only db/seed.ts may call the models.",
  },
  {
    target: "./db",
    from: ["./app/routes", "./app/components", "./app/utils"],
    message: "db/ sits below the app: no routes, components or HTTP adapters.",
  },
  {
    // Remix loads the route modules; a helper two routes share belongs in app/components, app/utils or a model.
    // Tests may import a route to call its loader or action directly.
    target: ["./!(app|tests)/**", "./app/!(routes)/**", "./app/*.*", "./*.*"],
    from: "./app/routes",
    message: "Nothing imports a route module but Remix: move what is shared out of app/routes.",
  },
  {
    // A flat route file is a route module, and so is every other one of its siblings.
    target: "./app/routes/*.*",
    from: "./app/routes",
    message: "A route does not import another route: move what is shared out of app/routes.",
  },
  // A folder route (app/routes/x/route.tsx) may import the helpers in its own folder, nothing else in app/routes.
  ...routeFolders().map((folder) => ({
    target: `./app/routes/${folder}`,
    from: "./app/routes",
    except: [`./${folder}`],
    message: "A route does not import another route: move what is shared out of app/routes.",
  })),
];

/** The folder routes (app/routes/x/route.tsx), read at load: each gets a zone of its own. */
function routeFolders() {
  return fs
    .readdirSync(path.join(root, "app/routes"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

/** Time is an argument: a rule takes `now` from its caller, which reads the clock at the edge (routes, jobs, server). */
const NO_CLOCK_IN_MODELS = {
  properties: [
    {
      object: "Date",
      property: "now",
      message: "Time is an argument in app/models: take `now` from the caller (the edge reads the clock).",
    },
  ],
  syntax: {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: "Time is an argument in app/models: take `now` from the caller instead of `new Date()`.",
  },
};

const NO_IMMEDIATE_OUTSIDE_DB = {
  selector: "Property:matches([key.name='behavior'], [key.value='behavior'])[value.value='immediate']",
  message:
    'Write transactions come from db/client.ts (writeTransaction on a request path, immediate inside one), not `behavior: "immediate"` (ADR 007).',
};

export default defineConfig(
  {
    ignores: [
      "build/",
      "public/build/",
      "node_modules/",
      "bench/results/",
      "data/",
      "db/migrations/",
      ".cache/",
      "test-results/",
      "playwright-report/",
      "tests/e2e/screenshots/",
    ],
  },
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { ...globals.node },
    },
    rules: {
      // `_name` marks a parameter or binding kept on purpose (a signature, a destructured rest).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "warn",
    },
  },
  {
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createNodeResolver({
          extensions: [".ts", ".tsx", ".d.ts", ".js", ".mjs", ".cjs", ".json", ".node"],
          conditionNames: ["types", "import", "require", "node", "default"],
          mainFields: ["types", "module", "main"],
          alias: { "~": [path.join(root, "app")] },
        }),
      ],
    },
    rules: {
      "import-x/no-restricted-paths": ["error", { basePath: root, zones }],
      "import-x/no-unresolved": ["error", { caseSensitive: true }],
    },
  },
  {
    ignores: ["db/**"],
    rules: { "no-restricted-syntax": ["error", NO_IMMEDIATE_OUTSIDE_DB] },
  },
  {
    files: ["app/models/**"],
    ignores: TESTS,
    rules: {
      "no-restricted-properties": ["error", ...NO_CLOCK_IN_MODELS.properties],
      // Both selectors: this entry replaces the one above for these files.
      "no-restricted-syntax": ["error", NO_IMMEDIATE_OUTSIDE_DB, NO_CLOCK_IN_MODELS.syntax],
    },
  },
);
