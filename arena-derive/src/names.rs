//! Names for what the derive generates, chosen so that no token of the user's
//! can resolve to them, and the absolute paths it writes.
//!
//! The generated checks sit in a `const _: () = { ... };` block next to the
//! user's tokens (field types, generics, the `crate` path), and tokens from a
//! derive resolve like the user's own, so anything the block declared by name
//! would shadow the user's items of that name: in edition 2015 and 2018 a bare
//! trait name is a type (`dyn Trait`), so a field whose type is a user struct
//! named like a generated trait was checked as the trait object instead. So
//! the block declares only one module, whose name is none of the identifiers
//! in the input, and one generic parameter, whose name is none of the
//! identifiers in the `crate` path (the only user tokens in its scope).
//! Everything else lives inside that module and is named by path.

use std::collections::HashSet;

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote_spanned, ToTokens};
use syn::ext::IdentExt;
use syn::{DeriveInput, Ident, Path};

/// The names the generated block declares.
pub(crate) struct Names {
    /// The private module holding the generated traits and functions.
    pub(crate) module: Ident,
    /// The type parameter of the impls written next to the module.
    pub(crate) param: Ident,
}

impl Names {
    /// Names that none of the identifiers in `input` and `krate` can refer to.
    pub(crate) fn for_input(input: &DeriveInput, krate: &Path) -> Self {
        let mut taken = HashSet::new();
        collect_idents(input.to_token_stream(), &mut taken);
        collect_idents(krate.to_token_stream(), &mut taken);
        Self {
            module: unused_ident("__arena_pod", &taken),
            param: unused_ident("__ArenaPodField", &taken),
        }
    }
}

/// `::core`, resolved as in edition 2021 whatever the user's edition is: in
/// edition 2015 a leading `::` means the crate root, where `core` is not.
/// Mixed-site hygiene changes only how local variables, labels and `$crate`
/// resolve, so the path still means the `core` crate. Errors from it are
/// reported at `location`.
pub(crate) fn core_at(location: Span) -> TokenStream {
    quote_spanned! {Span::mixed_site().located_at(location)=> ::core}
}

/// `::arena_memory`, resolved as in edition 2021 (like [`core_at`]): the
/// crate named `arena_memory` in the extern prelude, never an item of the
/// user's crate. The derive writes the `unsafe impl`s of a generic struct with
/// it, never with the user's `crate` path.
pub(crate) fn arena_memory_at(location: Span) -> TokenStream {
    quote_spanned! {Span::mixed_site().located_at(location)=> ::arena_memory}
}

fn collect_idents(tokens: TokenStream, taken: &mut HashSet<String>) {
    for token in tokens {
        match token {
            TokenTree::Ident(ident) => {
                taken.insert(ident.unraw().to_string());
            }
            TokenTree::Group(group) => collect_idents(group.stream(), taken),
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

/// `base`, or `base` followed by as many `_` as it takes to be none of `taken`.
fn unused_ident(base: &str, taken: &HashSet<String>) -> Ident {
    let mut name = base.to_owned();
    while taken.contains(&name) {
        name.push('_');
    }
    Ident::new(&name, Span::call_site())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_of(item: &str, krate: &str) -> Names {
        let input: DeriveInput = syn::parse_str(item).expect("test item parses");
        Names::for_input(&input, &syn::parse_str(krate).expect("test path parses"))
    }

    #[test]
    fn plain_names_when_nothing_collides() {
        let names = names_of("#[repr(C)] struct S { a: u8 }", "::arena_memory");
        assert_eq!(names.module, "__arena_pod");
        assert_eq!(names.param, "__ArenaPodField");
    }

    #[test]
    fn module_avoids_an_identifier_of_the_input() {
        let names = names_of(
            "#[repr(C)] struct S { a: __arena_pod, b: [u8; __arena_pod_] }",
            "::arena_memory",
        );
        assert_eq!(names.module, "__arena_pod__");
    }

    #[test]
    fn raw_identifiers_count_as_their_name() {
        let names = names_of("#[repr(C)] struct S { a: r#__arena_pod }", "::arena_memory");
        assert_eq!(names.module, "__arena_pod_");
    }

    #[test]
    fn param_avoids_the_crate_path() {
        let names = names_of("struct S;", "crate::__ArenaPodField::arena");
        assert_eq!(names.param, "__ArenaPodField_");
    }
}
