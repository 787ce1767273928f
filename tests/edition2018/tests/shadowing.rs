//! In edition 2018, types, traits, modules and consts named like everything
//! `#[derive(ArenaPod)]` generates or used to generate, and like the
//! primitives, `core`, `bytemuck`, `Copy`, `Clone` and `Sized`, do not change
//! what the derive checks: plain data is accepted and works, and its layout
//! is the one its fields give.

#![expect(
    non_camel_case_types,
    non_upper_case_globals,
    dead_code,
    reason = "the names shadow primitives and generated items on purpose; only the derive's \
              output is in their scope"
)]

use ::core::mem::size_of;

use arena_memory::{Arena, ArenaPod};

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

/// Declares a one-byte `ArenaPod` newtype for each name.
macro_rules! byte_types {
    ($($name:ident),* $(,)?) => {
        $(
            #[derive(::core::clone::Clone, ::core::marker::Copy, Debug, PartialEq, ArenaPod)]
            #[repr(transparent)]
            struct $name(::core::primitive::u8);
        )*
    };
}

// Every type-namespace name the derive generates or generated on main, and
// those of `__impl_arena_pod!`'s support items.
byte_types!(
    __arena_pod,
    __ArenaPodField,
    __ArenaPodField0,
    __ArenaPodField1,
    __ArenaPodCopy,
    __ArenaPodPaddingAfter0,
    __ArenaPodTrailingPadding,
    Field0,
    IsCopy,
    PaddingAfter0,
    TrailingPadding,
    DeriveChecks,
    ImplChecks,
    Condition,
    Holds,
    SameType,
    T,
);

// Every value-namespace name the derive generates or generated on main, as
// array lengths of fields.
const is_copy: ::core::primitive::usize = 1;
const field_0: ::core::primitive::usize = 2;
const padding_after_0: ::core::primitive::usize = 3;
const trailing_padding: ::core::primitive::usize = 4;
const no_padding: ::core::primitive::usize = 5;
const field_is_arena_pod: ::core::primitive::usize = 6;
const __arena_pod_is_copy: ::core::primitive::usize = 7;
const field_has_type: ::core::primitive::usize = 8;
const value: ::core::primitive::usize = 9;

#[derive(::core::clone::Clone, ::core::marker::Copy, Debug, PartialEq, ArenaPod)]
#[repr(C)]
struct Shadowed {
    a: __arena_pod,
    b: __ArenaPodField,
    c: __ArenaPodField0,
    d: __ArenaPodField1,
    e: __ArenaPodCopy,
    f: __ArenaPodPaddingAfter0,
    g: __ArenaPodTrailingPadding,
    h: Field0,
    i: IsCopy,
    j: PaddingAfter0,
    k: TrailingPadding,
    l: DeriveChecks,
    m: ImplChecks,
    n: Condition,
    o: Holds,
    p: SameType,
    q: T,
    r: [::core::primitive::u8; is_copy],
    s: [::core::primitive::u8; field_0],
    t: [::core::primitive::u8; padding_after_0],
    u: [::core::primitive::u8; trailing_padding],
    v: [::core::primitive::u8; no_padding],
    w: [::core::primitive::u8; field_is_arena_pod],
    x: [::core::primitive::u8; __arena_pod_is_copy],
    y: [::core::primitive::u8; field_has_type],
    z: [::core::primitive::u8; value],
}

/// A generic packed struct, the shape of issue 11's case 5, with plain data
/// of a type named like the old helper trait.
#[derive(::core::clone::Clone, ::core::marker::Copy, ArenaPod)]
#[repr(C, packed)]
struct Packed<P> {
    tag: __ArenaPodField0,
    value: P,
}

const LOW_LEVEL: ::core::primitive::u16 = 0;

/// Low is a constant the derive cannot evaluate, so the generated check casts
/// to the real `u16`, not to the `u8` that `u16` names here.
#[derive(::core::clone::Clone, ::core::marker::Copy, Debug, PartialEq, arena_memory::ArenaPod)]
#[repr(u16)]
enum Level {
    High = 257,
    Low = LOW_LEVEL,
}

#[test]
fn shadowed_names_keep_the_fields_layout() {
    assert_eq!(size_of::<Shadowed>(), 17 + 45);
    let zeroed: Shadowed = ::bytemuck::Zeroable::zeroed();
    assert!(::bytemuck::bytes_of(&zeroed).iter().all(|&byte| byte == 0));
    assert_eq!(zeroed.q, T(0));
}

#[test]
fn shadowed_names_alloc_zeroed_in_an_arena() {
    let arena = Arena::with_capacity(1024);
    let shadowed = arena.alloc_zeroed::<Shadowed>();
    shadowed.a = __arena_pod(1);
    shadowed.z[8] = 2;
    let bytes = ::bytemuck::bytes_of(&*shadowed);
    assert_eq!(bytes[0], 1);
    assert_eq!(bytes[bytes.len() - 1], 2);
    let level = arena.alloc_zeroed::<Level>();
    assert_eq!(*level, Level::Low);
}

#[test]
fn packed_generic_struct_with_a_helper_named_field() {
    let packed = Packed {
        tag: __ArenaPodField0(7),
        value: 0x0102_0304_u32,
    };
    let bytes = ::bytemuck::bytes_of(&packed);
    assert_eq!(bytes.len(), 5);
    assert_eq!(bytes[0], 7);
    assert_eq!(bytes[1..], 0x0102_0304_u32.to_ne_bytes());
}

#[test]
fn enum_repr_is_the_real_integer() {
    assert_eq!(size_of::<Level>(), 2);
    assert_eq!(::bytemuck::bytes_of(&Level::High), 257_u16.to_ne_bytes());
    let zeroed: Level = ::bytemuck::Zeroable::zeroed();
    assert_eq!(zeroed, Level::Low);
}
