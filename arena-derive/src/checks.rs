//! The checks the derive makes from syntax alone: the `repr`, the kind of
//! item, lifetimes, the shape of a generic struct, enum discriminants written
//! as literals. Each rejection is a [`syn::Error`] at the offending token that
//! says what is required and how to fix it.
//!
//! What needs sizes and offsets, which a proc macro cannot know, is generated
//! as code for the compiler to evaluate (`diagnostics.rs`), and re-checked
//! where the impls are written (`arena_memory::__impl_arena_pod!`). The one
//! exception is a generic struct's absence of padding, which nothing can
//! evaluate: [`check_generic_layout`] proves it here, from the real item, and
//! is what the derive's own impls for a generic struct rely on.

use proc_macro2::Span;
use quote::ToTokens;
use syn::spanned::Spanned;
use syn::{
    DataEnum, DeriveInput, Error, Expr, ExprLit, ExprUnary, Fields, Generics, Lit, Type, UnOp,
};

use crate::expand::FieldInfo;
use crate::repr::{base_name, BaseRepr, IntRepr, Repr};

/// Accepts `repr(C)` (optionally with `packed` or `align`) and `repr(transparent)`.
pub(crate) fn check_struct_repr(input: &DeriveInput, repr: &Repr) -> syn::Result<()> {
    let name = &input.ident;
    match repr.base {
        Some((BaseRepr::C | BaseRepr::Transparent, _)) => Ok(()),
        Some((BaseRepr::Rust, span)) => Err(Error::new(
            span,
            format!(
                "`ArenaPod` cannot be derived for `#[repr(Rust)]` structs: Rust's default layout \
                 may reorder `{name}`'s fields and insert padding anywhere, differently between \
                 compiler versions, so its bytes have no fixed meaning\n\
                 help: use `#[repr(C)]` to keep the fields in declaration order, or \
                 `#[repr(transparent)]` for a wrapper around one field"
            ),
        )),
        None => {
            if let Some((_, span)) = repr.packed {
                return Err(Error::new(
                    span,
                    format!(
                        "`ArenaPod` needs `C` next to `packed`: `#[repr(packed)]` alone keeps \
                         Rust's unspecified field order, so the bytes of `{name}` have no fixed \
                         meaning\n\
                         help: write `#[repr(C, packed)]`"
                    ),
                ));
            }
            Err(Error::new(
                name.span(),
                format!(
                    "`ArenaPod` requires `#[repr(C)]` or `#[repr(transparent)]` on `{name}`: \
                     without a repr, Rust may reorder the fields and insert padding anywhere, so \
                     the layout cannot be checked and the bytes have no fixed meaning\n\
                     help: add `#[repr(C)]` above `struct {name}` (fields stay in declaration \
                     order), or `#[repr(transparent)]` for a wrapper around one field"
                ),
            ))
        }
    }
}

pub(crate) fn reject_lifetimes(generics: &Generics) -> syn::Result<()> {
    match generics.lifetimes().next() {
        Some(lifetime) => Err(Error::new(
            lifetime.span(),
            "`ArenaPod` types must be `'static`: a lifetime parameter means the type borrows \
             data, and arena bytes cannot hold a borrow\n\
             help: store an index or a length instead of a reference, and remove the lifetime",
        )),
        None => Ok(()),
    }
}

/// Rejects `#[arena(crate = "...")]` on a generic struct. Its impls cannot be
/// written by `arena_memory::__impl_arena_pod!`, which cannot check a generic
/// struct for padding, so the derive writes them itself, naming the traits
/// only as `::arena_memory::...`: a path given by the user must never decide
/// what an `unsafe impl` implements, and accepting one here while ignoring it
/// would be a surprise.
pub(crate) fn reject_crate_path_on_generic(
    input: &DeriveInput,
    krate_given: Option<Span>,
) -> syn::Result<()> {
    let (Some(span), Some(_)) = (krate_given, input.generics.params.first()) else {
        return Ok(());
    };
    let name = &input.ident;
    Err(Error::new(
        span,
        format!(
            "`crate = \"...\"` is not supported on generic structs: `arena_memory` cannot \
             check a generic struct such as `{name}` for padding where it writes the impls, so \
             the derive writes the `unsafe impl`s itself, from its own check of the repr and the \
             field types, and names the traits only as `::arena_memory`, never through a path \
             given here (a path to anything else would decide what those `unsafe impl`s \
             implement)\n\
             help: remove `crate = ...` and use the default path, which needs `arena-memory` as a \
             direct dependency (named `arena_memory`), or derive `ArenaPod` on a concrete \
             (non-generic) struct, where `crate` is supported"
        ),
    ))
}

/// Why a generic struct has no padding, made only by [`check_generic_layout`]
/// and required by `impls::generic_struct_impls`, which writes the unsafe impls.
pub(crate) struct GenericLayoutProof<'a> {
    /// Element types the proof compared as tokens and found equal, as
    /// (field's element type, first field's element type). Tokens can spell
    /// one name for two types (`$crate::Word` from two crates' macros, a type
    /// macro), so the impls are also bounded on each pair being one type.
    pub(crate) same_element_types: Vec<(&'a Type, &'a Type)>,
}

/// Proves a generic struct has no padding from its repr and field types
/// alone, or rejects it: stable Rust cannot evaluate `offset_of!` or
/// `size_of` on a generic type in a const generic argument, and a
/// post-monomorphisation check would not run for bytemuck's `bytes_of`, which
/// only asks for `NoUninit`.
///
/// Proven shapes:
/// - `repr(transparent)`: the layout of one `ArenaPod` field (rustc allows
///   only 1-ZSTs beside it), which has no padding;
/// - `repr(C, packed)` (`packed(1)`): no padding at all;
/// - `repr(C)` (or `packed(N)`) where every field is one element type `E` or a
///   (nested) array of it: every size is a multiple of `align_of::<E>()`, which
///   is also the struct's alignment, so every offset is already aligned.
pub(crate) fn check_generic_layout<'a>(
    input: &DeriveInput,
    repr: &Repr,
    fields: &[FieldInfo<'a>],
) -> syn::Result<GenericLayoutProof<'a>> {
    let name = &input.ident;
    if repr.base() == Some(BaseRepr::Transparent) || repr.packed.map(|(n, _)| n) == Some(1) {
        return Ok(GenericLayoutProof {
            same_element_types: Vec::new(),
        });
    }
    if let Some((_, span)) = repr.align {
        return Err(Error::new(
            span,
            format!(
                "`ArenaPod` cannot check a generic struct with `align(N)` for padding: whether \
                 `align` adds trailing padding to `{name}` depends on the size of its type \
                 parameters, which the derive cannot evaluate\n\
                 help: derive `ArenaPod` on a concrete (non-generic) struct, or remove `align`"
            ),
        ));
    }
    let mut same_element_types = Vec::new();
    let Some(first) = fields.first() else {
        return Ok(GenericLayoutProof { same_element_types });
    };
    let first_element = element_type(first.ty);
    let element = first_element.to_token_stream().to_string();
    for field in &fields[1..] {
        let field_element = element_type(field.ty);
        if field_element.to_token_stream().to_string() != element {
            return Err(Error::new(
                field.span,
                format!(
                    "`ArenaPod` cannot check the generic struct `{name}` for padding: with field \
                     `{}` next to field `{}` of another type, whether there is padding depends \
                     on the sizes of the type parameters, which the derive cannot evaluate\n\
                     help: a generic `#[repr(C)]` struct is accepted when every field is the same \
                     type `T` or an array of it; otherwise use `#[repr(C, packed)]`, or derive \
                     `ArenaPod` on a concrete (non-generic) struct",
                    field.label, first.label
                ),
            ));
        }
        same_element_types.push((field_element, first_element));
    }
    Ok(GenericLayoutProof { same_element_types })
}

/// The type an array (of arrays...) is made of, or the type itself.
fn element_type(ty: &Type) -> &Type {
    match ty {
        Type::Array(array) => element_type(&array.elem),
        Type::Paren(paren) => element_type(&paren.elem),
        Type::Group(group) => element_type(&group.elem),
        other => other,
    }
}

/// Accepts a non-generic, fieldless enum with an integer repr and no `align`,
/// and returns that integer repr.
pub(crate) fn check_enum<'a>(
    input: &DeriveInput,
    data: &DataEnum,
    repr: &'a Repr,
) -> syn::Result<&'a IntRepr> {
    let name = &input.ident;
    if let Some(param) = input.generics.params.first() {
        return Err(Error::new(
            param.span(),
            format!(
                "`ArenaPod` cannot be derived for the generic enum `{name}`: a fieldless enum has \
                 no use for type parameters\n\
                 help: remove the generic parameters"
            ),
        ));
    }
    for variant in &data.variants {
        if !matches!(variant.fields, Fields::Unit) {
            return Err(Error::new(
                variant.fields.span(),
                format!(
                    "`ArenaPod` cannot be derived for enums whose variants have fields: the bytes \
                     of `{name}` would hold a tag plus a payload that differs per variant, with \
                     padding and bytes left uninitialised by the shorter variants\n\
                     help: make `{name}` fieldless and keep the data of variant `{}` in a \
                     `#[repr(C)]` struct next to it",
                    variant.ident
                ),
            ));
        }
    }
    let Some(int) = &repr.int else {
        let span = repr.base.map_or(name.span(), |(_, span)| span);
        let why = match repr.base() {
            Some(BaseRepr::C) => {
                "`#[repr(C)]` alone makes the discriminant a C `int`, whose size depends on the \
                 target"
                    .to_owned()
            }
            Some(base) => format!(
                "`#[repr({})]` leaves the size of the discriminant to the compiler",
                base_name(base)
            ),
            None => "without a repr the compiler chooses the size of the discriminant".to_owned(),
        };
        return Err(Error::new(
            span,
            format!(
                "`ArenaPod` enums need an explicit integer representation: {why}\n\
                 help: add `#[repr(u8)]` above `enum {name}` (or `u16`, `u32`, `i8`, ... if it \
                 needs more values)"
            ),
        ));
    };
    if let Some((_, span)) = repr.align {
        return Err(Error::new(
            span,
            format!(
                "`ArenaPod` enums cannot have `align(N)`: it adds padding after the discriminant \
                 of `{name}`\n\
                 help: remove `align`, or wrap the enum in a `#[repr(C, align(N))]` struct with \
                 an explicit padding field"
            ),
        ));
    }
    Ok(int)
}

/// The value of a discriminant written as an integer literal, possibly negated.
fn literal_discriminant(expr: &Expr) -> Option<i128> {
    match expr {
        Expr::Lit(ExprLit {
            lit: Lit::Int(int), ..
        }) => int.base10_parse::<i128>().ok(),
        Expr::Unary(ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => literal_discriminant(expr).map(|value| -value),
        Expr::Group(group) => literal_discriminant(&group.expr),
        Expr::Paren(paren) => literal_discriminant(&paren.expr),
        _ => None,
    }
}

/// What the source says about a discriminant of 0.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum ZeroVariant {
    /// Some variant is 0, from its literal discriminant or its position.
    Proven,
    /// Some discriminant is an expression the derive cannot evaluate; the
    /// generated code has to check.
    Unknown,
}

/// Why an enum without a zero variant is rejected, for the error here and
/// for the generated check.
pub(crate) fn no_zero_variant_message(name: &syn::Ident) -> String {
    format!(
        "no variant of `{name}` has discriminant 0: `ArenaPod` requires all-zero bytes to be a \
         valid value, and for a fieldless enum that holds only when some variant is 0\n\
         help: add a variant such as `None = 0`, or give an existing variant `= 0`"
    )
}

/// Proves from the source that some variant is 0, or rejects the enum when
/// every discriminant is known and none is.
pub(crate) fn zero_variant(name: &syn::Ident, data: &DataEnum) -> syn::Result<ZeroVariant> {
    let mut previous: Option<Option<i128>> = None;
    let mut all_known = true;
    for variant in &data.variants {
        let value = match &variant.discriminant {
            Some((_, expr)) => literal_discriminant(expr),
            None => match previous {
                None => Some(0),
                Some(previous) => previous.and_then(|value| value.checked_add(1)),
            },
        };
        if value == Some(0) {
            return Ok(ZeroVariant::Proven);
        }
        all_known &= value.is_some();
        previous = Some(value);
    }
    if all_known {
        let span = data
            .variants
            .first()
            .map_or(name.span(), |variant| variant.span());
        return Err(Error::new(span, no_zero_variant_message(name)));
    }
    Ok(ZeroVariant::Unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::{Delimiter, Group, Literal, TokenStream, TokenTree};
    use quote::quote;
    use syn::{Data, DeriveInput};

    use crate::expand::expand;

    /// The derive's error for `item`, which it must reject.
    fn rejection(item: &str) -> String {
        let input: DeriveInput = syn::parse_str(item).expect("test item parses");
        match expand(&input) {
            Ok(_) => panic!("`{item}` was accepted"),
            Err(error) => error.to_string(),
        }
    }

    /// Panics if the derive rejects `item`.
    fn accepted(item: &str) {
        let input: DeriveInput = syn::parse_str(item).expect("test item parses");
        if let Err(error) = expand(&input) {
            panic!("`{item}` was rejected: {error}");
        }
    }

    // ----- structs: the repr ---------------------------------------------------

    #[test]
    fn a_struct_needs_repr_c_or_transparent() {
        accepted("#[repr(C)] struct S { a: u32 }");
        accepted("#[repr(transparent)] struct S(u32);");
        accepted("#[repr(C, packed)] struct S { a: u8, b: u32 }");
        let error = rejection("struct S { a: u32 }");
        assert!(error.contains("requires `#[repr(C)]`"), "{error}");
        let error = rejection("#[repr(Rust)] struct S { a: u32 }");
        assert!(error.contains("`#[repr(Rust)]` structs"), "{error}");
        let error = rejection("#[repr(packed)] struct S { a: u8, b: u32 }");
        assert!(error.contains("needs `C` next to `packed`"), "{error}");
    }

    #[test]
    fn a_lifetime_parameter_is_rejected() {
        let error = rejection("#[repr(C)] struct S<'a> { a: &'a u8 }");
        assert!(error.contains("must be `'static`"), "{error}");
    }

    #[test]
    fn a_crate_path_is_refused_on_a_generic_struct_only() {
        accepted("#[arena(crate = \"my::arena\")] #[repr(C)] struct S { a: u32 }");
        let error =
            rejection("#[arena(crate = \"my::arena\")] #[repr(C)] struct S<T> { a: T, b: T }");
        assert!(
            error.contains("not supported on generic structs"),
            "{error}"
        );
    }

    #[test]
    fn a_union_is_rejected() {
        let error = rejection("#[repr(C)] union U { a: u32, b: f32 }");
        assert!(error.contains("unions"), "{error}");
    }

    // ----- generic structs: the shapes proven free of padding ------------------

    #[test]
    fn generic_structs_of_one_element_type_or_packed_or_transparent_are_accepted() {
        accepted("#[repr(C)] struct S<T> { a: T, b: [T; 3], c: [[T; 2]; 2] }");
        accepted("#[repr(C)] struct S<T> { a: T }");
        accepted("#[repr(C)] struct S<T> {}");
        accepted("#[repr(C, packed)] struct S<T> { a: u8, b: T }");
        accepted("#[repr(transparent)] struct S<T>(T);");
    }

    #[test]
    fn generic_structs_whose_padding_cannot_be_ruled_out_are_rejected() {
        let error = rejection("#[repr(C)] struct S<T> { a: u8, b: T }");
        assert!(error.contains("field `b` next to field `a`"), "{error}");
        let error = rejection("#[repr(C, packed(2))] struct S<T> { a: u8, b: T }");
        assert!(error.contains("field `b` next to field `a`"), "{error}");
        let error = rejection("#[repr(C, align(8))] struct S<T> { a: T }");
        assert!(error.contains("with `align(N)`"), "{error}");
    }

    // ----- enums ---------------------------------------------------------------

    #[test]
    fn an_enum_needs_an_integer_repr_unit_variants_no_generics_and_no_align() {
        accepted("#[repr(u8)] enum E { A, B }");
        accepted("#[repr(C, i32)] enum E { A = -1, B }");
        let error = rejection("enum E { A, B }");
        assert!(error.contains("explicit integer representation"), "{error}");
        let error = rejection("#[repr(C)] enum E { A, B }");
        assert!(error.contains("a C `int`"), "{error}");
        let error = rejection("#[repr(Rust)] enum E { A, B }");
        assert!(
            error.contains("`#[repr(Rust)]` leaves the size of the discriminant"),
            "{error}"
        );
        let error = rejection("#[repr(u8)] enum E { A, B(u8) }");
        assert!(error.contains("variants have fields"), "{error}");
        let error = rejection("#[repr(u8)] enum E<T> { A, B }");
        assert!(error.contains("generic enum"), "{error}");
        let error = rejection("#[repr(u8, align(4))] enum E { A, B }");
        assert!(error.contains("cannot have `align(N)`"), "{error}");
    }

    #[test]
    fn a_zero_discriminant_in_parentheses_or_an_invisible_group_is_proven() {
        assert_eq!(
            zero_variant_of("enum E { A = 1, B = (0) }").unwrap(),
            ZeroVariant::Proven
        );
        // What a `macro_rules!` `$value:expr` becomes: a group without
        // delimiters around the literal.
        let zero = TokenTree::Group(Group::new(
            Delimiter::None,
            TokenStream::from(TokenTree::Literal(Literal::i32_unsuffixed(0))),
        ));
        let input: DeriveInput =
            syn::parse2(quote! { enum E { A = 1, B = #zero } }).expect("test item parses");
        let Data::Enum(data) = &input.data else {
            panic!("test item is an enum");
        };
        assert_eq!(
            zero_variant(&input.ident, data).unwrap(),
            ZeroVariant::Proven
        );
    }

    fn zero_variant_of(item: &str) -> syn::Result<ZeroVariant> {
        let input: DeriveInput = syn::parse_str(item).expect("test item parses");
        let Data::Enum(data) = &input.data else {
            panic!("test item is an enum");
        };
        zero_variant(&input.ident, data)
    }

    #[test]
    fn first_variant_without_discriminant_is_zero() {
        assert_eq!(
            zero_variant_of("enum E { A, B }").unwrap(),
            ZeroVariant::Proven
        );
    }

    #[test]
    fn counting_up_from_a_negative_literal_reaches_zero() {
        assert_eq!(
            zero_variant_of("enum E { A = -2, B, C }").unwrap(),
            ZeroVariant::Proven
        );
    }

    #[test]
    fn literals_without_zero_are_rejected() {
        let error = zero_variant_of("enum E { A = 1, B }").unwrap_err();
        assert!(error.to_string().contains("discriminant 0"), "{error}");
    }

    #[test]
    fn an_expression_is_left_to_the_compiler() {
        // `256 + 0` is 0 as a `u8` but not as a `u16`: only the compiler,
        // with the repr's real integer type, can tell.
        assert_eq!(
            zero_variant_of("enum E { A = 256 + 0, B = 257 }").unwrap(),
            ZeroVariant::Unknown
        );
    }
}
