#!/usr/bin/env bash
# Instruction counts per operation for workloads 1, 2 and 6 (and 5's resets):
# each workload runs once warm for each implementation under
# `valgrind --tool=callgrind`, counting only the function `measured` and what it
# calls (see benches/instructions.rs). Prints a Markdown table: instructions
# per operation, the ratio to the best peer of the workload, and the
# global-allocator calls in the measured round.
#
# Usage: benches/instructions.sh [workload-filter]
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --profile bench -p arena-memory-benches --bin instructions
bin=target/release/instructions
filter="${1:-}"

results=$(mktemp)
trap 'rm -f "$results"' EXIT

"$bin" --list | while read -r workload peer; do
    [[ -n "$filter" && "$workload" != *"$filter"* ]] && continue
    out=$(valgrind --tool=callgrind --toggle-collect='*measured*' \
        --callgrind-out-file=/dev/null "$bin" "$workload" "$peer" 2>&1)
    ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$out")
    ops=$(sed -n 's/.*ops=\([0-9]*\).*/\1/p' <<<"$out")
    calls=$(sed -n 's/.*allocator_calls=\([0-9]*\).*/\1/p' <<<"$out")
    echo "$workload $peer $ir $ops $calls" >>"$results"
done

echo "| workload | implementation | instructions / op | ratio to best | global-allocator calls per round |"
echo "|---|---|---:|---:|---:|"
awk '
    { w[NR] = $1; p[NR] = $2; per[NR] = $3 / $4; calls[NR] = $5
      if (!($1 in best) || per[NR] < best[$1]) best[$1] = per[NR] }
    END { for (i = 1; i <= NR; i++)
            printf "| %s | %s | %.1f | %.2f | %d |\n", w[i], p[i], per[i], per[i] / best[w[i]], calls[i] }
' "$results"
