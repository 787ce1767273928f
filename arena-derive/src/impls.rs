//! Where the `unsafe impl`s of `ArenaPod`, `Zeroable` and `NoUninit` come from.
//!
//! For a concrete struct and an enum, the derive does not write them: it
//! invokes `__impl_arena_pod!` through the user's path (`::arena_memory`, or
//! `#[arena(crate = "...")]`), and only that macro writes them, with `$crate::`
//! paths, after re-checking against the real type everything they rely on. The
//! user's path only chooses which macro runs: when it leads to `arena_memory`
//! (directly or through a re-export), the real checks run; when it leads
//! anywhere else, whatever a macro of that name does is the user's own code,
//! and the derive has added no `unsafe` to it.
//!
//! A generic struct's absence of padding cannot be re-checked where an impl is
//! written (stable Rust evaluates no `size_of` of a generic type in a bound),
//! and a macro anyone can invoke must not take it on trust. So the derive
//! writes a generic struct's impls itself, only after
//! `checks::check_generic_layout` proved it from the real item (a derive is
//! only ever given the item it is on), and names the traits as
//! `::arena_memory::...` resolved in edition 2021: the crate `arena_memory` in
//! the extern prelude, never the user's `crate` path (rejected on generic
//! structs) and never an item of the user's crate.
//!
//! Each invocation or impl is an item of its own next to the derive's `const _`
//! block, so the user's tokens in it resolve in the user's scope with nothing
//! generated in between.

use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::{DataEnum, Generics, Ident, Path};

use crate::checks::GenericLayoutProof;
use crate::expand::FieldInfo;
use crate::names::{arena_memory_at, core_at};
use crate::repr::IntRepr;

/// For a concrete struct: the macro re-checks the fields and, from sizes,
/// the absence of padding.
pub(crate) fn concrete_struct_impls(
    krate: &Path,
    name: &Ident,
    fields: &[FieldInfo],
) -> TokenStream {
    let members = fields.iter().map(|field| &field.member);
    let types = fields.iter().map(|field| field.ty);
    quote! {
        #krate::__impl_arena_pod! {
            struct #name {
                #(#members: #types),*
            }
        }
    }
}

/// For a generic struct whose absence of padding `proof` establishes: the
/// three impls, written here.
///
/// Each impl is bounded on what it relies on besides the layout: `Self:
/// Copy`, every type parameter and every field type `ArenaPod`, and each pair
/// of element types the proof compared as tokens being one type. The bounds
/// that do not mention a parameter are higher-ranked (`for<'__arena_pod>`),
/// so rustc does not reject them where the impl is written: when one does
/// not hold, the impls do not apply, and the derive's own checks have said
/// why at the field. Field types are also checked to be the fields' real
/// types (`ImplChecks`), in case a type macro expands differently in a bound.
///
/// Soundness (the `// SAFETY` of the generated `unsafe impl`s): the bounds
/// give `Copy`, no interior mutability and no pointers (every field is
/// `ArenaPod`), and all-zero bytes are zero fields, which are valid; `proof`
/// gives no padding, so no byte is uninitialised.
pub(crate) fn generic_struct_impls(
    name: &Ident,
    generics: &Generics,
    fields: &[FieldInfo],
    proof: &GenericLayoutProof,
) -> TokenStream {
    let arena = arena_memory_at(Span::call_site());
    let core = core_at(Span::call_site());
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|where_clause| where_clause.predicates.iter());
    let params = generics.type_params().map(|param| &param.ident);
    let field_types = fields.iter().map(|field| field.ty);
    let same_types = proof.same_element_types.iter().map(|(element, first)| {
        quote! { for<'__arena_pod> #element: #arena::__private::SameType<#first>, }
    });
    let bounds = quote! {
        where
            #(#predicates,)*
            #(#params: #arena::ArenaPod,)*
            for<'__arena_pod> Self: #core::marker::Copy,
            #(for<'__arena_pod> #field_types: #arena::ArenaPod,)*
            #(#same_types)*
    };
    let user_predicates = where_clause
        .into_iter()
        .flat_map(|where_clause| where_clause.predicates.iter());
    let members = fields.iter().map(|field| &field.member);
    let types = fields.iter().map(|field| field.ty);
    quote! {
        impl #impl_generics #arena::__private::ImplChecks for #name #ty_generics
        where
            #(#user_predicates,)*
        {
            fn impl_checks(self) {
                #(#arena::__private::field_has_type::<#types, _>(self.#members);)*
            }
        }
        unsafe impl #impl_generics #arena::ArenaPod for #name #ty_generics #bounds {}
        unsafe impl #impl_generics #arena::__private::bytemuck::Zeroable for #name #ty_generics
        #bounds
        {
        }
        unsafe impl #impl_generics #arena::__private::bytemuck::NoUninit for #name #ty_generics
        #bounds
        {
        }
    }
}

/// For a fieldless enum with an integer repr.
pub(crate) fn enum_impls(
    krate: &Path,
    name: &Ident,
    data: &DataEnum,
    int: &IntRepr,
) -> TokenStream {
    let int = Ident::new(&int.name, int.span);
    let variants = data.variants.iter().map(|variant| &variant.ident);
    quote! {
        #krate::__impl_arena_pod! {
            enum #name: #int {
                #(#variants),*
            }
        }
    }
}
