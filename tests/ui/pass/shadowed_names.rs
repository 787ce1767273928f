//! The derive's output means the same whatever the user's scope shadows: the
//! integer names (as aliases of other types), `core`, `bytemuck`, `Copy`,
//! `Clone`, `Sized`, and names like those of the derive's own helpers.

#![expect(
    non_camel_case_types,
    non_upper_case_globals,
    dead_code,
    reason = "the names shadow primitives and generated items on purpose"
)]

mod core {}
mod bytemuck {}
trait Copy {}
trait Clone {}
trait Sized {}

type u8 = ::core::primitive::u64;
type u16 = ::core::primitive::u8;
type u32 = ::core::primitive::u8;
type u64 = ::core::primitive::u8;
type u128 = ::core::primitive::u8;
type usize = ::core::primitive::u8;
type i8 = ::core::primitive::u64;
type i16 = ::core::primitive::u8;
type i32 = ::core::primitive::u8;
type i64 = ::core::primitive::u8;
type i128 = ::core::primitive::u8;
type isize = ::core::primitive::u8;

/// A const named like the derive's functions, used as an array length.
const no_padding: ::core::primitive::usize = 3;
const is_copy: ::core::primitive::usize = 1;

/// Plain data named like the derive's helper items.
#[derive(::core::clone::Clone, ::core::marker::Copy, arena_memory::ArenaPod)]
#[repr(transparent)]
struct __arena_pod(::core::primitive::u8);

#[derive(::core::clone::Clone, ::core::marker::Copy, arena_memory::ArenaPod)]
#[repr(transparent)]
struct __ArenaPodField(::core::primitive::u8);

#[derive(::core::clone::Clone, ::core::marker::Copy, arena_memory::ArenaPod)]
#[repr(transparent)]
struct Field0(::core::primitive::u8);

#[derive(::core::clone::Clone, ::core::marker::Copy, arena_memory::ArenaPod)]
#[repr(C)]
struct Helpers {
    a: __arena_pod,
    b: __ArenaPodField,
    c: Field0,
    d: [::core::primitive::u8; no_padding],
    e: [::core::primitive::u8; is_copy],
}

const LOW_LEVEL: ::core::primitive::u16 = 0;

/// Low is a constant the derive cannot evaluate, so the generated check casts
/// to the real `u16`, not to the `u8` that `u16` names here.
#[derive(::core::clone::Clone, ::core::marker::Copy, arena_memory::ArenaPod)]
#[repr(u16)]
enum Level {
    High = 257,
    Low = LOW_LEVEL,
}

fn main() {
    let helpers: Helpers = ::bytemuck::Zeroable::zeroed();
    ::core::assert_eq!(::bytemuck::bytes_of(&helpers), &[0; 7]);
    let level: Level = ::bytemuck::Zeroable::zeroed();
    ::core::assert!(::core::matches!(level, Level::Low));
    ::core::assert_eq!(::bytemuck::bytes_of(&Level::High), &257u16.to_ne_bytes());
}
