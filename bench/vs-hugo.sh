#!/usr/bin/env bash
# Docket and Hugo side by side on one synthetic corpus per size.
# Usage: bench/vs-hugo.sh [SIZES...]   (default: 1000 10000)
#
# For each size: `docket synth --recommendations N` (four languages), the same corpus as a Hugo
# site (../shared/bench/docket_to_hugo.py), then the release Docket and `hugo` each build it
# into tmpfs (/dev/shm) and onto disk. Prints a Markdown table with wall and CPU (user+sys)
# seconds, peak memory (GNU time), HTML pages, files and their bytes, and Docket/Hugo ratios.
# Not a test: numbers depend on the machine and its load. Results go to BENCHMARKS.md by hand.
#
# Needs: hugo (apt-get install hugo), GNU time (apt-get install time), python3.
# Environment: DOCKET (a built release binary; default: cargo build --release),
# DOCKET_TO_HUGO (the converter), BENCH_DIR (disk work folder, default
# target/bench-hugo), BENCH_TMPFS (default /dev/shm), BENCH_LANGUAGES (default en,fr,es,ar).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD

sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)
languages=${BENCH_LANGUAGES:-en,fr,es,ar}
converter=${DOCKET_TO_HUGO:-$root/../shared/bench/docket_to_hugo.py}
disk=$(mkdir -p "${BENCH_DIR:-target/bench-hugo}" && cd "${BENCH_DIR:-target/bench-hugo}" && pwd)
tmpfs=$(mktemp -d "${BENCH_TMPFS:-/dev/shm}/docket-vs-hugo.XXXXXX")
trap 'rm -rf "$tmpfs"' EXIT

for tool in hugo /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "vs-hugo.sh needs $tool (apt-get install ${tool##*/})" >&2; exit 1; }
done
[ -f "$converter" ] || { echo "converter not found: $converter (set DOCKET_TO_HUGO)" >&2; exit 1; }
if [ -z "${DOCKET:-}" ]; then
    cargo build --release --locked --quiet
fi
docket=${DOCKET:-$root/target/release/docket}

# measure NAME OUT CMD...: runs CMD under GNU time; prints "wall cpu rss_mib html files mib".
measure() {
    local name=$1 out=$2
    shift 2
    rm -rf "$out"
    local log=$disk/$name.time
    /usr/bin/time -v "$@" >"$disk/$name.log" 2>"$log" || { cat "$log" >&2; exit 1; }
    local wall user sys rss html files bytes
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" |
        awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    html=$(find "$out" -type f -name '*.html' | wc -l)
    files=$(find "$out" -type f | wc -l)
    # Bytes of the files themselves: folder sizes differ between file systems.
    bytes=$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
    awk -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v h="$html" -v f="$files" -v b="$bytes" \
        'BEGIN { printf "%.2f %.2f %.0f %d %d %.1f\n", w, u + s, r / 1024, h, f, b / 1048576 }'
    rm -rf "$out"
}

echo "| recommendations | output on | generator | wall (s) | CPU user+sys (s) | peak memory (MiB) | HTML pages | files | output (MiB) |"
echo "|---:|---|---|---:|---:|---:|---:|---:|---:|"
ratios=()
for n in "${sizes[@]}"; do
    portal=$disk/portal-$n
    site=$disk/hugo-$n
    rm -rf "$portal"
    "$docket" synth "$portal" --recommendations "$n" --languages "$languages" >/dev/null
    python3 "$converter" "$portal" "$site" >/dev/null
    for place in tmpfs disk; do
        base=$tmpfs
        [ "$place" = disk ] && base=$disk
        d=$(measure "docket-$n-$place" "$base/docket-out-$n" \
            "$docket" build --root "$portal" --output "$base/docket-out-$n")
        h=$(measure "hugo-$n-$place" "$base/hugo-out-$n" \
            hugo --quiet -s "$site" -d "$base/hugo-out-$n")
        for row in "Docket $d" "Hugo $h"; do
            read -r gen wall cpu rss html files mib <<<"$row"
            echo "| $n | $place | $gen | $wall | $cpu | $rss | $html | $files | $mib |"
        done
        ratios+=("$(awk -v n="$n" -v p="$place" -v d="$d" -v h="$h" 'BEGIN {
            split(d, a, " "); split(h, b, " ")
            printf "| %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f |", n, p,
                a[1] / b[1], a[2] / b[2], a[3] / b[3], a[6] / b[6], (a[6] / a[4]) / (b[6] / b[4])
        }')")
    done
done
echo
echo "Docket / Hugo:"
echo
echo "| recommendations | output on | wall | CPU user+sys | peak memory | output bytes | bytes per HTML page |"
echo "|---:|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${ratios[@]}"
