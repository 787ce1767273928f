#!/usr/bin/env bash
# Runs the cargo-fuzz targets one after the other, each for FUZZ_SECONDS
# (default 600), at the lowest CPU priority so that builds go first.
# Usage: scripts/fuzz.sh [target...]   (default: all five)
# Each target's log goes to fuzz/logs/<target>.log; its last line is
# libFuzzer's "Done N runs in S second(s)". Needs `cargo install cargo-fuzz`
# and the nightly toolchain. Crashes land in fuzz/artifacts/<target>/.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"

seconds=${FUZZ_SECONDS:-600}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(arena_ops vec_ops str_ops hash_map_ops bumping)
fi
mkdir -p logs
status=0
for target in "${targets[@]}"; do
    printf '=== %s for %ss\n' "$target" "$seconds"
    if nice -n 19 cargo +nightly fuzz run "$target" -- -max_total_time="$seconds" \
        >"logs/$target.log" 2>&1; then
        grep -E '^Done [0-9]+ runs' "logs/$target.log" || true
    else
        printf '!!! %s found a crash: see fuzz/logs/%s.log and fuzz/artifacts/%s/\n' \
            "$target" "$target" "$target"
        status=1
    fi
done
exit "$status"
