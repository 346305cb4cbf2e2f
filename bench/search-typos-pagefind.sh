#!/usr/bin/env bash
# Typo success rate, Docket and Pagefind side by side, on the same query set: the 169 SDG
# targets in en, fr, es, ar, ru (from ../shared/data), each target's rarest word misspelt with
# one and two edits (tests/search_typos.rs). Not a test.
# Usage: bench/search-typos-pagefind.sh [DIR]   (default: target/bench-typos; SHARED_DATA
# overrides ../shared/data). Needs node, /usr/bin/chromium; installs pagefind 1.6.0 with npm
# into target/pagefind/ and tests/browser's packages (npm ci).
# Docket's rate is printed by the test; Pagefind's (same queries, first 5 results, in
# headless Chromium) by bench/search-typos-pagefind.mjs into DIR/pagefind.json.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dir=$(realpath -m "${1:-target/bench-typos}")
shared=$(realpath "${SHARED_DATA:-../shared/data}")
rm -rf "$dir"
mkdir -p "$dir"
if [ ! -x target/pagefind/node_modules/.bin/pagefind ]; then
    mkdir -p target/pagefind
    (cd target/pagefind && { [ -f package.json ] || echo '{"private":true}' > package.json; } && npm install --no-audit --no-fund pagefind@1.6.0)
fi
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund)
DOCKET_TYPO_QUERIES="$dir" DOCKET_SHARED_DATA="$shared" \
    cargo test --locked --test search_typos -- --ignored --nocapture | tee "$dir/docket.txt"
target/pagefind/node_modules/.bin/pagefind --site "$dir/site" >"$dir/pagefind-index.log"
node bench/search-typos-pagefind.mjs "$dir" | tee "$dir/pagefind.json"
