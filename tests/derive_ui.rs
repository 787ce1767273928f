//! What `#[derive(ArenaPod)]` accepts and how it explains a rejection, checked
//! by compiling the files in `tests/ui/pass` (which must build and run) and
//! `tests/ui/fail` (whose compiler output must match the `.stderr` next to each).
//!
//! Skipped under Miri, which cannot run the compiler.
#![cfg(not(miri))]

#[test]
fn derive_accepts_and_rejects() {
    let cases = trybuild::TestCases::new();
    cases.pass("tests/ui/pass/*.rs");
    cases.compile_fail("tests/ui/fail/*.rs");
}
