#!/usr/bin/env bash
# Time from saving a one-cell edit to `docket serve` answering with the new page.
#
#   bench/serve_edit.sh PORTAL [RUNS]      (PORTAL from `docket synth`, e.g. 1000 or 10000)
#
# Starts `target/release/docket serve` on PORTAL, then RUNS times (default 3): rewrites the
# text_en cell of the first recommendation (R0) and polls its page every 20 ms until the new
# text is served. Prints each time, the server's CPU time (user+sys, from /proc) from the
# save to the end of its rebuild, and the server's own line per rebuild (what changed, pages
# rendered of all pages, files rewritten, seconds); then the time of a full `docket build` of
# the same portal for comparison. Run it with `nice -n 10` on a shared machine. With
# TIMINGS=1 the server is started with `--timings` and its time per stage of every rebuild
# is printed too.
set -euo pipefail
PORTAL=${1:?usage: bench/serve_edit.sh PORTAL [RUNS]}
RUNS=${2:-3}
DOCKET=${DOCKET:-target/release/docket}
LOG=$(mktemp)
"$DOCKET" serve --root "$PORTAL" --port 0 ${TIMINGS:+--timings} >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; rm -f "$LOG"' EXIT
until grep -q '^Serving ' "$LOG"; do sleep 0.2; done
URL=$(sed -n 's/^Serving .* at \(http[^;]*\);.*/\1/p' "$LOG")
PAGE="${URL}en/recommendations/r0/"
TICK=$(getconf CLK_TCK)
cpu() { awk -v t="$TICK" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$SERVER/stat"; }
for run in $(seq 1 "$RUNS"); do
    marker="Edited cell number $run $$"
    cpu_before=$(cpu)
    start=$(date +%s.%N)
    python3 - "$PORTAL/data/recommendations.csv" "$marker" <<'PY'
import csv, io, sys
path, marker = sys.argv[1], sys.argv[2]
rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
rows[1][rows[0].index("text_en")] = marker
out = io.StringIO()
csv.writer(out, lineterminator="\n").writerows(rows)
open(path, "w", encoding="utf-8", newline="").write(out.getvalue())
PY
    until curl -fs "$PAGE" | grep -q "$marker"; do sleep 0.02; done
    end=$(date +%s.%N)
    until [ "$(grep -c ' changed: ' "$LOG")" -ge "$run" ]; do sleep 0.05; done
    echo "run $run: save to served page $(echo "$end - $start" | bc) s; rebuild CPU $(echo "$(cpu) - $cpu_before" | bc) s"
    sleep 1
done
grep -v '^Serving ' "$LOG"
OUT=$(mktemp -d)
/usr/bin/time -f "full build: %e s wall, %U s user, %S s sys, max RSS %M KB" "$DOCKET" build --root "$PORTAL" --output "$OUT/site" >/dev/null
rm -rf "$OUT"
