//! [`ArenaPod`]: plain old data that may be placed in an arena, zeroed and
//! viewed as bytes.

use core::num::{
    NonZeroI128, NonZeroI16, NonZeroI32, NonZeroI64, NonZeroI8, NonZeroIsize, NonZeroU128,
    NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8, NonZeroUsize,
};

use bytemuck::Zeroable;

/// Plain old data, the Rust counterpart of the C structs that Clay's arena
/// holds: `Copy`, a fixed layout, no padding, no interior mutability, and
/// valid when every byte is zero.
///
/// Derive it with `#[derive(ArenaPod)]`, which checks all of this at compile
/// time and points at the attribute, field or variant that breaks it. The
/// derive also implements [`bytemuck::Zeroable`] and [`bytemuck::NoUninit`]
/// for the type, so bytemuck's [`zeroed`](bytemuck::Zeroable::zeroed),
/// [`bytes_of`](bytemuck::bytes_of) and [`cast_slice`](bytemuck::cast_slice)
/// to bytes work on it; do not derive those two separately as well (the impls
/// would conflict).
///
/// Unlike bytemuck's `Pod`, `ArenaPod` does not ask every bit pattern to be
/// valid, only the all-zero one: `bool` fields and fieldless enums with a zero
/// variant are allowed. So bytes can be read *out of* an `ArenaPod` value, and
/// a zeroed one can be made, but arbitrary bytes cannot be cast *into* one.
///
/// `NoUninit` is not a supertrait: bytemuck implements it for arrays only when
/// their elements are `Pod`, and every array of `ArenaPod` values is
/// `ArenaPod`. This crate's own byte views rely on `ArenaPod`'s contract.
///
/// Implemented for the integers, floats, `bool`, `char`, `()`, arrays `[T; N]`
/// of `ArenaPod` types, and `Option<NonZero*>` for the integer types.
///
/// What the derive accepts:
/// - structs (named, tuple or unit) with `#[repr(C)]` (optionally `packed` or
///   `align(N)`) or `#[repr(transparent)]`, whose fields are all `ArenaPod`
///   and leave no padding between them or at the end;
/// - fieldless enums with an integer repr (`#[repr(u8)]`, ...) and a variant
///   whose discriminant is 0;
/// - generic structs whose absence of padding follows from their shape:
///   `repr(transparent)`, `repr(C, packed)`, or `repr(C)` with every field of
///   one element type `T` or arrays of it. Every type parameter gets an
///   `ArenaPod` bound. Other generic structs are rejected: stable Rust cannot
///   compute their offsets when the derive is checked.
///
/// `repr(C, packed)` is accepted: it has no padding, and the contract is about
/// bytes, not about references to fields. Rust already refuses references to
/// unaligned fields of a packed struct; read them by value. `repr(C,
/// packed(N))` and `repr(C, align(N))` are accepted when the padding check
/// finds no padding.
///
/// `#[arena(crate = "path::to::arena_memory")]` sets the path the generated
/// code uses, for crates that re-export `arena_memory` under another name.
/// What it can and cannot do:
/// - on a concrete struct or an enum, the impls are written by a hidden macro
///   of `arena_memory` reached through that path, which re-checks the fields,
///   the size and the zero variant against the real type and
///   `arena_memory`'s own `ArenaPod`; a path to anything else implements
///   nothing, so the path can never make an unsound impl;
/// - on a generic struct it is a compile error. There the absence of padding
///   can only be proven by the derive, from the struct's repr and field types
///   (stable Rust cannot evaluate the size of a generic type where an impl is
///   written), so the derive writes those `unsafe impl`s itself and names the
///   traits only as `::arena_memory`, the crate of that name among the
///   dependencies; a path given by the user never decides what an
///   `unsafe impl` implements. Use the default path (depend on
///   `arena-memory` directly), or derive on a concrete struct.
///
/// The generated code is written with absolute paths (`::core::...`,
/// `::core::primitive::u16`) and declares nothing a name in your code can
/// refer to, so it means the same whatever your scope shadows (primitive
/// names, `core`, `Copy`, names like the derive's helpers), in every edition.
///
/// # Safety
///
/// Implementing `ArenaPod` by hand promises, for the implementing type:
/// - a fixed layout: it is a primitive, an array, or a `#[repr(C)]` or
///   `#[repr(transparent)]` type;
/// - no padding and no other uninitialised bytes, in any value;
/// - no interior mutability (`Cell`, `RefCell`, atomics, ...), also not
///   inside its fields;
/// - the all-zero bit pattern is a valid value (which [`Zeroable`] already
///   promises);
/// - every field is `ArenaPod` (which, with the points above, means no
///   pointers or references that would dangle or alias once the arena is reset).
///
/// Prefer the derive, which proves these at compile time.
///
/// # Examples
///
/// A Clay-like layout element with nested derived structs, an enum and a
/// `bool`, viewed as bytes and zeroed:
///
/// ```
/// use arena_memory::ArenaPod;
///
/// #[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
/// #[repr(C)]
/// struct Dimensions {
///     width: f32,
///     height: f32,
/// }
///
/// #[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
/// #[repr(u8)]
/// enum Direction {
///     LeftToRight = 0,
///     TopToBottom = 1,
/// }
///
/// #[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
/// #[repr(C)]
/// struct LayoutElement {
///     id: u32,
///     dimensions: Dimensions,
///     direction: Direction,
///     visible: bool,
///     _pad0: [u8; 2],
/// }
///
/// let element = LayoutElement {
///     id: 7,
///     dimensions: Dimensions { width: 10.0, height: 20.0 },
///     direction: Direction::TopToBottom,
///     visible: true,
///     _pad0: [0; 2],
/// };
/// let bytes = bytemuck::bytes_of(&element);
/// assert_eq!(bytes.len(), 16);
/// assert_eq!(bytes[12], 1); // direction
/// assert_eq!(bytes[13], 1); // visible
///
/// let zeroed: LayoutElement = bytemuck::Zeroable::zeroed();
/// assert_eq!(zeroed.direction, Direction::LeftToRight);
/// assert!(!zeroed.visible);
/// ```
///
/// The derive rejects padding at compile time, naming the field and the byte
/// count ("`Padded` has 3 byte(s) of padding after field `flag`"); the
/// rejections are shown in `tests/ui/fail` of this crate.
///
/// Implemented for primitives and arrays of `ArenaPod` types:
///
/// ```
/// use arena_memory::ArenaPod;
///
/// fn zeroed<T: ArenaPod>() -> T {
///     bytemuck::Zeroable::zeroed()
/// }
///
/// assert_eq!(zeroed::<[u16; 4]>(), [0; 4]);
/// assert_eq!(zeroed::<Option<core::num::NonZeroU32>>(), None);
/// assert_eq!(zeroed::<char>(), '\0');
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not `ArenaPod`, so it cannot be placed in an arena as plain old data",
    label = "not `ArenaPod`",
    note = "`ArenaPod` types are `Copy`, have a fixed layout and no padding, hold no pointers or interior mutability, and are valid when all bytes are zero",
    note = "for your own struct or enum, add `#[derive(Clone, Copy, ArenaPod)]` and a `#[repr(C)]` (struct) or `#[repr(u8)]` (enum)"
)]
pub unsafe trait ArenaPod: Copy + 'static + Zeroable {}

/// Implements `ArenaPod` for primitive types that have no padding, no
/// interior mutability, and for which all-zero bytes are a valid value.
macro_rules! impl_arena_pod {
    ($($ty:ty),* $(,)?) => {
        $(
            // SAFETY: a primitive has a fixed layout, no padding and no
            // interior mutability, and zero is a valid value of it (`0`, `0.0`,
            // `false`, `'\0'`, `()`, or `None` for the niche-optimised
            // `Option<NonZero*>`, which std guarantees is the size of the integer
            // with `None` as all zeroes).
            unsafe impl ArenaPod for $ty {}
        )*
    };
}

impl_arena_pod!(u8, u16, u32, u64, u128, usize);
impl_arena_pod!(i8, i16, i32, i64, i128, isize);
impl_arena_pod!(f32, f64, bool, char, ());
impl_arena_pod!(
    Option<NonZeroU8>,
    Option<NonZeroU16>,
    Option<NonZeroU32>,
    Option<NonZeroU64>,
    Option<NonZeroU128>,
    Option<NonZeroUsize>,
    Option<NonZeroI8>,
    Option<NonZeroI16>,
    Option<NonZeroI32>,
    Option<NonZeroI64>,
    Option<NonZeroI128>,
    Option<NonZeroIsize>,
);

// SAFETY: an array is its elements back to back with no padding between them
// (its size is `N * size_of::<T>()`), so it has a fixed layout, no padding and
// no interior mutability exactly when `T` has none, and it is all zeroes
// exactly when every element is, which is a valid `T` by `T: ArenaPod`.
unsafe impl<T: ArenaPod, const N: usize> ArenaPod for [T; N] {}

/// The bytes of an [`ArenaPod`] value, in memory order: a read-only view, for
/// hashing, checksums, writing to a file or a GPU buffer.
///
/// There is no mutable twin: `ArenaPod` allows types for which not every
/// byte pattern is valid (`bool`, `char`, fieldless enums), so writing
/// arbitrary bytes into one could make an invalid value.
///
/// # Examples
///
/// ```
/// use arena_memory::{bytes_of, Arena, ArenaPod};
///
/// #[derive(Clone, Copy, ArenaPod)]
/// #[repr(C)]
/// struct Vertex {
///     x: f32,
///     y: f32,
///     color: [u8; 4],
/// }
///
/// let arena = Arena::try_with_capacity(256)?;
/// let v = arena.alloc(Vertex { x: 1.0, y: 0.0, color: [255, 0, 0, 255] });
/// let bytes = bytes_of(v);
/// assert_eq!(bytes.len(), 12);
/// assert_eq!(&bytes[..4], &1.0f32.to_ne_bytes());
/// assert_eq!(&bytes[8..], &[255, 0, 0, 255]);
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[inline]
pub fn bytes_of<T: ArenaPod>(value: &T) -> &[u8] {
    bytes_of_slice(core::slice::from_ref(value))
}

/// The bytes of a slice of [`ArenaPod`] values, in memory order: a
/// read-only view (see [`bytes_of`]).
///
/// # Examples
///
/// ```
/// use arena_memory::{bytes_of_slice, Arena};
///
/// let arena = Arena::try_with_capacity(256)?;
/// let xs = arena.alloc_slice_copy(&[1u16, 0x0203]);
/// assert_eq!(bytes_of_slice(xs), [1u16.to_ne_bytes(), 0x0203u16.to_ne_bytes()].concat());
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[inline]
pub fn bytes_of_slice<T: ArenaPod>(values: &[T]) -> &[u8] {
    // SAFETY: `T: ArenaPod` has no padding and no interior mutability, so all
    // `size_of_val(values)` bytes behind the shared reference are initialised
    // and do not change while it lives; `u8` has alignment 1, and the length
    // is the size of an existing object, so it fits in `isize::MAX`.
    unsafe {
        core::slice::from_raw_parts(values.as_ptr().cast::<u8>(), core::mem::size_of_val(values))
    }
}

/// What the code generated by `#[derive(ArenaPod)]` refers to, re-exported
/// from the crate root as `__private`, and the macro that writes the unsafe impls.
#[doc(hidden)]
pub mod derive_support;
