//! Compile-time guarantees, checked by compiling small programs with trybuild:
//! `tests/ui/pass` must build and run; `tests/ui/fail` (what `#[derive(ArenaPod)]`
//! rejects) and `tests/ui/regions` (what the borrow checker rejects about
//! persistent and ephemeral memory) must fail with the output in the `.stderr`
//! next to each file.
//!
//! Three tests, one per folder, so that each reports on its own. trybuild
//! builds its project (this crate and its dependencies) once, under a lock;
//! the first test to take the lock builds it and the others reuse it. Each
//! test says what it is doing on stderr, which the test harness does not
//! capture, and trybuild prints one line per case as it goes.
//!
//! Skipped under Miri, which cannot run the compiler, and under
//! AddressSanitizer (`--cfg asan`, set by scripts/asan.sh): what fails to
//! compile says nothing about memory at run time.
#![cfg(not(any(miri, asan)))]

use std::io::Write as _;

/// Says on stderr, past the test harness's capture, which cases are about to
/// be compiled.
fn announce(folder: &str, expectation: &str) {
    let cases = std::fs::read_dir(format!("tests/ui/{folder}"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "rs"))
                .count()
        })
        .unwrap_or(0);
    let _ = writeln!(
        std::io::stderr(),
        "tests/ui/{folder}: {cases} cases that must {expectation} (trybuild compiles each; \
         the first of the three tests also builds the crate for them, about a minute cold)"
    );
}

#[test]
fn pass() {
    announce("pass", "compile and run");
    trybuild::TestCases::new().pass("tests/ui/pass/*.rs");
}

#[test]
fn derive_rejects() {
    announce(
        "fail",
        "fail to compile with the expected #[derive(ArenaPod)] error",
    );
    trybuild::TestCases::new().compile_fail("tests/ui/fail/*.rs");
}

#[test]
fn regions_reject() {
    announce(
        "regions",
        "fail to compile with the expected borrow-checker error",
    );
    trybuild::TestCases::new().compile_fail("tests/ui/regions/*.rs");
}
