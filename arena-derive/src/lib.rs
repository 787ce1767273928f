//! `#[derive(ArenaPod)]` for `arena-memory`: compile-time plain-old-data checks
//! for types placed in an arena.
//!
//! Use it through `arena_memory`, which re-exports it next to the trait of the
//! same name; the trait's documentation lists what is accepted and why.
//!
//! This file only declares the macro. `expand.rs` puts the pieces together:
//! `repr.rs` and `options.rs` parse `#[repr(...)]` and `#[arena(...)]`,
//! `checks.rs` rejects what syntax alone rules out, `diagnostics.rs` generates
//! the compile-time checks that explain a rejection, `impls.rs` the invocation
//! of `arena_memory::__impl_arena_pod!` that writes the unsafe impls (or, for
//! a generic struct, the impls themselves), and
//! `names.rs` keeps everything generated out of reach of the user's names.

mod checks;
mod diagnostics;
mod expand;
mod impls;
mod names;
mod options;
mod repr;

/// Derives `arena_memory::ArenaPod`, `bytemuck::Zeroable` and
/// `bytemuck::NoUninit` after checking at compile time that the type is plain
/// old data: a fixed layout, no padding, every field `ArenaPod`, valid when
/// all bytes are zero.
///
/// Accepted:
/// - structs (named, tuple or unit) with `#[repr(C)]` (optionally `packed` or
///   `align(N)`) or `#[repr(transparent)]`, whose fields are all `ArenaPod`
///   and leave no padding between them or at the end;
/// - fieldless enums with an integer repr (`#[repr(u8)]`, ...) and a variant
///   whose discriminant is 0;
/// - generic structs whose absence of padding follows from their shape:
///   `repr(transparent)`, `repr(C, packed)`, or `repr(C)` with every field of
///   one element type `T` or arrays of it. Every type parameter gets an
///   `ArenaPod` bound.
///
/// Each rejection is a compile error at the offending attribute, field or
/// variant that says what is required and how to fix it.
///
/// `#[arena(crate = "path::to::arena_memory")]` sets the path the generated
/// code uses, for crates that re-export `arena_memory` under another name.
/// The impls of a concrete struct or an enum are written by a macro of
/// `arena_memory` reached through that path, never by the derive itself, so a
/// path to anything else implements nothing. A generic struct's impls are
/// written by the derive (the macro cannot check a generic struct for
/// padding) with `::arena_memory` paths only, so `crate` is rejected on
/// generic structs.
///
/// # Examples
///
/// ```
/// use arena_memory::{Arena, ArenaPod};
///
/// #[derive(Clone, Copy, Debug, PartialEq, ArenaPod)]
/// #[repr(C)]
/// struct Rect {
///     x: f32,
///     y: f32,
///     width: f32,
///     height: f32,
/// }
///
/// let arena = Arena::try_with_capacity(1024)?;
/// let rect = arena.alloc_zeroed::<Rect>();
/// assert_eq!(*rect, Rect { x: 0.0, y: 0.0, width: 0.0, height: 0.0 });
/// # Ok::<(), arena_memory::ArenaError>(())
/// ```
#[proc_macro_derive(ArenaPod, attributes(arena))]
pub fn derive_arena_pod(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    let input = syn::parse_macro_input!(input as syn::DeriveInput);
    expand::expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}
