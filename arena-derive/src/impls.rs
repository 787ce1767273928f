//! The invocation of `arena_memory::__impl_arena_pod!`, the only place the
//! `unsafe impl`s of `ArenaPod`, `Zeroable` and `NoUninit` are written.
//!
//! The derive never writes an `unsafe impl` itself: the path the user gives
//! with `#[arena(crate = "...")]` only chooses which macro is invoked. When it
//! leads to `arena_memory` (directly or through a re-export), the macro there
//! writes the impls with `$crate::` paths and re-checks every field against
//! `$crate::ArenaPod`; when it leads anywhere else, whatever a macro of that
//! name does is the user's own code, and the derive has added no `unsafe` to it.
//!
//! The invocation is an item of its own next to the derive's `const _` block,
//! so the user's tokens in it resolve in the user's scope with nothing
//! generated in between.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{DataEnum, Generics, Ident, Path};

use crate::expand::FieldInfo;
use crate::repr::IntRepr;

/// For a struct: the concrete form, whose padding the macro re-checks from
/// sizes, or the generic form, whose absence of padding the derive proved
/// from the repr and the field types.
pub(crate) fn struct_impls(
    krate: &Path,
    name: &Ident,
    generics: &Generics,
    fields: &[FieldInfo],
) -> TokenStream {
    let members = fields.iter().map(|field| &field.member);
    let types = fields.iter().map(|field| field.ty);
    if generics.params.is_empty() {
        return quote! {
            #krate::__impl_arena_pod! {
                struct #name {
                    #(#members: #types),*
                }
            }
        };
    }
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let predicates = where_clause
        .into_iter()
        .flat_map(|where_clause| where_clause.predicates.iter());
    let params = generics.type_params().map(|param| &param.ident);
    quote! {
        #krate::__impl_arena_pod! {
            generic struct #name [#impl_generics] [#ty_generics]
            where [#(#predicates,)*] params [#(#params),*] {
                #(#members: #types),*
            }
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
