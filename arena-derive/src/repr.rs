//! Parsing of `#[repr(...)]` attributes into a [`Repr`] that the checks can ask
//! questions of.
//!
//! Only the hints that decide layout are kept: the base layout (`C`,
//! `transparent`, `Rust`), an integer representation, `packed` and `align`.
//! Each carries the span of its token, so errors point at the attribute the
//! user wrote.

use proc_macro2::Span;
use syn::{Attribute, LitInt};

/// The base layout named by a `repr` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BaseRepr {
    /// `#[repr(C)]`: fields in declaration order, C alignment rules.
    C,
    /// `#[repr(transparent)]`: the layout of the one non-zero-sized field.
    Transparent,
    /// `#[repr(Rust)]`: the default, unspecified layout.
    Rust,
}

/// A primitive integer representation, `#[repr(u8)]` and friends.
#[derive(Clone, Debug)]
pub(crate) struct IntRepr {
    /// The integer type's name, such as `u8` or `isize`.
    pub(crate) name: String,
    /// Where the user wrote it.
    pub(crate) span: Span,
}

/// Everything the layout checks need to know from an item's `repr` attributes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Repr {
    /// `C`, `transparent` or `Rust`, with its span; `None` when not written.
    pub(crate) base: Option<(BaseRepr, Span)>,
    /// An integer representation, for enums.
    pub(crate) int: Option<IntRepr>,
    /// `packed` (as 1) or `packed(N)`, with its span.
    pub(crate) packed: Option<(u64, Span)>,
    /// `align(N)`, with its span.
    pub(crate) align: Option<(u64, Span)>,
}

/// The integer types that `#[repr(...)]` accepts.
const INT_REPRS: [&str; 12] = [
    "u8", "u16", "u32", "u64", "u128", "usize", "i8", "i16", "i32", "i64", "i128", "isize",
];

impl Repr {
    /// Collects every `#[repr(...)]` among `attrs`; other attributes are ignored.
    ///
    /// Hints are merged across several `repr` attributes the way rustc does.
    /// A hint that conflicts with one already seen is an error here rather
    /// than a second, less precise error from rustc later.
    pub(crate) fn from_attrs(attrs: &[Attribute]) -> syn::Result<Self> {
        let mut repr = Repr::default();
        for attr in attrs.iter().filter(|attr| attr.path().is_ident("repr")) {
            attr.parse_nested_meta(|meta| {
                let span = meta
                    .path
                    .get_ident()
                    .map_or_else(|| syn::spanned::Spanned::span(&meta.path), syn::Ident::span);
                let name = meta
                    .path
                    .get_ident()
                    .map(ToString::to_string)
                    .unwrap_or_default();
                let base = match name.as_str() {
                    "C" => Some(BaseRepr::C),
                    "transparent" => Some(BaseRepr::Transparent),
                    "Rust" => Some(BaseRepr::Rust),
                    _ => None,
                };
                if let Some(base) = base {
                    if let Some((previous, _)) = repr.base {
                        if previous != base {
                            return Err(meta.error(format!(
                                "conflicting representation hints: `{}` and `{}`",
                                base_name(previous),
                                name
                            )));
                        }
                    }
                    repr.base = Some((base, span));
                } else if INT_REPRS.contains(&name.as_str()) {
                    if repr.int.is_some() {
                        return Err(meta.error("conflicting integer representation hints"));
                    }
                    repr.int = Some(IntRepr { name, span });
                } else if name == "packed" {
                    let value = if meta.input.peek(syn::token::Paren) {
                        let content;
                        syn::parenthesized!(content in meta.input);
                        content.parse::<LitInt>()?.base10_parse::<u64>()?
                    } else {
                        1
                    };
                    repr.packed = Some((value, span));
                } else if name == "align" {
                    let content;
                    syn::parenthesized!(content in meta.input);
                    let value = content.parse::<LitInt>()?.base10_parse::<u64>()?;
                    repr.align = Some((value, span));
                } else {
                    return Err(meta.error(format!("unrecognised representation hint `{name}`")));
                }
                Ok(())
            })?;
        }
        Ok(repr)
    }

    /// The base layout, treating an unwritten one as unspecified.
    pub(crate) fn base(&self) -> Option<BaseRepr> {
        self.base.map(|(base, _)| base)
    }
}

/// How a base layout is spelled inside `repr(...)`.
pub(crate) fn base_name(base: BaseRepr) -> &'static str {
    match base {
        BaseRepr::C => "C",
        BaseRepr::Transparent => "transparent",
        BaseRepr::Rust => "Rust",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use syn::DeriveInput;

    fn repr_of(item: &str) -> syn::Result<Repr> {
        let input: DeriveInput = syn::parse_str(item).expect("test item parses");
        Repr::from_attrs(&input.attrs)
    }

    #[test]
    fn no_repr_is_empty() {
        let repr = repr_of("struct S { a: u8 }").unwrap();
        assert_eq!(repr.base(), None);
        assert!(repr.int.is_none());
        assert!(repr.packed.is_none());
        assert!(repr.align.is_none());
    }

    #[test]
    fn c_and_transparent_and_rust() {
        assert_eq!(
            repr_of("#[repr(C)] struct S;").unwrap().base(),
            Some(BaseRepr::C)
        );
        assert_eq!(
            repr_of("#[repr(transparent)] struct S(u8);")
                .unwrap()
                .base(),
            Some(BaseRepr::Transparent)
        );
        assert_eq!(
            repr_of("#[repr(Rust)] struct S;").unwrap().base(),
            Some(BaseRepr::Rust)
        );
    }

    #[test]
    fn other_attributes_are_ignored() {
        let repr = repr_of("#[derive(Clone)] #[doc = \"x\"] #[repr(C)] struct S;").unwrap();
        assert_eq!(repr.base(), Some(BaseRepr::C));
    }

    #[test]
    fn integer_reprs() {
        for int in INT_REPRS {
            let repr = repr_of(&format!("#[repr({int})] enum E {{ A }}")).unwrap();
            assert_eq!(repr.base(), None);
            assert_eq!(repr.int.map(|int| int.name).as_deref(), Some(int));
        }
    }

    #[test]
    fn c_with_integer() {
        let repr = repr_of("#[repr(C, u16)] enum E { A }").unwrap();
        assert_eq!(repr.base(), Some(BaseRepr::C));
        assert_eq!(repr.int.unwrap().name, "u16");
    }

    #[test]
    fn packed_and_align() {
        let repr = repr_of("#[repr(C, packed)] struct S;").unwrap();
        assert_eq!(repr.packed.map(|(n, _)| n), Some(1));
        let repr = repr_of("#[repr(C, packed(4))] struct S;").unwrap();
        assert_eq!(repr.packed.map(|(n, _)| n), Some(4));
        let repr = repr_of("#[repr(C, align(16))] struct S;").unwrap();
        assert_eq!(repr.align.map(|(n, _)| n), Some(16));
        assert!(repr.packed.is_none());
    }

    #[test]
    fn hints_merge_across_attributes() {
        let repr = repr_of("#[repr(C)] #[repr(align(8))] struct S;").unwrap();
        assert_eq!(repr.base(), Some(BaseRepr::C));
        assert_eq!(repr.align.map(|(n, _)| n), Some(8));
    }

    #[test]
    fn conflicting_bases_are_rejected_naming_both() {
        let error = repr_of("#[repr(C, transparent)] struct S(u8);").unwrap_err();
        assert_eq!(
            error.to_string(),
            "conflicting representation hints: `C` and `transparent`"
        );
        let error = repr_of("#[repr(transparent)] #[repr(Rust)] struct S(u8);").unwrap_err();
        assert_eq!(
            error.to_string(),
            "conflicting representation hints: `transparent` and `Rust`"
        );
    }

    #[test]
    fn two_integers_are_rejected() {
        let error = repr_of("#[repr(u8, u16)] enum E { A }").unwrap_err();
        assert!(error.to_string().contains("conflicting"), "{error}");
    }

    #[test]
    fn unknown_hint_is_rejected() {
        let error = repr_of("#[repr(simd)] struct S;").unwrap_err();
        assert!(error.to_string().contains("`simd`"), "{error}");
    }
}
