#!/usr/bin/env bash
# Import benchmark: writes a synthetic UPR Info export of N rows (default 100000) in the
# database's own format (BOM, CRLF, `;`, quoted line breaks) and times `docket import upr-info`
# on it: into an empty portal, again with nothing new, and with a newer export in which 1% of
# the texts changed punctuation and 1% of the rows are new.
# Usage: bench/import.sh [ROWS]. Prints a Markdown table. Not a test; nothing is committed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rows=${1:-100000}
work=${BENCH_DIR:-target/bench-import}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
cargo build --release --locked --quiet
docket=$PWD/target/release/docket
rm -rf "$work"
mkdir -p "$work/portal"

python3 - "$rows" "$work" <<'PY'
import random, sys
rows, work = int(sys.argv[1]), sys.argv[2]
random.seed(7)
issues = ["Rights of the Child", "Women's rights", "International instruments", "Justice",
          "Torture and other CID treatment", "Right to education", "Right to health", "Labour",
          "Disabilities", "Indigenous peoples", "Poverty", "Trafficking", "Detention", "Other",
          "Human rights defenders", "Freedom of opinion and expression", "Death penalty"]
# Recommending States as UPR Info spells them (they must be in the States table).
states = ["Chile", "France", "Norway", "Japan", "Ghana", "Peru", "Spain", "Canada", "India",
          "Brazil", "Laos", "Macedonia FYR", "Iran", "Bolivia", "Venezuela", "Moldova",
          "Palestine", "Holy See", "United States", "United Kingdom", "Republic of Korea",
          "Turkey", "Viet Nam", "South Africa", "Egypt", "Mexico", "Australia", "Germany"]
verbs = ["Ratify", "Adopt", "Strengthen", "Ensure", "Continue", "Consider", "Take measures to"]
objects = ["the Optional Protocol", "a national action plan", "the independence of the judiciary",
           "access to education for all children", "the national preventive mechanism",
           "legislation against discrimination", "the protection of human rights defenders"]
def row(i, newer=False):
    text = f"{random.choice(verbs)} {random.choice(objects)} (measure {i})"
    if i % 50 == 0:
        text = f"\"{text};\r\nincluding in rural areas\""
    if newer and i % 100 == 1:
        text = text.replace("(", "[").replace(")", "]")
    session = i % 54 + 1
    response = "Noted" if i % 7 == 0 else "Supported"
    chosen = ",".join(sorted(set(random.sample(issues, random.randint(1, 3)))))
    return f"Meridia;GRULAC;OAS;{text};{states[i % len(states)]};WEOG;EU;{response};{i % 5 + 1};{chosen};{session}\r\n"
header = "\ufeffSuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;Response;Action;Issue;Session\r\n"
for name, newer, extra in [("export.csv", False, 0), ("newer.csv", True, rows // 100)]:
    random.seed(7)
    with open(f"{work}/{name}", "w", encoding="utf-8", newline="") as f:
        f.write(header)
        for i in range(rows + extra):
            f.write(row(i, newer))
PY

cat > "$work/portal/config.toml" <<'TOML'
base_url = "https://bench.example/"
default_language = "en"
as_of = "2026-06-30"
[title]
en = "Import benchmark"
[[languages]]
code = "en"
name = "English"
[[statuses]]
id = "not-started"
colour = "#b42318"
[statuses.label]
en = "Not started"
TOML

echo "| run | rows in export | wall time (s) | peak memory (MiB) | result |"
echo "|---|---:|---:|---:|---|"
run() {
    local label=$1 file=$2
    local log="$work/time-$label.log"
    /usr/bin/time -v "$docket" import upr-info "$work/$file" --root "$work/portal" >"$work/out-$label.log" 2>"$log"
    local seconds rss result lines
    seconds=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    result=$(grep 'data/recommendations.csv:' "$work/out-$label.log" | sed 's/^ *//')
    lines=$(($(grep -c $'\r$' "$work/$file") - 1))
    awk -v l="$label" -v s="$seconds" -v r="$rss" -v res="$result" -v n="$lines" \
        'BEGIN { printf "| %s | %d lines | %.2f | %.0f | %s |\n", l, n, s, r / 1024, res }'
}
run first export.csv
run again export.csv
run newer newer.csv
echo
echo "data/recommendations.csv: $(du -h "$work/portal/data/recommendations.csv" | cut -f1), $(($(wc -l <"$work/portal/data/recommendations.csv") - 1)) lines"
