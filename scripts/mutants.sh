#!/usr/bin/env bash
# Mutation testing with cargo-mutants over the whole workspace (src/ and
# arena-derive/src/), at the lowest CPU priority and one job, so that builds
# and other work on the machine go first.
#
# Tests run per mutant: the lib's unit tests (both crates) and every
# tests/*.rs except the trybuild suite tests/ui.rs, which compiles a crate per
# case and would make each mutant several times slower (MUTANTS_UI=1 adds it).
# Doctests are not run: they do not count as tests here.
#
# Usage: scripts/mutants.sh [cargo-mutants options...]
#   scripts/mutants.sh                      # everything (hours: see below)
#   scripts/mutants.sh -f src/bumping.rs    # one file
#   scripts/mutants.sh --list               # what would be tried
#   MUTANTS_NO_ALLOC=1 scripts/mutants.sh   # the overflow stub (below)
#
# The `#[cfg(not(feature = "alloc"))]` stand-in for the overflow state
# (`stub::Overflow` in src/arena/overflow.rs) is compiled only without the
# default features, so the default run leaves its mutants out
# (`--exclude-re`: it would report them missed, untested), and
# MUTANTS_NO_ALLOC=1 runs just them, built with `--no-default-features` and
# tested by the targets that build without `alloc`: the lib's unit tests and
# tests/arena_block.rs (arenas over a caller's block).
# Results land in mutants.out/ (missed.txt is what to look at). Exclusions,
# with their reasons, are in .cargo/mutants.toml; equivalent mutants that
# remain, with theirs, in scripts/mutants-equivalent.md.
#
# Run time on the 2-core shared development machine: see
# scripts/mutants-equivalent.md ("Run time").
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-mutants >/dev/null; then
    echo "needs cargo-mutants: cargo install cargo-mutants" >&2
    exit 2
fi

# The targets go to every cargo call (`--cargo-arg`), not only to `cargo
# test`: then each mutant's build compiles just these, not the examples,
# benches and the trybuild suite too.
targets=(--cargo-arg=--lib)
for file in tests/*.rs; do
    name=$(basename "$file" .rs)
    if [ "$name" = ui ] && [ "${MUTANTS_UI:-0}" != 1 ]; then
        continue
    fi
    targets+=("--cargo-arg=--test=$name")
done

stub='stub::Overflow::'
if [ "${MUTANTS_NO_ALLOC:-0}" = 1 ]; then
    exec nice -n 19 cargo mutants --jobs 1 --no-default-features \
        --cargo-arg=--lib --cargo-arg=--test=arena_block \
        -f src/arena/overflow.rs --re "$stub" "$@"
fi

# `std` compiles `io::Write for ArenaVec<'_, u8>` (src/vec.rs) and its test in
# tests/vec_std.rs; without it that impl's mutants would be reported missed.
exec nice -n 19 cargo mutants --jobs 1 --workspace --test-workspace=true \
    --features std --exclude-re "$stub" "${targets[@]}" "$@"
