//! Compile-fail (and compile-pass) tests: what the borrow checker and the derive
//! must refuse. Skipped under Miri, which cannot run the compiler.
#![cfg(not(miri))]

#[test]
fn regions_are_enforced_by_the_borrow_checker() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/regions/*.rs");
}
