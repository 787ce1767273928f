//! Compile-fail cases of `#[derive(ArenaPod)]` that need edition 2018, checked
//! with trybuild in this crate's edition. Skipped under Miri, which cannot run
//! the compiler, and under AddressSanitizer (`--cfg asan`).
#![cfg(not(any(miri, asan)))]

#[test]
fn compile_time_guarantees_in_edition_2018() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/fail/*.rs");
}
