//! Issue 11, case 5: in edition 2018 a bare trait name is a type. The derive
//! used to declare `trait __ArenaPodField0` where the field types resolve, so
//! a field of the user's type `__ArenaPodField0` was checked as
//! `dyn __ArenaPodField0` (which implements the trait) and passed, and a
//! packed generic struct holding a reference became `ArenaPod` (`Holder`
//! below compiles on the commit before the fix). Now nothing the derive
//! declares is in scope of the field types: every field below is checked as
//! the user's own type and rejected, including types named like the module
//! and the helpers the derive declares now.

#![allow(
    non_camel_case_types,
    dead_code,
    reason = "the types are named like generated items on purpose; rejected before use"
)]

use arena_memory::ArenaPod;

/// The helper trait's name on main.
#[derive(Clone, Copy)]
struct __ArenaPodField0(&'static u64);

/// The copy check's name on main.
#[derive(Clone, Copy)]
struct __ArenaPodCopy(&'static u64);

/// The private module's name now.
#[derive(Clone, Copy)]
struct __arena_pod(&'static u64);

/// A helper's name inside that module.
#[derive(Clone, Copy)]
struct Field0(&'static u64);

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, packed)]
struct Holder<T> {
    value: __ArenaPodField0,
    extra: T,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C, packed)]
struct CopyHolder<T> {
    value: __ArenaPodCopy,
    extra: T,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct ModuleHolder {
    value: __arena_pod,
}

#[derive(Clone, Copy, ArenaPod)]
#[repr(C)]
struct InnerHolder {
    value: Field0,
}

fn main() {}
