#!/usr/bin/env bash
# Search benchmark: Docket's static index against Pagefind on the same built site. Not a test.
# Usage: bench/search.sh [SIZES...]   (default: 10000 100000); BENCH_PAGEFIND=0 skips Pagefind,
# BENCH_KEEP=1 keeps the synthetic portal and the built site (with pagefind/) for a closer look,
# BENCH_PAGEFIND_GLOB limits what Pagefind indexes (default: every page; at 100k recommendations
# Pagefind 1.6.0 needs more than 24 GB for all four languages, so 'en/**/*.html' there).
# Needs: node, /usr/bin/chromium, tests/browser/node_modules (npm ci there), GNU time.
# Installs pagefind with npm into target/pagefind/ (not committed).
# For each size: synthesises a portal (4 languages), builds it (timed), indexes the built site
# with Pagefind (timed; its entry pages first get Docket's facet values as Pagefind filters,
# bench/pagefind-facets.mjs, so both have facets), then runs bench/search-measure.mjs (bytes per query in Chromium,
# query time in Node). Results (JSON) go to target/bench-search/result-N.json; the numbers in
# BENCHMARKS.md are copied from there by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
languages=${BENCH_LANGUAGES:-en,fr,es,ar}
work=${BENCH_DIR:-target/bench-search}
pagefind_glob=${BENCH_PAGEFIND_GLOB:-'**/*.{html}'}
mkdir -p "$work"

command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
# BENCH_DOCKET=path runs that binary instead of a fresh release build.
docket=${BENCH_DOCKET:-target/release/docket}
[ -n "${BENCH_DOCKET:-}" ] || cargo build --release --locked --quiet
if [ ! -x target/pagefind/node_modules/.bin/pagefind ]; then
    mkdir -p target/pagefind
    (cd target/pagefind && { [ -f package.json ] || echo '{"private":true}' > package.json; } && npm install --no-audit --no-fund pagefind@1.6.0)
fi
[ -d tests/browser/node_modules/playwright-core ] || (cd tests/browser && npm ci --no-audit --no-fund)

seconds() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$1" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }'; }

for n in "${sizes[@]}"; do
    portal="$work/portal-$n"
    out="$work/site-$n"
    rm -rf "$portal" "$out"
    "$docket" synth "$portal" --recommendations "$n" --languages "$languages" >/dev/null
    /usr/bin/time -v "$docket" build --root "$portal" --output "$out" >"$work/build-$n.log" 2>"$work/time-$n.log"
    /usr/bin/time -v "$docket" check --root "$portal" >/dev/null 2>"$work/check-$n.log"
    /usr/bin/time -v "$docket" search --root "$portal" --lang en "torture" >/dev/null 2>"$work/search-$n.log"
    if [ "${BENCH_PAGEFIND:-1}" = 1 ]; then
        # Pagefind indexes a copy (hard links) whose entry pages carry Docket's facet values
        # as data-pagefind-filter; Docket's own pages stay as they are.
        rm -rf "$out-facets"
        node bench/pagefind-facets.mjs "$out" "$out-facets" >"$work/pagefind-facets-$n.log"
        rm -rf "$out"
        mv "$out-facets" "$out"
        /usr/bin/time -v target/pagefind/node_modules/.bin/pagefind --site "$out" --glob "$pagefind_glob" >"$work/pagefind-$n.log" 2>"$work/pagefind-time-$n.log" || echo "pagefind failed at $n (see $work/pagefind-$n.log)" >&2
    else
        : >"$work/pagefind-time-$n.log"
    fi
    node bench/search-measure.mjs "$out" en >"$work/measure-$n.json"
    {
        echo "{\"recommendations\": $n, \"languages\": \"$languages\", \"pagefind_glob\": \"$pagefind_glob\","
        echo " \"build_s\": $(seconds "$work/time-$n.log"), \"check_s\": $(seconds "$work/check-$n.log"),"
        echo " \"search_cli_one_language_s\": $(seconds "$work/search-$n.log"),"
        echo " \"pagefind_s\": $(seconds "$work/pagefind-time-$n.log" | grep . || echo null),"
        echo " \"docket_index_bytes\": $(du -sb "$out/search" | cut -f1), \"docket_index_files\": $(find "$out/search" -type f | wc -l),"
        echo " \"docket_index_en_bytes\": $(du -sb "$out/search/en" | cut -f1), \"docket_index_en_files\": $(find "$out/search/en" -type f | wc -l),"
        echo " \"pagefind_bytes\": $( [ -d "$out/pagefind" ] && du -sb "$out/pagefind" | cut -f1 || echo null), \"pagefind_files\": $( [ -d "$out/pagefind" ] && find "$out/pagefind" -type f | wc -l || echo null),"
        echo " \"measure\": $(cat "$work/measure-$n.json")}"
    } >"$work/result-$n.json"
    echo "== $n recommendations: $work/result-$n.json"
    cat "$work/result-$n.json"
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$out" "$portal"
done
