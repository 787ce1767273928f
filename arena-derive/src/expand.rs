//! Checks the derived item's shape and generates the `ArenaPod`, `Zeroable`
//! and `NoUninit` impls together with the compile-time checks that back them.
//!
//! What the macro can decide from syntax alone (the `repr`, the kind of item,
//! enum discriminants written as literals) is rejected here with a
//! [`syn::Error`] at the offending token. What needs sizes and offsets, which
//! a proc macro cannot know, is generated as code that the compiler evaluates:
//!
//! - every field's type must implement a local trait whose only impl is for
//!   `ArenaPod` types; its `#[diagnostic::on_unimplemented]` names the field;
//! - every gap between two fields and after the last one is computed with
//!   `offset_of!` and `size_of` as a const generic argument `BYTES` of a local
//!   trait that is implemented only for `BYTES = 0`, so a non-zero gap is a
//!   trait error whose message is formatted with the byte count and the field.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned, ToTokens};
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{
    Data, DataEnum, DataStruct, DeriveInput, Error, Expr, ExprLit, ExprUnary, Fields, GenericParam,
    Generics, Lit, Member, Path, Type, UnOp,
};

use crate::options::Options;
use crate::repr::{base_name, BaseRepr, IntRepr, Repr};

/// Expands `#[derive(ArenaPod)]` on `input`, or explains why it cannot be derived.
pub(crate) fn expand(input: &DeriveInput) -> syn::Result<TokenStream> {
    let options = Options::from_attrs(&input.attrs)?;
    let repr = Repr::from_attrs(&input.attrs)?;
    match &input.data {
        Data::Struct(data) => expand_struct(input, data, &repr, &options.krate),
        Data::Enum(data) => expand_enum(input, data, &repr, &options.krate),
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
struct FieldInfo<'a> {
    /// How the field is accessed (`name` or `0`), for `offset_of!`.
    member: Member,
    /// How the field is named in messages.
    label: String,
    /// The field's type.
    ty: &'a Type,
    /// Where errors about the field point.
    span: Span,
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
    krate: &Path,
) -> syn::Result<TokenStream> {
    let name = &input.ident;
    check_struct_repr(input, repr)?;
    reject_lifetimes(&input.generics)?;
    let fields = field_infos(&data.fields);
    let is_generic = input.generics.params.iter().next().is_some();
    if is_generic {
        check_generic_layout(input, repr, &fields)?;
    }

    let field_checks = fields.iter().enumerate().map(|(index, field)| {
        let check_trait = format_ident!("__ArenaPodField{}", index);
        let message = format!(
            "field `{}` of `{name}` has type `{{Self}}`, which is not `ArenaPod`",
            field.label
        );
        let note_what = "every field of an `ArenaPod` type must be `ArenaPod` too: plain data \
                         with no pointers, no heap ownership, no interior mutability, no padding, \
                         valid when all bytes are zero";
        let note_fix = format!(
            "if `{{Self}}` is your own type, derive `ArenaPod` for it; otherwise store plain data \
             in `{}` (an index or a length in place of a pointer or a reference, a \
             `#[derive(ArenaPod)]` struct in place of a heap-owning type), or keep this data \
             outside the arena",
            field.label
        );
        let ty = field.ty;
        let definition = quote! {
            #[diagnostic::on_unimplemented(
                message = #message,
                label = "not plain old data",
                note = #note_what,
                note = #note_fix,
            )]
            trait #check_trait {}
            #[diagnostic::do_not_recommend]
            impl<T: ?::core::marker::Sized + #krate::ArenaPod> #check_trait for T {}
        };
        let call = quote_spanned! {ty.span()=>
            {
                fn field_is_arena_pod<T: ?::core::marker::Sized + #check_trait>() {}
                field_is_arena_pod::<#ty>();
            }
        };
        (definition, call)
    });
    let (field_trait_definitions, field_calls): (Vec<_>, Vec<_>) = field_checks.unzip();

    let padding_checks = if is_generic {
        // `check_generic_layout` proved the absence of padding from the field types.
        TokenStream::new()
    } else {
        padding_checks(name, repr, &fields)
    };

    let copy_check = copy_check(&name.to_string(), name.span());
    let generics = bounded_generics(&input.generics, krate);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let impls = impls(krate, name, &generics);

    Ok(quote! {
        const _: () = {
            #(#field_trait_definitions)*
            #copy_check
            impl #impl_generics #krate::__private::DeriveChecks for #name #ty_generics
            #where_clause
            {
                fn derive_checks() {
                    __arena_pod_is_copy::<Self>();
                    #(#field_calls)*
                }
            }
            #padding_checks
            #impls
        };
    })
}

/// Accepts `repr(C)` (optionally with `packed` or `align`) and `repr(transparent)`.
fn check_struct_repr(input: &DeriveInput, repr: &Repr) -> syn::Result<()> {
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

fn reject_lifetimes(generics: &Generics) -> syn::Result<()> {
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

/// Proves a generic struct has no padding from its field types alone, or
/// rejects it: stable Rust cannot evaluate `offset_of!` on a generic type in a
/// const generic argument, and a post-monomorphisation check would not run for
/// bytemuck's `bytes_of`, which only asks for `NoUninit`.
///
/// Proven shapes:
/// - `repr(transparent)`: the layout of one `ArenaPod` field, which has no padding;
/// - `repr(C, packed)` (`packed(1)`): no padding at all;
/// - `repr(C)` (or `packed(N)`) where every field is one element type `E` or a
///   (nested) array of it: every size is a multiple of `align_of::<E>()`, which
///   is also the struct's alignment, so every offset is already aligned.
fn check_generic_layout(input: &DeriveInput, repr: &Repr, fields: &[FieldInfo]) -> syn::Result<()> {
    let name = &input.ident;
    if repr.base() == Some(BaseRepr::Transparent) || repr.packed.map(|(n, _)| n) == Some(1) {
        return Ok(());
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
    let Some(first) = fields.first() else {
        return Ok(());
    };
    let element = element_type(first.ty).to_token_stream().to_string();
    for field in &fields[1..] {
        if element_type(field.ty).to_token_stream().to_string() != element {
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
    }
    Ok(())
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

/// Const-evaluated checks that no padding sits between two fields or after
/// the last, for a non-generic struct.
fn padding_checks(name: &syn::Ident, repr: &Repr, fields: &[FieldInfo]) -> TokenStream {
    let uninit_note = format!(
        "padding bytes are uninitialised: viewing `{name}` values as bytes (`bytes_of`, \
         `as_bytes`) would read them, which is undefined behaviour"
    );
    let mut checks = TokenStream::new();
    for (index, pair) in fields.windows(2).enumerate() {
        let (this, next) = (&pair[0], &pair[1]);
        let (this_member, this_ty, next_member) = (&this.member, this.ty, &next.member);
        let bytes = quote_spanned! {this.span=>
            ::core::mem::offset_of!(#name, #next_member)
                - (::core::mem::offset_of!(#name, #this_member) + ::core::mem::size_of::<#this_ty>())
        };
        let message = format!(
            "`{name}` has {{BYTES}} byte(s) of padding after field `{}`",
            this.label
        );
        let help = format!(
            "make the padding explicit with a field between `{}` and `{}`: {}, or order the \
             fields from the largest alignment to the smallest",
            this.label,
            next.label,
            padding_field(&this.member, index)
        );
        checks.extend(padding_check(
            &format_ident!("__ArenaPodPaddingAfter{}", index),
            this.span,
            &bytes,
            &message,
            &uninit_note,
            &help,
        ));
    }

    let bytes;
    let message;
    let help;
    let span;
    let align_note = match repr.align {
        Some((align, _)) => format!(" (raised to {align} by `#[repr(align({align}))]`)"),
        None => String::new(),
    };
    if let Some(last) = fields.last() {
        let (member, ty) = (&last.member, last.ty);
        span = last.span;
        bytes = quote_spanned! {span=>
            ::core::mem::size_of::<#name>()
                - (::core::mem::offset_of!(#name, #member) + ::core::mem::size_of::<#ty>())
        };
        message = format!(
            "`{name}` has {{BYTES}} byte(s) of trailing padding after its last field `{}`",
            last.label
        );
        help = format!(
            "a struct's size is rounded up to its alignment{align_note}; make the padding \
             explicit with a last field after `{}`: {}",
            last.label,
            padding_field(&last.member, fields.len() - 1)
        );
    } else {
        span = name.span();
        bytes = quote_spanned! {span=> ::core::mem::size_of::<#name>() };
        message = format!("`{name}` has no fields but a size of {{BYTES}} byte(s) of padding");
        help = format!(
            "a struct's size is rounded up to its alignment{align_note}; remove `align`, or add \
             an explicit field `_pad: [u8; {{BYTES}}]`"
        );
    }
    checks.extend(padding_check(
        &format_ident!("__ArenaPodTrailingPadding"),
        span,
        &bytes,
        &message,
        &uninit_note,
        &help,
    ));
    checks
}

/// How to write an explicit padding field after field number `index`, in an
/// `on_unimplemented` format string where `{BYTES}` is the byte count.
fn padding_field(member: &Member, index: usize) -> String {
    match member {
        Member::Named(_) => format!("`_pad{index}: [u8; {{BYTES}}]`"),
        Member::Unnamed(_) => "`[u8; {BYTES}]`".to_owned(),
    }
}

/// A local trait implemented only for zero `BYTES` of padding, and a use of it
/// with `bytes` as the argument, reported at `span`.
fn padding_check(
    check_trait: &syn::Ident,
    span: Span,
    bytes: &TokenStream,
    message: &str,
    note: &str,
    help: &str,
) -> TokenStream {
    let use_site = quote_spanned! {span=>
        let _ = no_padding::<{ #bytes }>;
    };
    quote! {
        const _: () = {
            #[diagnostic::on_unimplemented(
                message = #message,
                label = "followed by {BYTES} byte(s) of padding",
                note = #note,
                note = #help,
            )]
            trait #check_trait<const BYTES: usize> {}
            impl #check_trait<0> for () {}
            fn no_padding<const BYTES: usize>()
            where
                (): #check_trait<BYTES>,
            {
            }
            #use_site
        };
    }
}

/// A local trait implemented for `Copy` types whose message explains why the
/// derived type must be `Copy`, and the helper `__arena_pod_is_copy` that uses it.
fn copy_check(name: &str, span: Span) -> TokenStream {
    let message = format!("`{name}` must be `Copy` to derive `ArenaPod`");
    let note = format!(
        "the arena hands out and copies `ArenaPod` values bit for bit and never runs a \
         destructor, so `{name}` must be `Copy`"
    );
    let help = format!("add `#[derive(Clone, Copy)]` to `{name}`");
    let check_trait = format_ident!("__ArenaPodCopy", span = span);
    quote! {
        #[diagnostic::on_unimplemented(
            message = #message,
            label = "not `Copy`",
            note = #note,
            note = #help,
        )]
        trait #check_trait {}
        #[diagnostic::do_not_recommend]
        impl<T: ?::core::marker::Sized + ::core::marker::Copy> #check_trait for T {}
        fn __arena_pod_is_copy<T: ?::core::marker::Sized + #check_trait>() {}
    }
}

/// `generics` with an `ArenaPod` bound on every type parameter.
fn bounded_generics(generics: &Generics, krate: &Path) -> Generics {
    let mut generics = generics.clone();
    for param in &mut generics.params {
        if let GenericParam::Type(param) = param {
            param.bounds.push(syn::parse_quote!(#krate::ArenaPod));
        }
    }
    generics
}

/// The three unsafe marker impls, justified by the checks generated next to them.
///
/// All three traits have `Copy` as a supertrait. The impls carry it as a
/// higher-ranked where-clause, which the compiler does not check where the impl
/// is written: for a type that is not `Copy` the impls simply never apply, and
/// the only error is the one from `copy_check`, which says why `Copy` is needed,
/// instead of three.
fn impls(krate: &Path, name: &syn::Ident, generics: &Generics) -> TokenStream {
    let mut generics = generics.clone();
    generics
        .make_where_clause()
        .predicates
        .push(syn::parse_quote!(for<'__arena_pod> Self: ::core::marker::Copy));
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        unsafe impl #impl_generics #krate::ArenaPod for #name #ty_generics #where_clause {}
        unsafe impl #impl_generics #krate::__private::bytemuck::Zeroable
            for #name #ty_generics #where_clause {}
        unsafe impl #impl_generics #krate::__private::bytemuck::NoUninit
            for #name #ty_generics #where_clause {}
    }
}

fn expand_enum(
    input: &DeriveInput,
    data: &DataEnum,
    repr: &Repr,
    krate: &Path,
) -> syn::Result<TokenStream> {
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
    let zero_check = zero_discriminant_check(name, data, int)?;
    let copy_check = copy_check(&name.to_string(), name.span());
    let impls = impls(krate, name, &input.generics);
    Ok(quote! {
        const _: () = {
            #copy_check
            impl #krate::__private::DeriveChecks for #name {
                fn derive_checks() {
                    __arena_pod_is_copy::<Self>();
                }
            }
            #zero_check
            #impls
        };
    })
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

/// Proves from the source that some variant is 0, or rejects the enum when
/// every discriminant is known and none is, or else generates a const check.
fn zero_discriminant_check(
    name: &syn::Ident,
    data: &DataEnum,
    int: &IntRepr,
) -> syn::Result<TokenStream> {
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
            return Ok(TokenStream::new());
        }
        all_known &= value.is_some();
        previous = Some(value);
    }
    let message = format!(
        "no variant of `{name}` has discriminant 0: `ArenaPod` requires all-zero bytes to be a \
         valid value, and for a fieldless enum that holds only when some variant is 0\n\
         help: add a variant such as `None = 0`, or give an existing variant `= 0`"
    );
    if all_known {
        let span = data
            .variants
            .first()
            .map_or(name.span(), |variant| variant.span());
        return Err(Error::new(span, message));
    }
    let int = syn::Ident::new(&int.name, int.span);
    let variants = data.variants.iter().map(|variant| &variant.ident);
    Ok(quote_spanned! {name.span()=>
        const _: () = if !(false #(|| #name::#variants as #int == 0)*) {
            ::core::panic!(#message)
        };
    })
}
