//! The compile-time checks whose errors explain a rejection: every field is
//! `ArenaPod`, the type is `Copy`, no padding between or after fields, an enum
//! has a zero variant. Each error is a trait error with a
//! `#[diagnostic::on_unimplemented]` message naming the field or the byte
//! count, reported at the field.
//!
//! These checks explain; they are not what the impls rely on, which
//! `arena_memory::__impl_arena_pod!` re-checks against `$crate`'s traits (or,
//! for a generic struct, the derive's impls bound on with `::arena_memory`
//! paths). So a `crate` path to something other than `arena_memory` may make
//! them pass, and still no impl exists.
//!
//! Layout of the generated block (see `names.rs` for why):
//!
//! ```text
//! const _: () = {
//!     mod __arena_pod { /* the traits with the messages, and one function each */ }
//!     impl<P: ?Sized + crate_path::ArenaPod> __arena_pod::Field0 for P {}
//!     impl crate_path::__private::DeriveChecks for Name {
//!         fn derive_checks() { __arena_pod::field_0::<FieldType>(); /* ... */ }
//!     }
//!     const _: () = { let _ = __arena_pod::padding_after_0::<{ /* bytes */ }>; };
//! };
//! ```
//!
//! The user's tokens (field types, generics, the struct's name, the `crate`
//! path) appear only outside the module, where its name is the one thing
//! declared, and the module holds none of them.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{DataEnum, GenericParam, Generics, Ident, Member, Path};

use crate::checks::{no_zero_variant_message, ZeroVariant};
use crate::expand::FieldInfo;
use crate::names::{core_at, Names};
use crate::repr::{IntRepr, Repr};

/// The checks for a struct; `padding` is false for a generic struct, whose
/// absence of padding `checks::check_generic_layout` proved from its shape.
pub(crate) fn struct_checks(
    name: &Ident,
    generics: &Generics,
    fields: &[FieldInfo],
    repr: &Repr,
    krate: &Path,
    names: &Names,
    padding: bool,
) -> TokenStream {
    let Names { module, param } = names;
    let core = core_at(Span::call_site());
    let mut module_items = copy_items(&name.to_string());
    let mut outer_items = TokenStream::new();
    let mut calls = vec![quote! { #module::is_copy::<Self>(); }];

    for (index, field) in fields.iter().enumerate() {
        let check_trait = format_ident!("Field{}", index);
        let check_fn = format_ident!("field_{}", index);
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
        module_items.extend(quote! {
            #[diagnostic::on_unimplemented(
                message = #message,
                label = "not plain old data",
                note = #note_what,
                note = #note_fix,
            )]
            pub(super) trait #check_trait {}
            pub(super) fn #check_fn<T: ?#core::marker::Sized + #check_trait>() {}
        });
        // Outside the module: the `crate` path is the user's and resolves here.
        outer_items.extend(quote! {
            #[diagnostic::do_not_recommend]
            impl<#param: ?#core::marker::Sized + #krate::ArenaPod> #module::#check_trait for #param {}
        });
        let ty = field.ty;
        calls.push(quote_spanned! {ty.span()=> #module::#check_fn::<#ty>(); });
    }

    let padding_checks = if padding {
        padding_checks(name, repr, fields, module, &mut module_items)
    } else {
        TokenStream::new()
    };

    let generics = bounded_generics(generics, krate);
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    quote! {
        const _: () = {
            mod #module {
                #module_items
            }
            #outer_items
            impl #impl_generics #krate::__private::DeriveChecks for #name #ty_generics
            #where_clause
            {
                fn derive_checks() {
                    #(#calls)*
                }
            }
            #padding_checks
        };
    }
}

/// The checks for a fieldless enum with an integer repr.
pub(crate) fn enum_checks(
    name: &Ident,
    data: &DataEnum,
    int: &IntRepr,
    zero: &ZeroVariant,
    krate: &Path,
    names: &Names,
) -> TokenStream {
    let module = &names.module;
    let module_items = copy_items(&name.to_string());
    let zero_check = match zero {
        ZeroVariant::Proven => TokenStream::new(),
        ZeroVariant::Unknown => {
            // The repr's own integer type, not whatever `u16` names where the
            // enum is: with `type u16 = u8;` in scope, `256 as u16` is 0.
            let core = core_at(name.span());
            let int = Ident::new(&int.name, int.span);
            let message = no_zero_variant_message(name);
            let variants = data.variants.iter().map(|variant| &variant.ident);
            quote_spanned! {name.span()=>
                const _: () = if !(false #(|| #name::#variants as #core::primitive::#int == 0)*) {
                    #core::panic!(#message)
                };
            }
        }
    };
    quote! {
        const _: () = {
            mod #module {
                #module_items
            }
            impl #krate::__private::DeriveChecks for #name {
                fn derive_checks() {
                    #module::is_copy::<Self>();
                }
            }
            #zero_check
        };
    }
}

/// A trait implemented for `Copy` types whose message explains why the
/// derived type must be `Copy`, and the function `is_copy` that asks for it.
fn copy_items(name: &str) -> TokenStream {
    let core = core_at(Span::call_site());
    let message = format!("`{name}` must be `Copy` to derive `ArenaPod`");
    let note = format!(
        "the arena hands out and copies `ArenaPod` values bit for bit and never runs a \
         destructor, so `{name}` must be `Copy`"
    );
    let help = format!("add `#[derive(Clone, Copy)]` to `{name}`");
    quote! {
        #[diagnostic::on_unimplemented(
            message = #message,
            label = "not `Copy`",
            note = #note,
            note = #help,
        )]
        pub(super) trait IsCopy {}
        #[diagnostic::do_not_recommend]
        impl<T: ?#core::marker::Sized + #core::marker::Copy> IsCopy for T {}
        pub(super) fn is_copy<T: ?#core::marker::Sized + IsCopy>() {}
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

/// Const-evaluated checks that no padding sits between two fields or after
/// the last, for a non-generic struct: their traits and functions go into
/// `module_items`, their uses are returned.
fn padding_checks(
    name: &Ident,
    repr: &Repr,
    fields: &[FieldInfo],
    module: &Ident,
    module_items: &mut TokenStream,
) -> TokenStream {
    let uninit_note = format!(
        "padding bytes are uninitialised: viewing `{name}` values as bytes (`bytes_of`, \
         `as_bytes`) would read them, which is undefined behaviour"
    );
    let mut uses = TokenStream::new();
    for (index, pair) in fields.windows(2).enumerate() {
        let (this, next) = (&pair[0], &pair[1]);
        let (this_member, this_ty, next_member) = (&this.member, this.ty, &next.member);
        let core = core_at(this.span);
        let bytes = quote_spanned! {this.span=>
            #core::mem::offset_of!(#name, #next_member)
                - (#core::mem::offset_of!(#name, #this_member) + #core::mem::size_of::<#this_ty>())
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
        let check = PaddingCheck {
            check_trait: format_ident!("PaddingAfter{}", index),
            check_fn: format_ident!("padding_after_{}", index),
            span: this.span,
            message,
            note: &uninit_note,
            help,
        };
        check.generate(module, &bytes, module_items, &mut uses);
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
        let core = core_at(span);
        bytes = quote_spanned! {span=>
            #core::mem::size_of::<#name>()
                - (#core::mem::offset_of!(#name, #member) + #core::mem::size_of::<#ty>())
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
        let core = core_at(span);
        bytes = quote_spanned! {span=> #core::mem::size_of::<#name>() };
        message = format!("`{name}` has no fields but a size of {{BYTES}} byte(s) of padding");
        help = format!(
            "a struct's size is rounded up to its alignment{align_note}; remove `align`, or add \
             an explicit field `_pad: [u8; {{BYTES}}]`"
        );
    }
    let check = PaddingCheck {
        check_trait: format_ident!("TrailingPadding"),
        check_fn: format_ident!("trailing_padding"),
        span,
        message,
        note: &uninit_note,
        help,
    };
    check.generate(module, &bytes, module_items, &mut uses);
    uses
}

/// How to write an explicit padding field after field number `index`, in an
/// `on_unimplemented` format string where `{BYTES}` is the byte count.
fn padding_field(member: &Member, index: usize) -> String {
    match member {
        Member::Named(_) => format!("`_pad{index}: [u8; {{BYTES}}]`"),
        Member::Unnamed(_) => "`[u8; {BYTES}]`".to_owned(),
    }
}

/// One padding check: a trait implemented only for zero `BYTES` of padding,
/// whose message is formatted with the byte count, reported at `span`.
struct PaddingCheck<'a> {
    check_trait: Ident,
    check_fn: Ident,
    span: Span,
    message: String,
    note: &'a str,
    help: String,
}

impl PaddingCheck<'_> {
    /// Adds the trait and its function to `module_items`, and to `uses` a use
    /// of the function with `bytes` as the argument.
    fn generate(
        &self,
        module: &Ident,
        bytes: &TokenStream,
        module_items: &mut TokenStream,
        uses: &mut TokenStream,
    ) {
        let Self {
            check_trait,
            check_fn,
            span,
            message,
            note,
            help,
        } = self;
        module_items.extend(quote! {
            #[diagnostic::on_unimplemented(
                message = #message,
                label = "followed by {BYTES} byte(s) of padding",
                note = #note,
                note = #help,
            )]
            pub(super) trait #check_trait<const BYTES: usize> {}
            impl #check_trait<0> for () {}
            pub(super) fn #check_fn<const BYTES: usize>()
            where
                (): #check_trait<BYTES>,
            {
            }
        });
        uses.extend(quote_spanned! {*span=>
            const _: () = {
                let _ = #module::#check_fn::<{ #bytes }>;
            };
        });
    }
}
