#!/usr/bin/env bash
# The runtime test suite under AddressSanitizer: nightly, with std rebuilt
# under ASan (-Zbuild-std, needs the nightly `rust-src` component), in its own
# target directory. Not part of .ci/run (it rebuilds std: several minutes on
# two cores); run it by hand before a release and after touching unsafe code.
#
# - Only the `arena-memory` package: `arena-derive` is a proc-macro crate,
#   which runs inside the compiler and cannot be built with -Zsanitizer this
#   way (with --target, cargo builds proc macros for the host without
#   RUSTFLAGS); it has no unsafe code.
# - `--lib --tests`: unit and integration tests. Not doctests (rustdoc would
#   need the sanitized std too) and not benches.
# - `--cfg asan` turns off tests/ui.rs: trybuild runs the compiler on small
#   programs that must fail to compile, which says nothing about memory at run
#   time, and its nested cargo would not get -Zbuild-std.
# - allocator_may_return_null=1: bad_input_owned_block_larger_than_memory
#   asks the global allocator for ~2^63 bytes and expects `OutOfMemory`; by
#   default ASan aborts on such a request instead of returning null.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup component add --toolchain nightly rust-src >/dev/null
target=$(rustc +nightly -vV | sed -n 's/^host: //p')

export RUSTFLAGS="-Zsanitizer=address --cfg asan"
export ASAN_OPTIONS="${ASAN_OPTIONS:-allocator_may_return_null=1:detect_stack_use_after_return=1}"
exec cargo +nightly test -Zbuild-std --target "$target" --target-dir target/asan \
    -p arena-memory --lib --tests "$@"
