//! Compile-time guarantees, checked by compiling small programs with trybuild:
//! `tests/ui/pass` must build and run; `tests/ui/fail` (what `#[derive(ArenaPod)]`
//! rejects) and `tests/ui/regions` (what the borrow checker rejects about
//! persistent and ephemeral memory) must fail with the output in the `.stderr`
//! next to each file. One test, so that trybuild builds its project once.
//!
//! Skipped under Miri, which cannot run the compiler, and under
//! AddressSanitizer (`--cfg asan`, set by scripts/asan.sh): what fails to
//! compile says nothing about memory at run time.
#![cfg(not(any(miri, asan)))]

#[test]
fn compile_time_guarantees() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
    cases.compile_fail("tests/ui/regions/*.rs");
}
