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
    // Size and branching: a function longer than 80 lines (blank lines and comments aside) or with more than
    // 15 paths holds state or decisions that belong in a small tested function of their own (lib/, Node tests).
    // `node scripts/function-lengths.mjs` lists the longest and most complex.
    files: ["**/*.js", "**/*.mjs"],
    rules: {
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
      complexity: ["error", 15],
    },
  },
  {
    // Still above those limits, to be split the same way; no file joins this list.
    files: ["overrides/assets/js/lib/read-aloud.js", "overrides/assets/js/lib/file-backup-section.js"],
    rules: { "max-lines-per-function": "off" },
  },
  {
    files: ["overrides/assets/js/lib/backup.js", "overrides/assets/js/lib/shape.js"],
    rules: { complexity: "off" },
  },
  {
    // Classic scripts in the page's head (a file each, so the Content-Security-Policy needs no inline script).
    files: ["overrides/assets/js/head.js", "lab/kernel/start-kernel-early.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["tests/js/**", "lab/kernel/precompile.mjs", "scripts/*.mjs", "eslint.config.js"],
    languageOptions: { globals: { ...globals.node } },
  },
];
