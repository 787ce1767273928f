//! Checks the derived item and generates, next to each other, the checks that
//! explain a rejection (`diagnostics.rs`) and the invocation of
//! `arena_memory::__impl_arena_pod!` that writes the impls, or for a generic
//! struct the impls themselves (`impls.rs`).
//!
//! What the macro can decide from syntax alone is rejected in `checks.rs` with
//! a [`syn::Error`] at the offending token. What needs sizes and offsets is
//! generated as code the compiler evaluates.
//!
//! Every path the generated code writes is absolute (`::core::...`,
//! `::core::primitive::u16`, the user's `crate` path, `::arena_memory` for a
//! generic struct's impls), and nothing it declares
//! can be named from the user's tokens (`names.rs`).

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DataEnum, DataStruct, DeriveInput, Error, Fields, Member, Path, Type};

use crate::checks::{
    check_enum, check_generic_layout, check_struct_repr, reject_crate_path_on_generic,
    reject_lifetimes, zero_variant,
};
use crate::diagnostics::{enum_checks, struct_checks};
use crate::impls::{concrete_struct_impls, enum_impls, generic_struct_impls};
use crate::names::Names;
use crate::options::Options;
use crate::repr::Repr;

/// Expands `#[derive(ArenaPod)]` on `input`, or explains why it cannot be derived.
pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let options = Options::from_attrs(&input.attrs)?;
    let repr = Repr::from_attrs(&input.attrs)?;
    let names = Names::for_input(input, &options.krate);
    match &input.data {
        Data::Struct(data) => expand_struct(input, data, &repr, &options, &names),
        Data::Enum(data) => expand_enum(input, data, &repr, &options.krate, &names),
        Data::Union(data) => Err(Error::new(
            data.union_token.span,
            format!(
                "`ArenaPod` cannot be derived for unions: which field of `{}` is live is only \
                 known at run time, so the derive cannot prove that every byte is initialised \
                 and that all-zero bytes are a valid value\n\
                 help: use a `#[repr(C)]` struct, or a fieldless enum tag next to the fields",
                input.ident
            ),
        )),
    }
}

/// A field as the checks and the messages see it.
pub(crate) struct FieldInfo<'a> {
    /// How the field is accessed (`name` or `0`), for `offset_of!` and patterns.
    pub(crate) member: Member,
    /// How the field is named in messages.
    pub(crate) label: String,
    /// The field's type.
    pub(crate) ty: &'a Type,
    /// Where errors about the field point.
    pub(crate) span: Span,
}

fn field_infos(fields: &Fields) -> Vec<FieldInfo<'_>> {
    fields
        .iter()
        .enumerate()
        .map(|(index, field)| match &field.ident {
            Some(ident) => FieldInfo {
                member: Member::Named(ident.clone()),
                label: ident.unraw().to_string(),
                ty: &field.ty,
                span: ident.span(),
            },
            None => FieldInfo {
                member: Member::Unnamed(syn::Index {
                    index: u32::try_from(index).expect("fewer than 2^32 fields"),
                    span: field.ty.span(),
                }),
                label: index.to_string(),
                ty: &field.ty,
                span: field.ty.span(),
            },
        })
        .collect()
}

fn expand_struct(
    input: &DeriveInput,
    data: &DataStruct,
    repr: &Repr,
    options: &Options,
    names: &Names,
) -> syn::Result<TokenStream> {
    check_struct_repr(input, repr)?;
    reject_lifetimes(&input.generics)?;
    reject_crate_path_on_generic(input, options.krate_given)?;
    let fields = field_infos(&data.fields);
    let name = &input.ident;
    let krate = &options.krate;
    if input.generics.params.is_empty() {
        let mut tokens = struct_checks(name, &input.generics, &fields, repr, krate, names, true);
        tokens.extend(concrete_struct_impls(krate, name, &fields));
        return Ok(tokens);
    }
    let proof = check_generic_layout(input, repr, &fields)?;
    let mut tokens = struct_checks(name, &input.generics, &fields, repr, krate, names, false);
    tokens.extend(generic_struct_impls(name, &input.generics, &fields, &proof));
    Ok(tokens)
}

fn expand_enum(
    input: &DeriveInput,
    data: &DataEnum,
    repr: &Repr,
    krate: &Path,
    names: &Names,
) -> syn::Result<TokenStream> {
    let int = check_enum(input, data, repr)?;
    let zero = zero_variant(&input.ident, data)?;
    let name = &input.ident;
    let mut tokens = enum_checks(name, data, int, &zero, krate, names);
    tokens.extend(enum_impls(krate, name, data, int));
    Ok(tokens)
}
