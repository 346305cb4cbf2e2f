#!/usr/bin/env bash
# Search benchmark: Docket's static index against Pagefind on the same built site. Not a test.
# Usage: bench/search.sh [SIZES...]   (default: 10000 100000); BENCH_PAGEFIND=0 skips Pagefind,
# BENCH_KEEP=1 keeps the synthetic portal and the built site (with pagefind/) for a closer look,
# BENCH_LANGUAGES the portal's languages (default en,fr,es,ar; Docket is measured on en),
# BENCH_PAGEFIND_GLOB limits what Pagefind indexes (default: every page),
# BENCH_DIR where the portal and site go (default target/bench-search).
# Needs: node, /usr/bin/chromium, tests/browser/node_modules (npm ci there), GNU time.
# Installs pagefind with npm into target/pagefind/ (not committed).
# For each size: synthesises a portal, builds it (timed), indexes the built site
# with Pagefind (timed; its entry pages first get Docket's facet values as Pagefind filters,
# bench/pagefind-facets.mjs, so both have facets), then runs bench/search-measure.mjs (bytes per query in Chromium,
# query time in Node). Results (JSON) go to $BENCH_DIR/result-N.json, and the table of
# bench/search-summary.mjs (first, typo and phrase queries, facets open, both engines) to
# $BENCH_DIR/summary-N.md; the numbers in BENCHMARKS.md are copied from there by hand.
#
# At 100,000 recommendations, English pages only (Pagefind 1.6.0 needs more than 24 GB for all
# four languages; for English alone it took 21.9 GB and 10.5 minutes on 2026-11-22), on an
# otherwise idle machine with about 24 GB of memory:
#   BENCH_LANGUAGES=en bench/search.sh 100000
# The site goes to disk (target/bench-search: not /dev/shm, whose files take memory Pagefind
# needs); about 10 GB free is enough (the English site, about 3.5 GB, its copy with facet
# spans while it is made, Pagefind's index). Everything but the JSON and the table is deleted
# at the end unless BENCH_KEEP=1.
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
# Wall, CPU (user + system) and peak memory of a `/usr/bin/time -v` log, as JSON (null if empty).
timing() {
    if [ ! -s "$1" ]; then echo null; return; fi
    local cpu peak
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.1f", s }' "$1")
    peak=$(awk -F': ' '/Maximum resident set size/ { printf "%d", $2 / 1024 }' "$1")
    echo "{\"wall_s\": $(seconds "$1"), \"cpu_s\": $cpu, \"peak_mb\": $peak}"
}

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
        echo " \"docket_build\": $(timing "$work/time-$n.log"), \"pagefind_run\": $(timing "$work/pagefind-time-$n.log"),"
        echo " \"docket_index_bytes\": $(du -sb "$out/search" | cut -f1), \"docket_index_files\": $(find "$out/search" -type f | wc -l),"
        echo " \"docket_index_en_bytes\": $(du -sb "$out/search/en" | cut -f1), \"docket_index_en_files\": $(find "$out/search/en" -type f | wc -l),"
        echo " \"pagefind_bytes\": $( [ -d "$out/pagefind" ] && du -sb "$out/pagefind" | cut -f1 || echo null), \"pagefind_files\": $( [ -d "$out/pagefind" ] && find "$out/pagefind" -type f | wc -l || echo null),"
        echo " \"measure\": $(cat "$work/measure-$n.json")}"
    } >"$work/result-$n.json"
    echo "== $n recommendations: $work/result-$n.json"
    node bench/search-summary.mjs "$work/result-$n.json" >"$work/summary-$n.md"
    cat "$work/summary-$n.md"
    [ "${BENCH_KEEP:-0}" = 1 ] || rm -rf "$out" "$portal"
done
