#!/usr/bin/env bash
# Scale benchmark for many States: writes a synthetic UPR Info export of ROWS rows (default
# 61000; bench/upr_info_export.py: 193 States under review, sessions 1-40, joint
# recommendations as one row per recommending State) and measures, with GNU time, the whole
# import in one command (`--all-states`) into an empty two-language portal, a second import
# (nothing new), then `check` and `build` of that portal: wall time, CPU, peak memory, and the
# output's size, file count and largest page.
# Usage: nice -n 10 bench/states.sh [ROWS]. Not a test; nothing is committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rows=${1:-61000}
work=${BENCH_DIR:-target/bench-states}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
# DOCKET=path/to/docket measures that binary instead of building this checkout.
if [[ -z ${DOCKET:-} ]]; then
    cargo build --release --locked --quiet
fi
docket=${DOCKET:-$PWD/target/release/docket}
rm -rf "$work"
mkdir -p "$work/portal"
python3 bench/upr_info_export.py "$rows" "$work/export.csv"

cat > "$work/portal/config.toml" <<'TOML'
base_url = "https://states.example/"
default_language = "en"
as_of = "2026-06-30"
[title]
en = "UPR recommendations to every State"
fr = "Recommandations de l'EPU à tous les États"
[[languages]]
code = "en"
name = "English"
[[languages]]
code = "fr"
name = "Français"
[[statuses]]
id = "not-started"
colour = "#b42318"
[statuses.label]
en = "Not started"
fr = "Pas commencé"
TOML

echo "| step | wall (s) | CPU user+sys (s) | peak memory (MiB) | result |"
echo "|---|---:|---:|---:|---|"
measure() {
    local label=$1
    shift
    local log="$work/time-$label.log"
    /usr/bin/time -v "$@" >"$work/out-$label.log" 2>"$log"
    local wall user sys rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    local result
    result=$(head -n 1 "$work/out-$label.log" | cut -c1-120)
    awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v res="$result" \
        'BEGIN { printf "| %s | %.1f | %.1f | %.0f | %s |\n", l, w, u + s, r / 1024, res }'
}
measure import "$docket" import upr-info "$work/export.csv" --all-states --root "$work/portal"
measure import-again "$docket" import upr-info "$work/export.csv" --all-states --root "$work/portal"
measure check "$docket" check --root "$work/portal"
measure build "$docket" build --root "$work/portal" --output "$work/public"
echo
recs=$(($(grep -c . "$work/portal/data/recommendations.csv") - 1))
echo "recommendations.csv: $(du -b "$work/portal/data/recommendations.csv" | cut -f1) bytes, about $recs lines"
echo "output: $(du -sb "$work/public" | cut -f1) bytes (du -sb), $(find "$work/public" -type f | wc -l) files"
largest=$(find "$work/public" -type f -printf '%s %P\n' | sort -n | tail -n 1)
echo "largest file: $largest"
largest_page=$(find "$work/public" -type f -name '*.html' -printf '%s %P\n' | sort -n | tail -n 1)
echo "largest page: $largest_page"
echo
echo "bytes by route kind (both languages): kind, bytes, files"
find "$work/public" -type f -printf '%s %P\n' | awk '
{
    p = $2; k = "other pages and files"
    if (p ~ /^api\//) k = "api"
    else if (p ~ /^search\//) k = "search index"
    else if (p ~ /^data\//) k = "open data"
    else if (p ~ /^[a-z]+\/recommendations\/(index\.html|page\/)/) k = "Recommendations list"
    else if (p ~ /^[a-z]+\/recommendations\/[^\/]+\/index\.html$/) k = "recommendation pages"
    else if (p ~ /^[a-z]+\/[a-z-]+\/[^\/]+\/states\//) k = "per-State term lists"
    else if (p ~ /\/by-date\//) k = "by-date forwards"
    else if (p ~ /^[a-z]+\/mechanisms\/[^\/]+\/report\//) k = "draft reports"
    else if (p ~ /^[a-z]+\/(states|recommending-states)\//) k = "State and recommending-State pages"
    else if (p ~ /^[a-z]+\/documents\//) k = "documents"
    else if (p ~ /^[a-z]+\/(mechanisms|themes|institutions|groups|sdg|clusters|statuses)\//) k = "other term pages"
    else if (p ~ /^[a-z]+\/feeds\//) k = "feeds"
    bytes[k] += $1; files[k]++
}
END { for (k in bytes) printf "%s\t%d\t%d\n", k, bytes[k], files[k] }' | sort -t "$(printf '\t')" -k2,2nr
