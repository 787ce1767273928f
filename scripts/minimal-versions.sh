#!/usr/bin/env bash
# Checks that the published crates (arena-memory and arena-derive) build with
# the oldest versions of their dependencies that their Cargo.toml files allow:
# `cargo +nightly update -Z direct-minimal-versions`, then `cargo check` with
# all features and with none.
#
# It runs on a copy of the sources whose workspace holds only those two
# crates: with `-Z direct-minimal-versions` every workspace member's direct
# dependencies are pinned to their minimum, so the comparison benchmarks'
# peers (bump-scope needs allocator-api2 0.2.21) would otherwise force the
# library's own lower bounds up. The repository's Cargo.lock is not touched.
#
# Usage: scripts/minimal-versions.sh   (needs the nightly toolchain and the
# crates.io index)
set -euo pipefail
cd "$(dirname "$0")/.."

copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT

git ls-files -z --cached --others --exclude-standard -- Cargo.toml Cargo.lock LICENSE README.md src tests arena-derive |
    xargs -0 -I{} sh -c 'test -e "{}" && printf "%s\0" "{}"' |
    tar --null -cf - -T - | tar -xf - -C "$copy"

# The workspace without the demo and the benchmarks.
sed -i -e 's/^members = \[.*\]$/members = [".", "arena-derive"]/' -e '/^default-members = /d' "$copy/Cargo.toml"
grep -q '^members = \[".", "arena-derive"\]$' "$copy/Cargo.toml" || {
    echo "minimal-versions: could not narrow the workspace in Cargo.toml" >&2
    exit 1
}

cd "$copy"
export CARGO_TARGET_DIR="${MINIMAL_VERSIONS_TARGET_DIR:-$OLDPWD/target/minimal-versions}"
cargo +nightly update -Z direct-minimal-versions
echo "minimal versions of the direct dependencies:"
cargo tree -p arena-memory -p arena-derive --depth 1 -e normal --prefix none | sort -u
cargo check -p arena-memory -p arena-derive --all-features
cargo check -p arena-memory -p arena-derive --no-default-features
