#!/usr/bin/env bash
# Build benchmark: generates synthetic portals and times `docket build` on each.
# Usage: bench/run.sh [SIZES...]   (default: 1000 10000 100000)
# Prints a Markdown table: pages, wall time, pages per second, peak memory, output size.
# Not a test: numbers depend on the machine. Results go to BENCHMARKS.md by hand.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
languages=${BENCH_LANGUAGES:-en,fr,es,ar}
work=${BENCH_DIR:-target/bench}

command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
cargo build --release --locked --quiet
docket=target/release/docket

echo "| recommendations | languages | pages | build time (s) | pages/s | peak memory (MiB) | output (MiB) | files |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
    portal="$work/portal-$n"
    out="$work/site-$n"
    rm -rf "$portal" "$out"
    "$docket" synth "$portal" --recommendations "$n" --languages "$languages" >/dev/null
    log="$work/time-$n.log"
    /usr/bin/time -v "$docket" build --root "$portal" --output "$out" >"$work/build-$n.log" 2>"$log"
    seconds=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss_kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    pages=$(sed -n 's/^Built \([0-9]*\) pages.*/\1/p' "$work/build-$n.log")
    bytes=$(du -sb "$out" | cut -f1)
    files=$(find "$out" -type f | wc -l)
    awk -v n="$n" -v l="$languages" -v p="$pages" -v s="$seconds" -v r="$rss_kb" -v b="$bytes" -v f="$files" \
        'BEGIN { printf "| %d | %s | %d | %.2f | %.0f | %.0f | %.0f | %d |\n", n, l, p, s, p / s, r / 1024, b / 1048576, f }'
    rm -rf "$out"
done
