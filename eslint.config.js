// ESLint (flat config): `make lint` runs it with ruff, and `make test` runs lint first.
// Browser scripts are ES modules except the classic scripts the page loads in its head; Node runs the tests
// (tests/js/*.mjs) and the lab's build step (lab/kernel/precompile.mjs).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: [".venv/", "node_modules/", "site/", "build/", ".cache/", "lab/.cache/", "examples/*/site/", "overrides/assets/vendor/",
              // Material for MkDocs' own inline script, copied as it is (a file, for the CSP).
              "overrides/assets/js/theme-content.js"],
  },
  js.configs.recommended,
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: { ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // `const { format, ...rest } = entry` leaves a key out of a copy on purpose.
      "no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },
  {
    // Classic scripts in the page's head (a file each, so the Content-Security-Policy needs no inline script).
    files: ["overrides/assets/js/head.js", "lab/kernel/start-kernel-early.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tests/js/**", "lab/kernel/precompile.mjs", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
