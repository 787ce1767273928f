//! Nothing to use: this crate exists for its tests, which derive `ArenaPod`
//! in edition 2018. There, a bare trait name is also a type (`dyn Trait`), so
//! a field type could resolve to a trait the derive declared next to the
//! field if one were in scope (issue 11, case 5). `tests/shadowing.rs` shows
//! that types named like anything the derive generates are checked as
//! themselves, and `tests/ui/fail` that such a type is still rejected when it
//! is not plain old data.
#![no_std]
